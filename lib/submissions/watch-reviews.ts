import "server-only";
import { prisma } from "@/lib/db";
import { activeSubmissionStates } from "@/lib/submissions/list-submissions";

const finishedStates = ["COMPLETED", "PARTIAL", "FAILED"] as const;

/**
 * What the finish notices on every page need, in two small reads of the user's own reviews
 * in this team: how many are still running, and those that finished after `since` (the
 * `now` of the previous read; none on the first read, whose `now` starts the watch). A review
 * that lost its answer or could not be sent is not "finished": the pages that show it say
 * what to do.
 */
export async function watchReviews(teamId: string, userId: string, since: Date | undefined) {
  const now = new Date();
  const [running, ended] = await Promise.all([
    prisma.submission.count({ where: { teamId, createdById: userId, state: { in: [...activeSubmissionStates] } } }),
    since
      ? prisma.submission.findMany({
          where: { teamId, createdById: userId, state: { in: [...finishedStates] }, finishedAt: { gt: since, lte: now } },
          select: { id: true, group: { select: { name: true } }, assets: { select: { state: true } } },
          orderBy: { finishedAt: "asc" },
          take: 20,
        })
      : Promise.resolve([]),
  ]);
  return {
    now: now.toISOString(),
    running,
    ended: ended.map((r) => ({
      id: r.id,
      groupName: r.group.name,
      approved: r.assets.filter((a) => a.state === "APPROVED").length,
      failed: r.assets.filter((a) => a.state === "REJECTED").length,
    })),
  };
}

export type ReviewWatch = Awaited<ReturnType<typeof watchReviews>>;
