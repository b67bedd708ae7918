import { prisma } from "@/lib/db";

/**
 * Ids of unfinished video jobs whose next look is due, the longest-waiting first. Finding a
 * job does not take it: a worker claims it in advanceVideoJob.
 */
export async function findDueVideoJobs(options: { now?: Date; limit: number; exclude?: readonly string[] }): Promise<string[]> {
  const due = await prisma.videoJob.findMany({
    where: {
      state: { in: ["QUEUED", "UNCERTAIN", "SENT", "RUNNING"] },
      nextPollAt: { lte: options.now ?? new Date() },
      ...(options.exclude?.length ? { id: { notIn: [...options.exclude] } } : {}),
    },
    orderBy: { nextPollAt: "asc" },
    select: { id: true },
    take: options.limit,
  });
  return due.map((d) => d.id);
}
