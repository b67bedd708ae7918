import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListVideoJobsQuery } from "@/lib/generation/list-video-jobs.validation";
import { videoJobStatusFilters } from "@/lib/generation/video-job-states";
import { type VideoJobView, toVideoJobView, videoJobInclude } from "@/lib/generation/video-job-view";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Locale } from "@/lib/i18n/locales";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import type { FileStorage } from "@/lib/storage/file-storage";

/**
 * One page of the team's video jobs, newest first (keyset cursor: the last job's id), with
 * the filters of the Jobs page; also how many of the team's jobs are unfinished.
 */
export async function listVideoJobs(
  teamId: string,
  viewerId: string,
  query: ListVideoJobsQuery,
  options: { storage: Pick<FileStorage, "publicUrl">; locale?: Locale },
): Promise<{ items: VideoJobView[]; nextCursor: string | null; models: string[] }> {
  const states = videoJobStatusFilters[query.status];
  const where: Prisma.VideoJobWhereInput = {
    teamId,
    ...(states ? { state: { in: [...states] } } : {}),
    ...(query.mine ? { createdById: viewerId } : {}),
    ...(query.model ? { model: query.model } : {}),
    ...(query.q ? { prompt: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const [rows, models] = await Promise.all([
    prisma.videoJob.findMany({
      where,
      include: videoJobInclude,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    }),
    prisma.videoJob.findMany({ where: { teamId }, distinct: ["model"], select: { model: true }, orderBy: { model: "asc" } }),
  ]);
  const page = rows.slice(0, query.limit);
  const creatorIds = [...new Set(page.map((j) => j.createdById).filter((id): id is string => !!id))];
  const creators = await prisma.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(creators.map((c) => [c.id, { name: c.name, email: c.email }]));
  const say = await sentencesIn(options.locale ?? (await requestLocale()), "errors");
  return {
    items: page.map((job) =>
      toVideoJobView(job, { storage: options.storage, creator: job.createdById ? (byId.get(job.createdById) ?? null) : null, includeRaw: false, say }),
    ),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    models: models.map((m) => m.model),
  };
}
