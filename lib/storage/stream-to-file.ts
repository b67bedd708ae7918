import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import type { ByteSource } from "@/lib/storage/file-storage";

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
 * Streams `source` into a new file at `filePath` (which must not exist), hashing with
 * SHA-256 and counting bytes on the way, with backpressure: memory use stays at a few
 * chunks whatever the size. Stops reading, cancels the source and deletes the partial
 * file as soon as more than `maxBytes` arrive, and on any other failure.
 */
export async function streamToFile(
  source: ByteSource,
  filePath: string,
  options: { maxBytes: number },
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of readChunks(source)) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
      hash.update(chunk);
      yield chunk;
    }
  }
  try {
    await pipeline(counted, createWriteStream(filePath, { flags: "wx" }));
  } catch (error) {
    await rm(filePath, { force: true });
    throw error;
  }
  return { sha256: hash.digest("hex"), sizeBytes };
}

/** Chunks of a web stream or an async iterable; read failures become SourceReadError. */
async function* readChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (!isWebStream(source)) {
    const iterator = source[Symbol.asyncIterator]();
    try {
      while (true) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await iterator.next();
        } catch (error) {
          throw new SourceReadError(error);
        }
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await Promise.resolve(iterator.return?.()).catch(() => {});
    }
  }
  const reader = source.getReader();
  let done = false;
  try {
    while (true) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        done = true;
        throw new SourceReadError(error);
      }
      if (result.done) {
        done = true;
        return;
      }
      yield result.value;
    }
  } finally {
    // Stopped early (too large, disk error): tell the sender no more is wanted.
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function isWebStream(source: ByteSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === "function";
}
