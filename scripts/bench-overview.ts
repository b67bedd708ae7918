// Overview speed at 100k assets and 10k video jobs: seeds a throw-away embedded PostgreSQL with
// one team of 100,000 assets (submitted over 120 days, most reviewed, six failure codes) and
// 10,000 video jobs (three models, three members), plus a second team of 20,000 assets and 2,000
// jobs so that scoping matters; then times `loadOverview` (every figure the Overview shows: per
// day, reasons, review-time percentiles, jobs and spend per day, model and member) for 7, 30 and
// 90 days in UTC and Asia/Shanghai. Beside each load, in the same run and interleaved with it, a
// bare indexed `SELECT count(*)` of the same rows (the window's assets and jobs of the team), and
// the ratio of the two. Prints figures; it is not a test. Last line: `overview: p95 ratio R`.
//
//   npx tsx scripts/bench-overview.ts [--assets 100000] [--jobs 10000] [--loads 20]
import pg from "pg";
import { startBenchDatabase } from "./lib/bench-database";
import { numberArg } from "./lib/number-arg";
import { type RatioRow, printRatioTable } from "./lib/ratio-table";

const ASSETS = numberArg("assets", 100_000);
const JOBS = numberArg("jobs", 10_000);
const LOADS = numberArg("loads", 20);

const { url: databaseUrl, stop } = await startBenchDatabase("bench-overview");

