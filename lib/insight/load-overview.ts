import { jobCostSql, releasedStatesSql } from "@/lib/budgets/job-cost-sql";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readPriceTable } from "@/lib/generation/read-price-table";
import type { OverviewRange } from "@/lib/insight/overview-range";
import { loadUserNames } from "@/lib/users/user-names";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Locale } from "@/lib/i18n/locales";
import { messageKey } from "@/lib/i18n/message-key";
import { sentencesIn } from "@/lib/i18n/sentence-in";

/**
 * The Overview's figures for one team over the last `days` days, cut into days in `timeZone`.
 * Everything is counted by PostgreSQL (date_trunc at the zone, percentile_cont); no asset or
 * job row is loaded into JavaScript. "Today" is the day `now` falls on in that zone.
 *
 * - submitted: assets written per day; approved / failed: review verdicts per day (a failed
 *   asset stays failed when it is later replaced or dismissed); approval rate = approved /
 *   (approved + failed) of the day, null on a day without verdicts.
 * - reasons: failure codes of the window's verdicts, most frequent first.
 * - review time: seconds from an asset's submission to its verdict (median, p90).
 * - jobs and spend: video jobs created per day, per model, per member; spend is the estimate
 *   reserved at creation (or, for jobs older than budgets, the team's price table applied to
 *   the job's duration and resolution), counted for jobs that did not fail.
 */
export type OverviewOptions = { days: OverviewRange; timeZone: string; now?: Date; locale?: Locale };

export type OverviewDay = { day: string; submitted: number; approved: number; failed: number; approvalRate: number | null; jobs: number; spend: number };
export type OverviewReason = { code: string; count: number; example: string | null };
export type OverviewJobsBy = { key: string; label: string; jobs: number; failed: number; spend: number };

export type Overview = {
  days: OverviewDay[];
  totals: { submitted: number; approved: number; failed: number; approvalRate: number | null; jobs: number; spend: number };
  reasons: OverviewReason[];
  reviewTime: { reviewed: number; medianSeconds: number | null; p90Seconds: number | null };
  byModel: OverviewJobsBy[];
  byMember: OverviewJobsBy[];
  currency: string | null;
  timeZone: string;
};

const releasedStates = releasedStatesSql;

