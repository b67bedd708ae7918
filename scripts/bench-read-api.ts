// Read API under 50 connections: a production build under `npm start` (and a worker), signed
// in, one team of 10,000 assets. Three routes, each for 20 s with autocannon at 50
// connections, interleaved in two rounds of 10 s (assets, unchanged, live, assets, …):
// - assets: the gallery's first page with its tab counts (`GET /api/assets`) without an ETag,
//   as every open tab asks once a write has moved the team's version: computed once per team
//   version and view and shared by the tabs (lib/http/shared-answers.ts);
// - unchanged: the same poll carrying the ETag of the last answer (`If-None-Match`), which
//   the app answers 304 since nothing changed: what every open gallery tab costs between writes;
// - live: `GET /api/live`, a route that answers a constant JSON with no database: the anchor.
// Ratios are against the live route's req/s in the same run. Bounded, loopback only, stops by
// itself. Not a test.
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   npx tsx scripts/bench-read-api.ts [--assets 10000] [--seconds 20] [--connections 50]
//
// Last line: `read api: assets A req/s (ratio R), unchanged U req/s (ratio R2), live L req/s, 5xx X`.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { pct, startBenchStack } from "./lib/bench-stack";
import { numberArg } from "./lib/number-arg";

const ASSETS = numberArg("assets", 10_000);
const SECONDS = numberArg("seconds", 20);
const CONNECTIONS = numberArg("connections", 50);
const ROUNDS = 2;

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-bench-read-"));
const stack = await startBenchStack(dir);
let last = "";
try {
  const db = new pg.Client({ connectionString: stack.shared.databaseUrl });
  await db.connect();
  const seeded = performance.now();
  await seed(db, "creator@demo.local", ASSETS);
  await db.query("ANALYZE");
  await db.end();
  console.log(`seeded ${ASSETS.toLocaleString()} assets in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const first = await fetch(`${stack.base}/api/assets`, { headers: { cookie: stack.cookie } });
  const page = (await first.json()) as { items: unknown[]; counts: { all: number } };
  const etag = first.headers.get("etag");
  if (first.status !== 200 || !etag) throw new Error(`GET /api/assets: HTTP ${first.status}, ETag ${etag}`);
  const check = await fetch(`${stack.base}/api/assets`, { headers: { cookie: stack.cookie, "if-none-match": etag } });
  if (check.status !== 304) throw new Error(`the unchanged poll answered ${check.status}, not 304`);
  console.log(`first page: ${page.items.length} cards, tab "all" ${page.counts.all}; ETag ${etag}`);

  const kinds = {
    assets: { path: "/api/assets", headers: { cookie: stack.cookie }, expect: 200 },
    unchanged: { path: "/api/assets", headers: { cookie: stack.cookie, "if-none-match": etag }, expect: 304 },
    live: { path: "/api/live", headers: {}, expect: 200 },
  } as const;
  type Kind = keyof typeof kinds;
  const totals: Record<Kind, Run[]> = { assets: [], unchanged: [], live: [] };
  // Warm-up: first compiles and connections out of the figures.
  for (const kind of Object.keys(kinds) as Kind[]) await run(kinds[kind], 2, 10);
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of Object.keys(kinds) as Kind[]) totals[kind].push(await run(kinds[kind], SECONDS / ROUNDS, CONNECTIONS));
  }

  const summary = (kind: Kind) => {
    const runs = totals[kind];
    const ok = runs.reduce((s, r) => s + r.ok, 0);
    const seconds = runs.reduce((s, r) => s + r.seconds, 0);
    const times = runs.flatMap((r) => r.times);
    const other = runs.reduce((s, r) => s + (r.total - r.ok), 0);
    const fivexx = runs.reduce((s, r) => s + r.fivexx, 0);
    return { rate: ok / seconds, p50: pct(times, 50), p95: pct(times, 95), other, fivexx };
  };
  const s = { assets: summary("assets"), unchanged: summary("unchanged"), live: summary("live") };
  for (const kind of Object.keys(s) as Kind[]) {
    const k = s[kind];
    console.log(
      `${kind.padEnd(9)} ${k.rate.toFixed(0).padStart(6)} req/s (HTTP ${kinds[kind].expect}), p50 ${k.p50.toFixed(0)} ms, p95 ${k.p95.toFixed(0)} ms, other answers ${k.other}, 5xx ${k.fivexx}`,
    );
  }
  const fivexx = s.assets.fivexx + s.unchanged.fivexx + s.live.fivexx;
  last =
    `read api: assets ${s.assets.rate.toFixed(0)} req/s (ratio ${(s.assets.rate / s.live.rate).toFixed(2)}), ` +
    `unchanged ${s.unchanged.rate.toFixed(0)} req/s (ratio ${(s.unchanged.rate / s.live.rate).toFixed(2)}), live ${s.live.rate.toFixed(0)} req/s, 5xx ${fivexx}`;
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(last);
process.exit(last ? 0 : 1);

type Run = { total: number; ok: number; fivexx: number; times: number[]; seconds: number };

/** One autocannon run of one request; an answer counts as ok when its status is the one expected. */
function run(kind: { path: string; headers: Record<string, string>; expect: number }, seconds: number, connections: number): Promise<Run> {
  const out: Run = { total: 0, ok: 0, fivexx: 0, times: [], seconds: 0 };
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: `${stack.base}${kind.path}`, connections, duration: seconds, timeout: 30, headers: kind.headers }, (error) => {
      if (error) return reject(error);
      out.seconds = (performance.now() - t0) / 1000;
      resolve(out);
    });
    instance.on("response", (_client, status, _bytes, ms) => {
      out.total++;
      out.times.push(ms);
      if (status === kind.expect) out.ok++;
      if (status >= 500) out.fivexx++;
    });
  });
}

/** `count` assets for the user's team, spread over a year, in submissions of 20 (states as a real team's). */
async function seed(db: pg.Client, email: string, count: number): Promise<void> {
  const { rows } = await db.query<{ teamId: string; userId: string }>(
    `SELECT m."teamId", u.id AS "userId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = $1`,
    [email],
  );
  const member = rows[0];
  if (!member) throw new Error(`no member ${email}`);
  const { teamId, userId } = member;
  await db.query(
    `INSERT INTO "AssetGroup"(id, "teamId", name, "projectName") SELECT 'bench_grp_' || g, $1, 'Bench group ' || g, 'project-' || (g % 5) FROM generate_series(1, 20) g`,
    [teamId],
  );
  const submissions = Math.ceil(count / 20);
  await db.query(
    `INSERT INTO "Submission"(id, "teamId", "groupId", "assetType", "projectName", state, "idempotencyKey", "createdById", "createdAt", "updatedAt")
     SELECT 'bench_sub_' || s, $1, 'bench_grp_' || (s % 20 + 1), 'IMAGE', 'project-' || ((s % 20 + 1) % 5), 'PARTIAL', 'bench_idem_' || s, $2,
            now() - make_interval(mins => (s::bigint * 525600 / $3::int)::int), now()
     FROM generate_series(1, $3::int) s`,
    [teamId, userId, submissions],
  );
  await db.query(
    `INSERT INTO "Asset"(id, "teamId", "submissionId", "groupId", name, type, state, "sourceUrl", "assetUrl", "failureCode", "failureReason", "createdById", "createdAt", "updatedAt")
     SELECT 'bench_a_' || lpad(a::text, 7, '0'), $1, s.id, s."groupId",
            (ARRAY['hero','villain','sidekick','mentor','crowd'])[a % 5 + 1] || '-' || a, 'IMAGE', st.state::"AssetState",
            'https://media.example.com/bench/' || a || '.png',
            CASE WHEN st.state = 'APPROVED' THEN 'asset://asset-' || a END,
            CASE WHEN st.state = 'REJECTED' THEN 'InputImageSensitiveContentDetected.PrivacyInformation' END,
            CASE WHEN st.state = 'REJECTED' THEN 'InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person' END,
            $2, s."createdAt", now()
     FROM generate_series(1, $3::int) a
     JOIN "Submission" s ON s.id = 'bench_sub_' || ((a - 1) / 20 + 1)
     CROSS JOIN LATERAL (SELECT CASE WHEN a % 100 < 80 THEN 'APPROVED' WHEN a % 100 < 92 THEN 'REJECTED' WHEN a % 100 < 97 THEN 'IN_REVIEW'
                                     WHEN a % 100 < 99 THEN 'REPLACED' ELSE 'DISMISSED' END AS state) st`,
    [teamId, userId, count],
  );
}