try {
  const seedStarted = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  await seed(client, "team_bench", ASSETS, JOBS);
  await seed(client, "team_other", Math.round(ASSETS / 5), Math.round(JOBS / 5));
  await client.query("ANALYZE");
  console.log(`seeded ${ASSETS.toLocaleString()} assets and ${JOBS.toLocaleString()} jobs (+ a second team of a fifth) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const { loadOverview } = await import("@/lib/insight/load-overview");
  const { prisma } = await import("@/lib/db");
  const teamId = "team_bench";
  await loadOverview(teamId, { days: 30, timeZone: "UTC" });

  /** The window's rows counted bare, by the (teamId, createdAt) indexes, on a connection of its own. */
  async function bare(days: number, tz: string): Promise<{ ms: number; rows: number }> {
    const t = performance.now();
    const start = `((date_trunc('day', now() AT TIME ZONE $2) - make_interval(days => $3::int - 1)) AT TIME ZONE $2) AT TIME ZONE 'UTC'`;
    const a = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Asset" WHERE "teamId" = $1 AND "createdAt" >= ${start}`, [teamId, tz, days]);
    const j = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "VideoJob" WHERE "teamId" = $1 AND "createdAt" >= ${start}`, [teamId, tz, days]);
    return { ms: performance.now() - t, rows: Number(a.rows[0]!.n) + Number(j.rows[0]!.n) };
  }

  const rows: RatioRow[] = [];
  for (const days of [7, 30, 90] as const) {
    for (const timeZone of ["UTC", "Asia/Shanghai"]) {
      const times: number[] = [];
      const bareTimes: number[] = [];
      let counted = 0;
      for (let i = 0; i < LOADS; i++) {
        const t = performance.now();
        const overview = await loadOverview(teamId, { days, timeZone });
        times.push(performance.now() - t);
        if (overview.days.length !== days) throw new Error(`expected ${days} days, got ${overview.days.length}`);
        const b = await bare(days, timeZone);
        bareTimes.push(b.ms);
        counted = b.rows;
      }
      rows.push({ scenario: `${days} days, ${timeZone}`, times, bareTimes, count: counted });
    }
  }

  console.log(`\nOverview loads at ${ASSETS.toLocaleString()} assets and ${JOBS.toLocaleString()} jobs (${LOADS} loads each; every figure of the page)`);
  console.log(`beside a bare indexed SELECT count(*) of the window's assets and jobs, in the same run; ratio = load / bare\n`);
  const ratio = printRatioTable(rows, { scenario: "window", count: "rows" });
  await prisma.$disconnect();
  await client.end();
  console.log(`overview: p95 ratio ${ratio.toFixed(1)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stop();
}

/** One team: assets over 120 days in 50 groups (20 a submission), most reviewed 1 min–2 days later; jobs over 120 days. */
async function seed(db: pg.Client, team: string, assets: number, jobs: number): Promise<void> {
  const submissions = Math.ceil(assets / 20);
  await db.query(`INSERT INTO "Team"(id, name) VALUES ($1, $1)`, [team]);
  await db.query(
    `INSERT INTO "TeamSettings"("teamId", models, "priceTable", "updatedAt")
     VALUES ($1, ARRAY['seedance-a','seedance-b','seedance-c'], '{"currency":"USD","perSecond":{"seedance-a":{"720p":0.1,"1080p":0.2},"seedance-b":{"720p":0.05},"seedance-c":{"480p":0.02}}}', now())`,
    [team],
  );
  await db.query(
    `INSERT INTO "User"(id, email, name, "updatedAt")
     SELECT $1 || '_user_' || u, $1 || '-' || u || '@bench.local', 'Member ' || u, now() FROM generate_series(1, 3) u`,
    [team],
  );
  await db.query(
    `INSERT INTO "Membership"(id, "teamId", "userId", role)
     SELECT $1 || '_m_' || u, $1, $1 || '_user_' || u, (ARRAY['ADMIN','LEAD','CREATOR'])[u]::"Role" FROM generate_series(1, 3) u`,
    [team],
  );
  await db.query(`INSERT INTO "AssetGroup"(id, "teamId", name, "projectName") SELECT $1 || '_grp_' || g, $1, 'Group ' || g, 'default' FROM generate_series(1, 50) g`, [team]);
  await db.query(
    `INSERT INTO "Submission"(id, "teamId", "groupId", "assetType", "projectName", state, "idempotencyKey", "createdById", "createdAt", "updatedAt")
     SELECT $1 || '_sub_' || s, $1, $1 || '_grp_' || (s % 50 + 1), 'IMAGE', 'default', 'PARTIAL', $1 || '_idem_' || s,
            $1 || '_user_' || (s % 3 + 1), now() - make_interval(mins => (s::bigint * 172800 / $2::int)::int), now()
     FROM generate_series(1, $2::int) s`,
    [team, submissions],
  );
  await db.query(
    `INSERT INTO "Asset"(id, "teamId", "submissionId", "groupId", name, type, state, "assetUrl", "failureCode", "failureReason", "createdById", "createdAt", "updatedAt", "reviewedAt")
     SELECT $1 || '_a_' || lpad(a::text, 7, '0'), $1, s.id, s."groupId", 'asset-' || a, 'IMAGE', st.state::"AssetState",
            CASE WHEN st.state = 'APPROVED' THEN 'asset://asset-' || a END,
            CASE WHEN st.state IN ('REJECTED','REPLACED','DISMISSED') THEN (ARRAY['PrivacyInformation','SensitiveContent','DownloadFailed','Trademark','ImageTooSmall','Other'])[a % 6 + 1] END,
            CASE WHEN st.state IN ('REJECTED','REPLACED','DISMISSED') THEN 'reason ' || (a % 6) END,
            s."createdById", s."createdAt", now(),
            CASE WHEN st.state <> 'IN_REVIEW' THEN s."createdAt" + make_interval(secs => 60 + (a * 7919) % 172800) END
     FROM generate_series(1, $2::int) a
     JOIN "Submission" s ON s.id = $1 || '_sub_' || ((a - 1) / 20 + 1)
     CROSS JOIN LATERAL (SELECT CASE WHEN a % 100 < 80 THEN 'APPROVED' WHEN a % 100 < 92 THEN 'REJECTED' WHEN a % 100 < 97 THEN 'IN_REVIEW'
                                     WHEN a % 100 < 99 THEN 'REPLACED' ELSE 'DISMISSED' END AS state) st`,
    [team, assets],
  );
  await db.query(
    `INSERT INTO "VideoJob"(id, "teamId", "createdById", model, params, state, "idempotencyKey", "estimatedCost", "createdAt", "updatedAt")
     SELECT $1 || '_job_' || j, $1, $1 || '_user_' || (j % 3 + 1), (ARRAY['seedance-a','seedance-b','seedance-c'])[j % 3 + 1],
            jsonb_build_object('duration', 5 + j % 6, 'resolution', (ARRAY['720p','720p','480p'])[j % 3 + 1], 'aspectRatio', '16:9'),
            (CASE WHEN j % 10 = 0 THEN 'FAILED' WHEN j % 10 = 1 THEN 'RUNNING' ELSE 'SUCCEEDED' END)::"VideoJobState",
            $1 || '_videm_' || j, CASE WHEN j % 2 = 0 THEN (5 + j % 6) * 0.1 END,
            now() - make_interval(mins => (j::bigint * 172800 / $2::int)::int), now()
     FROM generate_series(1, $2::int) j`,
    [team, jobs],
  );
}