export async function loadOverview(teamId: string, options: OverviewOptions): Promise<Overview> {
  const tz = options.timeZone;
  const formerMember = (await sentencesIn(options.locale ?? (await requestLocale())))({ key: messageKey("auditEvents.formerMember") });
  const now = options.now ?? new Date();
  // The window's first local midnight and the next one after today, as UTC timestamps (the
  // columns are UTC `timestamp`), so that the indexes on (teamId, createdAt|reviewedAt) serve.
  const [bounds] = await prisma.$queryRaw<{ start: string; end: string; firstDay: string; lastDay: string }[]>`
    WITH today AS (SELECT date_trunc('day', ${now.toISOString()}::timestamptz AT TIME ZONE ${tz}) AS day),
    window_ AS (SELECT day - make_interval(days => ${options.days}::int - 1) AS first, day AS last FROM today)
    SELECT to_char((first AT TIME ZONE ${tz}) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS "start",
           to_char(((last + interval '1 day') AT TIME ZONE ${tz}) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS "end",
           to_char(first, 'YYYY-MM-DD') AS "firstDay", to_char(last, 'YYYY-MM-DD') AS "lastDay"
    FROM window_`;
  const start = Prisma.sql`${bounds!.start}::timestamp`;
  const end = Prisma.sql`${bounds!.end}::timestamp`;
  const localDay = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;
  const jobs = Prisma.sql`
    SELECT j."createdAt", j.model, j."createdById", j.state, ${jobCostSql} AS cost
    FROM "VideoJob" j LEFT JOIN "TeamSettings" ts ON ts."teamId" = j."teamId"
    WHERE j."teamId" = ${teamId} AND j."createdAt" >= ${start} AND j."createdAt" < ${end}`;

  const [days, reasons, reviewTimes, byModel, byMember, settings] = await Promise.all([
    prisma.$queryRaw<{ day: string; submitted: number; approved: number; failed: number; jobs: number; spend: number }[]>`
      WITH days AS (
        SELECT generate_series(${bounds!.firstDay}::date, ${bounds!.lastDay}::date, interval '1 day')::date AS day
      ), submitted AS (
        SELECT ${localDay(Prisma.sql`"createdAt"`)} AS day, count(*)::int AS n
        FROM "Asset" WHERE "teamId" = ${teamId} AND "createdAt" >= ${start} AND "createdAt" < ${end}
        GROUP BY 1
      ), verdicts AS (
        SELECT ${localDay(Prisma.sql`"reviewedAt"`)} AS day,
               count(*) FILTER (WHERE state = 'APPROVED')::int AS approved,
               count(*) FILTER (WHERE state IN ('REJECTED', 'REPLACED', 'DISMISSED'))::int AS failed
        FROM "Asset" WHERE "teamId" = ${teamId} AND "reviewedAt" >= ${start} AND "reviewedAt" < ${end}
        GROUP BY 1
      ), jobs AS (
        SELECT ${localDay(Prisma.sql`"createdAt"`)} AS day, count(*)::int AS n,
               COALESCE(sum(cost) FILTER (WHERE state NOT IN ${releasedStates}), 0)::float8 AS spend
        FROM (${jobs}) j GROUP BY 1
      )
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(s.n, 0) AS submitted, COALESCE(v.approved, 0) AS approved,
             COALESCE(v.failed, 0) AS failed, COALESCE(jb.n, 0) AS jobs, COALESCE(jb.spend, 0) AS spend
      FROM days d
      LEFT JOIN submitted s ON s.day = d.day
      LEFT JOIN verdicts v ON v.day = d.day
      LEFT JOIN jobs jb ON jb.day = d.day
      ORDER BY d.day`,
    prisma.$queryRaw<OverviewReason[]>`
      SELECT "failureCode" AS code, count(*)::int AS count, (array_agg("failureReason" ORDER BY "reviewedAt" DESC))[1] AS example
      FROM "Asset"
      WHERE "teamId" = ${teamId} AND "reviewedAt" >= ${start} AND "reviewedAt" < ${end}
        AND state IN ('REJECTED', 'REPLACED', 'DISMISSED') AND "failureCode" IS NOT NULL
      GROUP BY "failureCode" ORDER BY count(*) DESC, "failureCode" LIMIT 12`,
    prisma.$queryRaw<{ reviewed: number; median: number | null; p90: number | null }[]>`
      SELECT count(*)::int AS reviewed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "reviewedAt" - "createdAt"))::float8 AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "reviewedAt" - "createdAt"))::float8 AS p90
      FROM "Asset"
      WHERE "teamId" = ${teamId} AND "reviewedAt" >= ${start} AND "reviewedAt" < ${end}
        AND state IN ('APPROVED', 'REJECTED', 'REPLACED', 'DISMISSED')`,
    prisma.$queryRaw<{ key: string; jobs: number; failed: number; spend: number }[]>`
      SELECT model AS key, count(*)::int AS jobs, (count(*) FILTER (WHERE state IN ${releasedStates}))::int AS failed,
             COALESCE(sum(cost) FILTER (WHERE state NOT IN ${releasedStates}), 0)::float8 AS spend
      FROM (${jobs}) j GROUP BY model ORDER BY 4 DESC, 2 DESC, 1`,
    prisma.$queryRaw<{ key: string | null; jobs: number; failed: number; spend: number }[]>`
      SELECT "createdById" AS key, count(*)::int AS jobs, (count(*) FILTER (WHERE state IN ${releasedStates}))::int AS failed,
             COALESCE(sum(cost) FILTER (WHERE state NOT IN ${releasedStates}), 0)::float8 AS spend
      FROM (${jobs}) j GROUP BY "createdById" ORDER BY 4 DESC, 2 DESC, 1`,
    prisma.teamSettings.findUnique({ where: { teamId }, select: { priceTable: true } }),
  ]);

  const names = await loadUserNames(byMember.map((m) => m.key));
  const rate = (approved: number, failed: number) => (approved + failed === 0 ? null : approved / (approved + failed));
  const sum = (pick: (d: (typeof days)[number]) => number) => days.reduce((n, d) => n + pick(d), 0);
  const totals = { submitted: sum((d) => d.submitted), approved: sum((d) => d.approved), failed: sum((d) => d.failed), jobs: sum((d) => d.jobs), spend: round(sum((d) => d.spend)) };
  const review = reviewTimes[0];
  return {
    days: days.map((d) => ({ ...d, spend: round(d.spend), approvalRate: rate(d.approved, d.failed) })),
    totals: { ...totals, approvalRate: rate(totals.approved, totals.failed) },
    reasons,
    reviewTime: { reviewed: review?.reviewed ?? 0, medianSeconds: review?.median ?? null, p90Seconds: review?.p90 ?? null },
    byModel: byModel.map((m) => ({ ...m, label: m.key, spend: round(m.spend) })),
    byMember: byMember.map((m) => ({ ...m, key: m.key ?? "", label: m.key ? (names.get(m.key) ?? formerMember) : "Avatar Studio", spend: round(m.spend) })),
    currency: readPriceTable(settings?.priceTable)?.currency ?? null,
    timeZone: tz,
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
