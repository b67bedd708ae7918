import { Readable } from "node:stream";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { MAX_MEDIA_BYTES, BYTES_PER_MB } from "@/lib/media/limits";
import { makeThumbnail } from "@/lib/media/make-thumbnail";
import type { FileStorage } from "@/lib/storage/file-storage";

/** Whether an upload of this kind gets a thumbnail (audio has no picture; HEIC/HEIF pictures cannot be decoded here). */
export function takesThumbnail(media: { type: string; mimeType: string }): boolean {
  if (media.type === "VIDEO") return true;
  return media.type === "IMAGE" && media.mimeType !== "image/heic" && media.mimeType !== "image/heif";
}

const making = new Map<string, Promise<boolean>>();

/**
 * Makes an upload's thumbnail if it is not stored yet, once: uploads name their thumbnail's
 * key when they are recorded, and the picture is decoded later, off the upload's request
 * (on the thumbnail's first request, or by whoever calls this first). Concurrent calls for
 * one key in a process share one making; two processes making it at once both store the
 * same picture under the key (a put replaces whole). Returns whether the thumbnail is stored.
 */
export function ensureThumbnail(thumbnailKey: string, deps: { storage: FileStorage }): Promise<boolean> {
  const running = making.get(thumbnailKey);
  if (running) return running;
  const work = makeAndStore(thumbnailKey, deps.storage).finally(() => making.delete(thumbnailKey));
  making.set(thumbnailKey, work);
  return work;
}

async function makeAndStore(thumbnailKey: string, storage: FileStorage): Promise<boolean> {
  if (await storage.stat(thumbnailKey)) return true;
  const upload = await prisma.upload.findFirst({
    where: { thumbnailKey },
    select: { id: true, storageKey: true, type: true, mimeType: true, durationMs: true },
  });
  if (!upload || !takesThumbnail(upload)) return false;
  const original = await storage.openRead(upload.storageKey);
  if (!original) return false;
  // A local copy for the decoders (the store may be a bucket), dropped afterwards.
  const staged = await storage.stage(Readable.toWeb(original.stream) as unknown as ReadableStream<Uint8Array>, {
    maxBytes: MAX_MEDIA_BYTES + BYTES_PER_MB,
  });
  try {
    const picture = await makeThumbnail(staged.path, { type: upload.type, durationMs: upload.durationMs });
    if (!picture) return false;
    await storage.put(Readable.from([picture]), thumbnailKey, { maxBytes: picture.length, contentType: "image/webp" });
    return true;
  } catch (error) {
    logger.warn({ err: error, uploadId: upload.id }, "no thumbnail for upload");
    return false;
  } finally {
    await storage.discard(staged).catch(() => {});
  }
}
