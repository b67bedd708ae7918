import { jobCostSql, releasedStatesSql, runningStatesSql } from "@/lib/budgets/job-cost-sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type SpendCheck = {
  teamId: string;
  userId: string | null;
  /** The job's estimated cost from the price table; null when the table has no price for it. */
  amount: number | null;
  /** How an amount reads to a person ("$1.20"). */
  money: (amount: number) => string;
  /** What a price is missing for, for the message ("doubao-seedance-2.0 at 1080p"). */
  priceFor: string;
  now: Date;
};

/**
 * Checks a new video job against the team's limits and reserves its estimated cost, inside the
 * transaction that writes the job. The team's budget row is locked first (and made when there
 * is none), so creations of one team take turns here and parallel ones cannot all fit in the
 * same remainder. Counts this calendar month (UTC) of jobs that did not fail; the caller stores
 * the returned amount on the job, which holds it until the job fails (released) or succeeds
 * (settled). Refuses with a QUOTA_EXCEEDED AppError that says what is left.
 */
export async function reserveVideoSpend(tx: Tx, check: SpendCheck): Promise<number | null> {
  const { teamId, userId, amount, money } = check;
  await tx.$executeRaw`INSERT INTO "TeamBudget" ("teamId", "updatedAt") VALUES (${teamId}, now()) ON CONFLICT ("teamId") DO NOTHING`;
  const [team] = await tx.$queryRaw<{ monthlyLimit: number | null; maxRunningJobs: number | null }[]>`
    SELECT "monthlyLimit"::float8 AS "monthlyLimit", "maxRunningJobs" FROM "TeamBudget" WHERE "teamId" = ${teamId} FOR UPDATE`;
  const member = userId
    ? (await tx.$queryRaw<{ monthlyLimit: number }[]>`SELECT "monthlyLimit"::float8 AS "monthlyLimit" FROM "MemberBudget" WHERE "teamId" = ${teamId} AND "userId" = ${userId}`)[0]
    : undefined;
  const monthStart = Prisma.sql`date_trunc('month', ${check.now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const [used] = await tx.$queryRaw<{ running: number; team: number; member: number }[]>`
    SELECT (count(*) FILTER (WHERE j.state IN ${runningStatesSql}))::int AS running,
           COALESCE(sum(${jobCostSql}) FILTER (WHERE j."createdAt" >= ${monthStart} AND j.state NOT IN ${releasedStatesSql}), 0)::float8 AS team,
           COALESCE(sum(${jobCostSql}) FILTER (WHERE j."createdAt" >= ${monthStart} AND j.state NOT IN ${releasedStatesSql} AND j."createdById" = ${userId ?? ""}), 0)::float8 AS member
    FROM "VideoJob" j LEFT JOIN "TeamSettings" ts ON ts."teamId" = j."teamId"
    WHERE j."teamId" = ${teamId} AND (j.state IN ${runningStatesSql} OR j."createdAt" >= ${monthStart})`;

  // Read on first use: modules that start video jobs are imported before settings are known (tests, scripts).
  const { env } = await import("@/lib/env");
  const maxRunning = team?.maxRunningJobs ?? env.VIDEO_JOBS_RUNNING_LIMIT;
  const running = used?.running ?? 0;
  if (running >= maxRunning) {
    throw new AppError("QUOTA_EXCEEDED", "tooManyRunningJobs", {
      values: { running, limit: maxRunning },
      detail: { running, maxRunning },
    });
  }
  const limits = [
    { who: "The team", limit: team?.monthlyLimit ?? null, spent: used?.team ?? 0 },
    { who: "You", limit: member?.monthlyLimit ?? null, spent: used?.member ?? 0 },
  ];
  for (const { who, limit, spent } of limits) {
    if (limit === null) continue;
    if (amount === null) {
      throw new AppError("QUOTA_EXCEEDED", "budgetNoPrice", { values: { who: who === "You" ? "member" : "team", price: check.priceFor } });
    }
    const left = Math.max(0, limit - spent);
    if (spent + amount > limit + 1e-9) {
      throw new AppError("QUOTA_EXCEEDED", "budgetExceeded", {
        values: { who: who === "You" ? "member" : "team", cost: money(amount), left: money(left), limit: money(limit) },
        detail: { who, limit, spent, amount },
      });
    }
  }
  return amount;
}
