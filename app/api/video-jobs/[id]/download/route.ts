import { Readable } from "node:stream";
import { prisma } from "@/lib/db";
import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { withUser } from "@/lib/http/with-user";
import { mediaFormats } from "@/lib/media/limits";
import { formatForFileName } from "@/lib/media/media-format";
import { getStorage } from "@/lib/storage/get-storage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * `GET /api/video-jobs/<id>/download[?file=last-frame]`: our stored copy of a finished job's
 * video (or last frame) as an attachment, so that it saves rather than plays. It outlives
 * the provider's link.
 */
export const GET = withUser<{ id: string }>("downloading a video", async ({ request, params: { id }, user }) => {
  const lastFrame = new URL(request.url).searchParams.get("file") === "last-frame";
  const job = await prisma.videoJob.findFirst({ where: { id, teamId: user.teamId }, select: { id: true, videoKey: true, lastFrameKey: true } });
  if (!job) throw new AppError("NOT_FOUND", "videoJobNotFound");
  const key = lastFrame ? job.lastFrameKey : job.videoKey;
  if (!key) throw new AppError("NOT_FOUND", lastFrame ? errorKey(messageKey("errors.jobHasNoLastFrame")) : errorKey(messageKey("errors.jobHasNoVideo")));
  const file = await getStorage().openRead(key);
  if (!file) throw new AppError("NOT_FOUND", "storedFileMissing");
  const ext = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  const format = formatForFileName(key);
  const name = `${lastFrame ? "last-frame" : "avatar-video"}-${job.id}.${ext}`;
  return new Response(Readable.toWeb(file.stream) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": format ? mediaFormats[format].mimeType : "application/octet-stream",
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
