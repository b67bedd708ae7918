import { jobCostSql, releasedStatesSql, runningStatesSql } from "@/lib/budgets/job-cost-sql";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadUserNames } from "@/lib/users/user-names";

export type BudgetStatus = {
  team: { monthlyLimit: number | null; spent: number; reserved: number; left: number | null };
  running: number;
  maxRunningJobs: number;
  /** The team's own limit on jobs at once; null: the server's (maxRunningJobs). */
  teamMaxRunningJobs: number | null;
  members: { userId: string; name: string; monthlyLimit: number | null; spent: number; reserved: number; left: number | null }[];
};

/**
 * This calendar month's (UTC) estimated spend of a team and each member against their limits:
 * spent = jobs that succeeded, reserved = jobs still running; failed jobs count nothing.
 */
export async function getBudgetStatus(teamId: string, now = new Date()): Promise<BudgetStatus> {
  const monthStart = Prisma.sql`date_trunc('month', ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const [budget, memberLimits, members, usage, [running]] = await Promise.all([
    prisma.teamBudget.findUnique({ where: { teamId } }),
    prisma.memberBudget.findMany({ where: { teamId } }),
    prisma.membership.findMany({ where: { teamId }, select: { userId: true } }),
    prisma.$queryRaw<{ userId: string | null; spent: number; reserved: number }[]>`
      SELECT j."createdById" AS "userId",
             COALESCE(sum(${jobCostSql}) FILTER (WHERE j.state = 'SUCCEEDED'), 0)::float8 AS spent,
             COALESCE(sum(${jobCostSql}) FILTER (WHERE j.state <> 'SUCCEEDED' AND j.state NOT IN ${releasedStatesSql}), 0)::float8 AS reserved
      FROM "VideoJob" j LEFT JOIN "TeamSettings" ts ON ts."teamId" = j."teamId"
      WHERE j."teamId" = ${teamId} AND j."createdAt" >= ${monthStart}
      GROUP BY 1`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "VideoJob" WHERE "teamId" = ${teamId} AND state IN ${runningStatesSql}`,
  ]);
  const names = await loadUserNames(members.map((m) => m.userId));
  const byUser = new Map(usage.map((u) => [u.userId, u]));
  const total = usage.reduce((t, u) => ({ spent: t.spent + u.spent, reserved: t.reserved + u.reserved }), { spent: 0, reserved: 0 });
  const left = (limit: number | null, used: number) => (limit === null ? null : round(Math.max(0, limit - used)));
  const teamLimit = budget?.monthlyLimit == null ? null : Number(budget.monthlyLimit);
  return {
    team: { monthlyLimit: teamLimit, spent: round(total.spent), reserved: round(total.reserved), left: left(teamLimit, total.spent + total.reserved) },
    running: running?.n ?? 0,
    maxRunningJobs: budget?.maxRunningJobs ?? env.VIDEO_JOBS_RUNNING_LIMIT,
    teamMaxRunningJobs: budget?.maxRunningJobs ?? null,
    members: members
      .map((m) => {
        const limit = memberLimits.find((l) => l.userId === m.userId);
        const monthlyLimit = limit ? Number(limit.monthlyLimit) : null;
        const u = byUser.get(m.userId);
        return { userId: m.userId, name: names.get(m.userId) ?? "A member", monthlyLimit, spent: round(u?.spent ?? 0), reserved: round(u?.reserved ?? 0), left: left(monthlyLimit, (u?.spent ?? 0) + (u?.reserved ?? 0)) };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
