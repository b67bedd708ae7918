import "server-only";
import { prisma } from "@/lib/db";

/**
 * Where some submissions' reviews stand, for the gallery to tell when one finishes ("18
 * approved, 2 failed"). Unknown ids and other teams' submissions are left out.
 */
export async function summariseReviews(teamId: string, submissionIds: string[]) {
  const ids = [...new Set(submissionIds)].slice(0, 100);
  if (ids.length === 0) return [];
  const [submissions, counts] = await Promise.all([
    prisma.submission.findMany({
      where: { teamId, id: { in: ids } },
      select: { id: true, state: true, group: { select: { name: true } } },
    }),
    prisma.asset.groupBy({ by: ["submissionId", "state"], where: { teamId, submissionId: { in: ids } }, _count: { _all: true } }),
  ]);
  return submissions.map((s) => {
    const of = (state: string) => counts.find((c) => c.submissionId === s.id && c.state === state)?._count._all ?? 0;
    return {
      id: s.id,
      state: s.state,
      groupName: s.group.name,
      approved: of("APPROVED"),
      failed: of("REJECTED") + of("REPLACED") + of("DISMISSED"),
      inReview: of("PENDING") + of("IN_REVIEW"),
    };
  });
}

export type ReviewSummary = Awaited<ReturnType<typeof summariseReviews>>[number];
