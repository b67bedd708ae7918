import sharp, { type Sharp } from "sharp";
import type { ProbedMedia } from "@/lib/media/probe-file";
import { ffmpegFileInput, runFfmpeg } from "@/lib/media/run-ffmpeg";

export const THUMBNAIL_MAX_SIDE_PX = 320;

/**
 * A small WebP preview, at most 320 px on its longer side: the picture itself for images
 * (first frame of animations, turned upright), a frame from about one second in for videos,
 * and nothing for audio. Throws when the picture cannot be decoded.
 */
export async function makeThumbnail(filePath: string, media: Pick<ProbedMedia, "type" | "durationMs">): Promise<Buffer | null> {
  if (media.type === "AUDIO") return null;
  if (media.type === "IMAGE") return toThumbnail(sharp(filePath, { failOn: "error" }));
  const frame = await grabFrame(filePath, media.durationMs);
  return toThumbnail(sharp(frame, { failOn: "error" }));
}

function toThumbnail(image: Sharp): Promise<Buffer> {
  return image
    .autoOrient()
    .resize(THUMBNAIL_MAX_SIDE_PX, THUMBNAIL_MAX_SIDE_PX, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** One frame as PNG bytes, upright; falls back to the first frame for very short videos. */
async function grabFrame(filePath: string, durationMs: number | null): Promise<Buffer> {
  const at = Math.min(1, (durationMs ?? 0) / 2000);
  for (const seconds of at > 0 ? [at, 0] : [0]) {
    const { stdout, stderr } = await runFfmpeg(
      ["-v", "error", "-ss", seconds.toFixed(3), "-i", ffmpegFileInput(filePath), "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-"],
      { timeoutMs: 20_000, maxStdoutBytes: 64 * 1024 * 1024 },
    );
    if (stdout.length > 0) return stdout;
    if (seconds === 0) throw new Error(`No frame could be taken from the video: ${stderr.trim().slice(0, 500)}`);
  }
  throw new Error("No frame could be taken from the video");
}
