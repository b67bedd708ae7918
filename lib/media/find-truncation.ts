import { open } from "node:fs/promises";
import type { MediaFormat } from "@/lib/media/limits";

/**
 * Whether a picture's bytes stop before its format's end mark, read from the last bytes only
 * (no pixel is decoded): a JPEG must end with its end-of-image marker (zero padding after it
 * allowed), a GIF with its trailer, a WebP where its RIFF header says. PNG's end is checked
 * by `findHiddenContent`; other formats are not checked here. Returns a reason, or null.
 */
export async function findTruncation(filePath: string, format: MediaFormat, label: string): Promise<string | null> {
  if (format !== "jpeg" && format !== "gif" && format !== "webp") return null;
  const handle = await open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 4096);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const head = Buffer.alloc(Math.min(size, 12));
    await handle.read(head, 0, head.length, 0);
    let complete = true;
    if (format === "jpeg") {
      let end = tail.length;
      while (end > 0 && tail[end - 1] === 0) end--;
      complete = end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9;
    } else if (format === "gif") {
      complete = tail.length > 0 && tail[tail.length - 1] === 0x3b;
    } else {
      // RIFF <size> WEBP: the size counts the bytes after its own field (padded to even).
      complete = head.length === 12 && head.readUInt32LE(4) + 8 <= size;
    }
    return complete ? null : `The ${label} image could not be read to the end; it may be damaged.`;
  } finally {
    await handle.close();
  }
}
