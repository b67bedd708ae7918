// Gallery speed at 100k assets: seeds a throw-away embedded PostgreSQL with one team of
// 100,000 assets (and a second team of 20,000, so scoping matters), then times what
// `GET /api/assets` does for a page load (one page by keyset + the tab counts) over many
// loads with various filters, and reports p50/p95. Beside each, in the same run and
// interleaved with it, a bare `SELECT * FROM "Asset" WHERE id = ANY($1)` (the primary key's
// index) of the very rows that page returned, and the ratio of the two: what the filters, the
// keyset, the joins and the tab counts cost over fetching the rows. Prints figures; it is not
// a test. Last line: `gallery: p95 ratio R` (all loads' p95 over all bare selects' p95).
//
//   npx tsx scripts/bench-gallery.ts [--assets 100000] [--loads 30]
import pg from "pg";
import { startBenchDatabase } from "./lib/bench-database";
import { numberArg } from "./lib/number-arg";
import { type RatioRow, printRatioTable } from "./lib/ratio-table";

const ASSETS = numberArg("assets", 100_000);
const LOADS = numberArg("loads", 30);
const OTHER_TEAM_ASSETS = Math.round(ASSETS / 5);

const { url: databaseUrl, stop } = await startBenchDatabase("bench");

try {
  const seedStarted = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  await seed(client, "team_bench", ASSETS);
  await seed(client, "team_other", OTHER_TEAM_ASSETS);
  await client.query("ANALYZE");
  console.log(`seeded ${ASSETS.toLocaleString()} + ${OTHER_TEAM_ASSETS.toLocaleString()} assets in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const { listAssets } = await import("@/lib/assets/list-assets");
  const { countAssetsByTab } = await import("@/lib/assets/count-assets-by-tab");
  const { decodeCursor } = await import("@/lib/assets/gallery-filters");
  const { parseGalleryFilters } = await import("@/lib/assets/parse-gallery-filters");
  const { prisma } = await import("@/lib/db");
  const storage = { publicUrl: (key: string) => `https://studio.example.com/files/${key}` };
  const teamId = "team_bench";
  const viewerId = "team_bench_user_1";

  /** One page load as the route does it: the page, plus the tab counts on a first page. */
  async function load(query: string, cursor: string | null) {
    const filters = parseGalleryFilters(new URLSearchParams(query));
    const { tab: _tab, ...rest } = filters;
    const [page] = await Promise.all([
      listAssets(teamId, filters, { cursor: decodeCursor(cursor), limit: 48, viewerId, storage }),
      cursor ? null : countAssetsByTab(teamId, rest, viewerId),
    ]);
    return page;
  }

  const scenarios = [
    "",
    "tab=approved",
    "tab=failed",
    "tab=in_review",
    "q=hero",
    "q=villain-4242",
    "type=VIDEO",
    "group=team_bench_grp_7",
    "project=project-3",
    "who=me",
    "from=2026-01-01&to=2026-03-31",
    "tab=failed&project=project-1&q=mentor",
  ];
  // Warm up the pool and caches once.
  await load("", null);

  /** The same rows fetched bare, by the primary key's index, on a connection of its own. */
  async function bare(ids: string[]): Promise<number> {
    const t = performance.now();
    const result = await client.query(`SELECT * FROM "Asset" WHERE id = ANY($1::text[])`, [ids]);
    const ms = performance.now() - t;
    if (result.rowCount !== ids.length) throw new Error(`bare select found ${result.rowCount} of ${ids.length} rows`);
    return ms;
  }
  await bare([]);

  const rows: RatioRow[] = [];
  for (const scenario of scenarios) {
    const times: number[] = [];
    const bareTimes: number[] = [];
    let items = 0;
    for (let i = 0; i < LOADS; i++) {
      const t = performance.now();
      const page = await load(scenario, null);
      times.push(performance.now() - t);
      bareTimes.push(await bare(page.items.map((item) => item.id)));
      items = page.items.length;
    }
    rows.push({ scenario: scenario || "(all, first page)", times, bareTimes, count: items });
  }
  // Deep pages: follow the cursor 40 pages down (1,920 assets in), timing each page.
  const deep: number[] = [];
  const deepBare: number[] = [];
  for (let run = 0; run < Math.max(1, Math.round(LOADS / 10)); run++) {
    let cursor: string | null = null;
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const page: Awaited<ReturnType<typeof load>> = await load("tab=approved", cursor);
      if (i > 0) deep.push(performance.now() - t);
      if (i > 0) deepBare.push(await bare(page.items.map((item) => item.id)));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
  }
  rows.push({ scenario: "tab=approved, pages 2–40 by cursor (no counts)", times: deep, bareTimes: deepBare, count: 48 });

  console.log(`\nGallery page loads at ${ASSETS.toLocaleString()} assets (${LOADS} loads per filter; list + tab counts, as GET /api/assets does)`);
  console.log(`beside a bare SELECT of the same rows by primary key, in the same run; ratio = load / bare\n`);
  const ratio = printRatioTable(rows, { scenario: "filter", count: "items" });
  await prisma.$disconnect();
  await client.end();
  console.log(`gallery: p95 ratio ${ratio.toFixed(1)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stop();
}

/** One team with `count` assets spread over a year: 50 groups in 5 projects, 3 members, 20 assets a submission. */
async function seed(db: pg.Client, team: string, count: number): Promise<void> {
  const submissions = Math.ceil(count / 20);
  const uploads = Math.min(5000, count);
  await db.query(`INSERT INTO "Team"(id, name) VALUES ($1, $1)`, [team]);
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
  await db.query(
    `INSERT INTO "AssetGroup"(id, "teamId", name, "projectName")
     SELECT $1 || '_grp_' || g, $1, 'Group ' || g, 'project-' || (g % 5) FROM generate_series(1, 50) g`,
    [team],
  );
  await db.query(
    `INSERT INTO "Upload"(id, "teamId", "uploaderId", "storageKey", "thumbnailKey", sha256, "fileName", "mimeType", type, "sizeBytes", width, height)
     SELECT $1 || '_upl_' || u, $1, $1 || '_user_1', $1 || '/k/' || u || '.png', $1 || '/k/' || u || '.webp', md5($1 || u), 'file-' || u || '.png', 'image/png', 'IMAGE', 100000, 800, 800
     FROM generate_series(1, $2::int) u`,
    [team, uploads],
  );
  await db.query(
    `INSERT INTO "Submission"(id, "teamId", "groupId", "assetType", "projectName", state, "idempotencyKey", "createdById", "createdAt", "updatedAt")
     SELECT $1 || '_sub_' || s, $1, $1 || '_grp_' || (s % 50 + 1), 'IMAGE', 'project-' || ((s % 50 + 1) % 5), 'PARTIAL', $1 || '_idem_' || s,
            $1 || '_user_' || (s % 3 + 1), now() - make_interval(mins => (s::bigint * 525600 / $2::int)::int), now()
     FROM generate_series(1, $2::int) s`,
    [team, submissions],
  );
  await db.query(
    `INSERT INTO "Asset"(id, "teamId", "submissionId", "groupId", "uploadId", name, type, state, "assetUrl", "failureCode", "failureReason", "createdById", "createdAt", "updatedAt")
     SELECT $1 || '_a_' || lpad(a::text, 7, '0'), $1, s.id, s."groupId", $1 || '_upl_' || (a % $3::int + 1),
            (ARRAY['hero','villain','sidekick','mentor','crowd'])[a % 5 + 1] || '-' || a,
            (CASE WHEN a % 10 = 0 THEN 'VIDEO' WHEN a % 25 = 1 THEN 'AUDIO' ELSE 'IMAGE' END)::"AssetType",
            st.state::"AssetState",
            CASE WHEN st.state = 'APPROVED' THEN 'asset://asset-' || a END,
            CASE WHEN st.state IN ('REJECTED','REPLACED','DISMISSED') THEN 'InputImageSensitiveContentDetected.PrivacyInformation' END,
            CASE WHEN st.state IN ('REJECTED','REPLACED','DISMISSED') THEN 'InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person' END,
            s."createdById", s."createdAt", now()
     FROM generate_series(1, $2::int) a
     JOIN "Submission" s ON s.id = $1 || '_sub_' || ((a - 1) / 20 + 1)
     CROSS JOIN LATERAL (SELECT CASE WHEN a % 100 < 80 THEN 'APPROVED' WHEN a % 100 < 92 THEN 'REJECTED' WHEN a % 100 < 97 THEN 'IN_REVIEW'
                                     WHEN a % 100 < 99 THEN 'REPLACED' ELSE 'DISMISSED' END AS state) st`,
    [team, count, uploads],
  );
}
