import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type VideoJobView, toVideoJobView, videoJobInclude } from "@/lib/generation/video-job-view";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Locale } from "@/lib/i18n/locales";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import type { FileStorage } from "@/lib/storage/file-storage";

/** One of the team's video jobs, as the job page shows it. */
export async function getVideoJob(
  teamId: string,
  jobId: string,
  options: { storage: Pick<FileStorage, "publicUrl">; includeRaw: boolean; locale?: Locale },
): Promise<VideoJobView> {
  const job = await prisma.videoJob.findFirst({ where: { id: jobId, teamId }, include: videoJobInclude });
  if (!job) throw new AppError("NOT_FOUND", "videoJobNotFound");
  const creator = job.createdById
    ? await prisma.user.findUnique({ where: { id: job.createdById }, select: { name: true, email: true } })
    : null;
  const say = await sentencesIn(options.locale ?? (await requestLocale()), "errors");
  return toVideoJobView(job, { storage: options.storage, creator, includeRaw: options.includeRaw, say });
}
