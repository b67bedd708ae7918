import { open } from "node:fs/promises";
import { findOutboundError } from "@/lib/net/outbound-error";
import { outboundFetch } from "@/lib/net/outbound-policy";
import type { FileStorage, StagedFile } from "@/lib/storage/file-storage";
import { newStorageKey } from "@/lib/storage/storage-key";

/** The largest finished video kept (a 15 s 1080p clip is far smaller). */
export const MAX_VIDEO_BYTES = 500 * 1_000_000;
/** The largest last frame kept. */
export const MAX_FRAME_BYTES = 30 * 1_000_000;
/**
 * The whole copy, well inside the worker's 15-minute hold on the job; a host that stops
 * sending is given up on much sooner (IDLE_TIMEOUT_MS).
 */
const TIMEOUT_MS = 5 * 60_000;
const CONNECT_TIMEOUT_MS = 10_000;
const FIRST_BYTE_TIMEOUT_MS = 30_000;
const IDLE_TIMEOUT_MS = 30_000;
/** Signed file links often redirect once or twice (to a CDN); every hop is checked. */
const MAX_REDIRECTS = 3;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Why a copy failed; `linkGone` when the provider no longer serves the file. */
export class CopyFailedError extends Error {
  constructor(
    message: string,
    readonly options: { linkGone?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "CopyFailedError";
  }
}

const signatures: { ext: string; mime: string; kind: "video" | "image"; test: (b: Buffer) => boolean }[] = [
  { ext: "mp4", mime: "video/mp4", kind: "video", test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" && !/^qt {2}/.test(b.subarray(8, 12).toString("latin1")) },
  { ext: "mov", mime: "video/quicktime", kind: "video", test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" },
  { ext: "webm", mime: "video/webm", kind: "video", test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  { ext: "png", mime: "image/png", kind: "image", test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: "jpg", mime: "image/jpeg", kind: "image", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: "webp", mime: "image/webp", kind: "image", test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
];

async function firstBytes(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Streams a file the provider serves into our storage, capped in size, and keeps it only
 * when its bytes are what was expected (a video, or an image for a last frame): an error
 * page saved as a video would be worse than none.
 */
export async function copyProviderFile(
  url: string,
  options: { storage: FileStorage; teamId: string; baseName: string; kind: "video" | "image"; maxBytes: number; fetch?: FetchLike },
): Promise<{ key: string; sizeBytes: number; sha256: string }> {
  // Through the outbound guard: no private or link-local target (the environment's provider
  // host aside), every redirect hop checked, connect / first-byte / idle timeouts, a size cap.
  const doFetch =
    options.fetch ??
    outboundFetch({
      maxRedirects: MAX_REDIRECTS,
      maxBytes: options.maxBytes,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      firstByteTimeoutMs: FIRST_BYTE_TIMEOUT_MS,
      idleTimeoutMs: IDLE_TIMEOUT_MS,
    });
  let response: Response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    const guard = findOutboundError(error);
    if (guard?.code === "TOO_LARGE") throw new CopyFailedError(`the provider's file is larger than ${options.maxBytes} bytes`, { cause: error });
    if (guard?.refused) throw new CopyFailedError(`the provider's file link was refused: ${guard.message}`, { cause: error });
    throw new CopyFailedError("the provider's file could not be reached", { cause: error });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new CopyFailedError(`the provider's file answered HTTP ${response.status}`, { linkGone: [403, 404, 410].includes(response.status) });
  }
  const length = Number(response.headers.get("content-length"));
  if (Number.isFinite(length) && length > options.maxBytes) {
    await response.body.cancel().catch(() => {});
    throw new CopyFailedError(`the provider's file is larger than ${options.maxBytes} bytes`);
  }

  let staged: StagedFile;
  try {
    staged = await options.storage.stage(response.body, { maxBytes: options.maxBytes });
  } catch (error) {
    const guard = findOutboundError(error);
    if (guard?.code === "TOO_LARGE") throw new CopyFailedError(`the provider's file is larger than ${options.maxBytes} bytes`, { cause: error });
    if (guard) throw new CopyFailedError(`the provider's file could not be read to the end: ${guard.message}`, { cause: error });
    throw new CopyFailedError("the provider's file could not be read to the end", { cause: error });
  }
  try {
    const head = await firstBytes(staged.path, 16);
    const format = signatures.find((s) => s.kind === options.kind && s.test(head));
    if (!format) throw new CopyFailedError(`the provider's file is not ${options.kind === "video" ? "a video" : "an image"}`);
    const key = newStorageKey(options.teamId, options.baseName, format.ext);
    await options.storage.commit(staged, key, { contentType: format.mime });
    return { key, sizeBytes: staged.sizeBytes, sha256: staged.sha256 };
  } catch (error) {
    await options.storage.discard(staged).catch(() => {});
    throw error;
  }
}
