import "server-only";
import { prisma } from "@/lib/db";

/**
 * The team's asset groups for the target picker, most recent first, with how many approved
 * assets each holds. Dates are ISO strings: this is also what `GET /api/groups` answers.
 */
export async function listGroups(teamId: string) {
  const groups = await prisma.assetGroup.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      description: true,
      projectName: true,
      providerGroupId: true,
      createdAt: true,
      _count: { select: { assets: { where: { state: "APPROVED" } }, submissions: true } },
    },
  });
  return groups.map(({ _count, createdAt, ...group }) => ({
    ...group,
    createdAt: createdAt.toISOString(),
    approvedCount: _count.assets,
    submissionCount: _count.submissions,
  }));
}

export type GroupOption = Awaited<ReturnType<typeof listGroups>>[number];
