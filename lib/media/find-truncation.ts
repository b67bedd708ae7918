import type { FileEndsOf } from "@/lib/media/file-ends";
import type { MediaFormat } from "@/lib/media/limits";

/**
 * Whether a picture's bytes stop before its format's end mark, judged from the file's ends (no
 * pixel is decoded): a JPEG must end with its end-of-image marker (zero padding after it
 * allowed), a GIF with its trailer, a WebP where its RIFF header says. PNG's end is checked
 * by `findHiddenContent`; other formats are not checked here. Returns a reason, or null.
 */
export function findTruncation(ends: FileEndsOf, format: MediaFormat, label: string): string | null {
  if (format !== "jpeg" && format !== "gif" && format !== "webp") return null;
  const size = ends.sizeBytes;
  const tail = ends.tail.subarray(Math.max(0, ends.tail.length - 4096));
  const head = ends.head.subarray(0, 12);
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
}
