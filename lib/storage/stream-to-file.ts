import { createHash } from "node:crypto";
import { open, rm, type FileHandle } from "node:fs/promises";
import type { ByteSource, FileEnds } from "@/lib/storage/file-storage";

/** The source held more bytes than allowed; nothing was kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

/** Reading the source failed (for a request body: the sender went away); nothing was kept. */
export class SourceReadError extends Error {
  constructor(cause: unknown) {
    super("The file could not be read to the end", { cause });
    this.name = "SourceReadError";
  }
}

/**
 * Chunks are gathered to about this much before they are written: a request body comes in
 * 64 kB pieces, and one write call per piece costs more than the copy it saves.
 */
const WRITE_BATCH_BYTES = 512 * 1024;

/**
 * Streams `source` into a new file at `filePath` (which must not exist), hashing with
 * SHA-256 and counting bytes on the way, with backpressure: one batch of chunks is written
 * while the next is read, so memory use stays at two batches whatever the size. Stops
 * reading, cancels the source and deletes the partial file as soon as more than `maxBytes`
 * arrive, and on any other failure. With `keepEnds`, also returns the file's first and last
 * `keepEnds` bytes, so checks of its ends need not read it again.
 */
export async function streamToFile(
  source: ByteSource,
  filePath: string,
  options: { maxBytes: number; keepEnds?: number },
): Promise<{ sha256: string; sizeBytes: number; ends?: FileEnds }> {
  const keep = options.keepEnds ?? 0;
  const hash = createHash("sha256");
  let handle: FileHandle;
  try {
    handle = await open(filePath, "wx");
  } catch (error) {
    await cancelSource(source);
    throw error;
  }
  let sizeBytes = 0;
  const head = Buffer.allocUnsafe(keep);
  let headBytes = 0;
  const tail: Uint8Array[] = [];
  let tailBytes = 0;
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let position = 0;
  // The batch being written; its failure is kept (not left unhandled) and thrown at the next wait.
  let writing: Promise<void> | null = null;
  let writeError: { error: unknown } | null = null;
  const writeBatch = () => {
    const buffers = batch;
    const at = position;
    position += batchBytes;
    batch = [];
    batchBytes = 0;
    writing = writeAll(handle, buffers, at).catch((error: unknown) => {
      writeError = { error };
    });
  };
  const written = async () => {
    await writing;
    if (writeError) throw writeError.error;
  };
  const chunks = readChunks(source);
  try {
    try {
      for (let chunk = await chunks.next(); chunk !== null; chunk = await chunks.next()) {
        sizeBytes += chunk.byteLength;
        if (sizeBytes > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
        hash.update(chunk);
        if (keep > 0) {
          if (headBytes < keep) {
            const n = Math.min(keep - headBytes, chunk.byteLength);
            head.set(chunk.subarray(0, n), headBytes);
            headBytes += n;
          }
          tail.push(chunk);
          tailBytes += chunk.byteLength;
          while (tailBytes - tail[0]!.byteLength >= keep) tailBytes -= tail.shift()!.byteLength;
        }
        batch.push(chunk);
        batchBytes += chunk.byteLength;
        if (batchBytes >= WRITE_BATCH_BYTES) {
          // Reading waits here while the disk is a batch behind.
          await written();
          writeBatch();
        }
      }
    } finally {
      await chunks.stop();
    }
    await written();
    if (batchBytes > 0) {
      writeBatch();
      await written();
    }
    await handle.close();
  } catch (error) {
    await writing;
    await handle.close().catch(() => {});
    await rm(filePath, { force: true });
    throw error;
  }
  const ends = keep > 0 ? { head: head.subarray(0, headBytes), tail: lastBytes(tail, tailBytes, keep) } : undefined;
  return { sha256: hash.digest("hex"), sizeBytes, ...(ends ? { ends } : {}) };
}

/** Writes all of `buffers` at `position`, however many calls that takes. */
async function writeAll(handle: FileHandle, buffers: Uint8Array[], position: number): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest, position);
    if (bytesWritten <= 0) throw new Error("The file could not be written");
    position += bytesWritten;
    let skip = bytesWritten;
    let i = 0;
    while (i < rest.length && skip >= rest[i]!.byteLength) skip -= rest[i++]!.byteLength;
    rest = i < rest.length ? [rest[i]!.subarray(skip), ...rest.slice(i + 1)] : [];
  }
}

/** The last `count` bytes of the chunks (which hold `total` bytes), as a buffer of their own. */
function lastBytes(chunks: Uint8Array[], total: number, count: number): Buffer {
  const all = Buffer.concat(chunks, total);
  return all.subarray(Math.max(0, total - count));
}

/** One chunk at a time (null at the end) from a source; `stop` lets the source go. */
type ChunkReader = { next(): Promise<Uint8Array | null>; stop(): Promise<void> };

/**
 * Chunks of a web stream or an async iterable; read failures become SourceReadError. `stop`
 * (always called) tells a source not read to the end that no more is wanted.
 */
function readChunks(source: ByteSource): ChunkReader {
  if (isWebStream(source)) {
    const reader = source.getReader();
    let done = false;
    return {
      next: () =>
        reader.read().then(
          (result) => {
            if (!result.done) return result.value;
            done = true;
            return null;
          },
          (error: unknown) => {
            done = true;
            throw new SourceReadError(error);
          },
        ),
      async stop() {
        // Stopped early (too large, disk error): tell the sender no more is wanted.
        if (!done) await reader.cancel().catch(() => {});
        reader.releaseLock();
      },
    };
  }
  const iterator = source[Symbol.asyncIterator]();
  return {
    next: () =>
      iterator.next().then(
        (result) => (result.done ? null : result.value),
        (error: unknown) => {
          throw new SourceReadError(error);
        },
      ),
    async stop() {
      await Promise.resolve(iterator.return?.()).catch(() => {});
    },
  };
}

/** Tells a source that was never read that no bytes are wanted. */
async function cancelSource(source: ByteSource): Promise<void> {
  try {
    if (isWebStream(source)) await source.cancel();
    else await source[Symbol.asyncIterator]().return?.();
  } catch {
    // Already closed or failed: nothing to tell.
  }
}

function isWebStream(source: ByteSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === "function";
}
