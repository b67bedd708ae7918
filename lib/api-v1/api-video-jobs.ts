import "server-only";
import { Readable } from "node:stream";
import type { z } from "zod";
import type { listVideoJobsApiQuerySchema } from "@/lib/api-v1/api-schemas";
import { prisma } from "@/lib/db";
import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { getVideoJob } from "@/lib/generation/get-video-job";
import { listVideoJobs } from "@/lib/generation/list-video-jobs";
import type { VideoJobView } from "@/lib/generation/video-job-view";
import { mediaFormats } from "@/lib/media/limits";
import { formatForFileName } from "@/lib/media/media-format";
import { getStorage } from "@/lib/storage/get-storage";

/** The job page's view without the provider's raw payload. */
function publicView(job: VideoJobView): Omit<VideoJobView, "raw"> {
  const { raw: _raw, ...rest } = job;
  return rest;
}

export async function listApiVideoJobs(teamId: string, viewerId: string, query: z.output<typeof listVideoJobsApiQuerySchema>) {
  if (query.cursor && !(await prisma.videoJob.findFirst({ where: { id: query.cursor, teamId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "cursorInvalid");
  }
  const page = await listVideoJobs(
    teamId,
    viewerId,
    { status: query.status, mine: query.mine === "true", model: query.model || undefined, q: query.q || undefined, cursor: query.cursor, limit: query.limit },
    { storage: getStorage() },
  );
  return { items: page.items.map(publicView), nextCursor: page.nextCursor };
}

export async function getApiVideoJob(teamId: string, jobId: string) {
  return publicView(await getVideoJob(teamId, jobId, { storage: getStorage(), includeRaw: false }));
}

/** Our stored copy of a finished job's video (or last frame), streamed from storage as an attachment. */
export async function videoJobFileResponse(teamId: string, jobId: string, which: "video" | "last-frame"): Promise<Response> {
  const job = await prisma.videoJob.findFirst({ where: { id: jobId, teamId }, select: { id: true, videoKey: true, lastFrameKey: true } });
  if (!job) throw new AppError("NOT_FOUND", "videoJobNotFound");
  const lastFrame = which === "last-frame";
  const key = lastFrame ? job.lastFrameKey : job.videoKey;
  if (!key) throw new AppError("NOT_FOUND", lastFrame ? errorKey(messageKey("errors.jobHasNoLastFrame")) : errorKey(messageKey("errors.jobHasNoVideo")));
  const file = await getStorage().openRead(key);
  if (!file) throw new AppError("NOT_FOUND", "storedFileMissing");
  const format = formatForFileName(key);
  const name = `${lastFrame ? "last-frame" : "avatar-video"}-${job.id}.${key.slice(key.lastIndexOf(".") + 1).toLowerCase()}`;
  return new Response(Readable.toWeb(file.stream) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": format ? mediaFormats[format].mimeType : "application/octet-stream",
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
