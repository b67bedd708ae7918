// Load: 50 signed-in clients polling the gallery (`GET /api/assets`, with its tabs, revalidating
// with the ETag of their last answer as browsers do) and asset
// routes (`GET /api/assets/<id>`) while 5 clients upload 2 MB PNGs (`POST /api/uploads`, raw
// body, same origin, bytes of their own each time) for 60 s, with autocannon, against a
// production build under `npm start` and a worker (embedded PostgreSQL, the simulator, files
// on the app's disk). Before it, the 5 uploaders alone for a while, for uploads/s without the
// readers. Bounded, loopback only, stops by itself. Not a test.
//
// Pool waits are read from PostgreSQL: every 100 ms, pg_stat_activity is sampled for the app
// host's connections (application_name, set through PGAPPNAME; the worker's are apart). The
// app's pool holds DATABASE_POOL_SIZE (10) connections, so a sample in which all of them are
// busy (state other than idle) is a moment when a query asking for one waits in the pool.
// W = the number of such samples; also printed: the most busy at once, and samples with an
// app backend waiting on a lock (the team's upload lock, row locks).
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   npx tsx scripts/load.ts [--seconds 60] [--alone 20] [--readers 50] [--uploaders 5]
//
// Last line: `load: requests N, 5xx X, p95 Xms, pool waits W, uploads/s U` (requests and 5xx:
// reads and uploads together; p95: the reads; uploads/s: with the readers on).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { APP_PG_NAME, noisePng, pct, startBenchStack, taggedPng, uploadFile } from "./lib/bench-stack";
import { actionIds, callAction } from "./lib/app-http";
import { numberArg } from "./lib/number-arg";

const SECONDS = numberArg("seconds", 60);
const ALONE_S = numberArg("alone", 20);
const READERS = numberArg("readers", 50);
const UPLOADERS = numberArg("uploaders", 5);
// lib/database-env.ts: DATABASE_POOL_SIZE, unless set 5 per core, 10 to 40.
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE) || Math.min(40, Math.max(10, os.availableParallelism() * 5));
const ASSETS = 48;

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-load-"));
const stack = await startBenchStack(dir);
let last = "";
try {
  const { makePng } = await import("@/lib/media/test-media");
  // Something to read: 48 assets in review and then approved, submitted as a person does.
  const uploadIds: string[] = [];
  for (let i = 0; i < ASSETS; i++) {
    uploadIds.push(await uploadFile(stack, `avatar-${i}.png`, new Uint8Array(makePng(320, 320, i))));
  }
  await callAction(stack.base, stack.cookie, actionIds().submitAssetsAction!, "/upload", {
    target: { kind: "new", name: "load" },
    projectName: "default",
    items: uploadIds.map((uploadId, i) => ({ source: "upload", uploadId, name: `avatar-${i}` })),
  });
  const db = new pg.Client({ connectionString: stack.shared.databaseUrl, application_name: "load-sampler" });
  await db.connect();
  const assetIds = (await db.query<{ id: string }>(`SELECT id FROM "Asset"`)).rows.map((r) => r.id);
  if (assetIds.length !== ASSETS) throw new Error(`${assetIds.length} assets made, not ${ASSETS}`);

  const picture = noisePng(2_000_000);
  let n = 0;
  const uploadOptions = (seconds: number): autocannon.Options => ({
    url: stack.base,
    connections: UPLOADERS,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            path: `/api/uploads?name=load-${i}.png`,
            headers: { cookie: stack.cookie, origin: stack.base, "content-type": "image/png" },
            body: taggedPng(picture, `load-${i}`),
          };
        },
      },
    ],
  });
  const gallery = ["", "?tab=approved", "?tab=in_review", "?q=avatar", "?type=IMAGE", "?who=me"];
  // Pollers revalidate as a browser tab does: each gallery view is asked again with the ETag
  // of its last answer, which the app answers 304 while nothing changed (the uploads here
  // make no assets, so the gallery does not change; the asset routes are fetched anew).
  const etags = new Map<string, string>();
  const readOptions: autocannon.Options = {
    url: stack.base,
    connections: READERS,
    duration: SECONDS,
    timeout: 30,
    headers: { cookie: stack.cookie },
    requests: [
      {
        method: "GET",
        setupRequest: (req, context) => {
          const r = Math.random();
          const route = r < 0.5 ? `/api/assets${gallery[Math.floor(r * 2 * gallery.length)]}` : `/api/assets/${assetIds[Math.floor(Math.random() * assetIds.length)]}`;
          (context as { route?: string }).route = route;
          const etag = etags.get(route);
          return { ...req, path: route, headers: { ...req.headers, cookie: stack.cookie, ...(etag ? { "if-none-match": etag } : {}) } };
        },
        onResponse: (_status, _body, context, headers) => {
          const etag = headers?.etag;
          const route = (context as { route?: string }).route;
          if (etag && route) etags.set(route, String(etag));
        },
      },
    ],
  };
  // A short warm-up, so first compiles and connections are not in the figures.
  await uploadFile(stack, "warm-up.png", new Uint8Array(taggedPng(picture, "warm-up")));
  await run({ ...readOptions, duration: 3, connections: 5 });

  // 1. Uploads alone.
  const alone = await run(uploadOptions(ALONE_S));
  const aloneRate = alone.ok / alone.seconds;
  console.log(`uploads alone (${UPLOADERS} at a time, ${ALONE_S} s): ${alone.ok} uploads, ${aloneRate.toFixed(1)} uploads/s (${((aloneRate * picture.length) / 1e6).toFixed(1)} MB/s), p95 ${pct(alone.times, 95).toFixed(0)} ms, non-2xx ${alone.total - alone.ok}`);

  // 2. Readers and uploaders together, with PostgreSQL sampled.
  const samples: { busy: number; open: number; lockWaits: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await db.query<{ busy: string; open: string; lock_waits: string }>(
        `SELECT count(*) FILTER (WHERE state <> 'idle') AS busy, count(*) AS open,
                count(*) FILTER (WHERE wait_event_type = 'Lock') AS lock_waits
           FROM pg_stat_activity WHERE application_name = $1`,
        [APP_PG_NAME],
      );
      samples.push({ busy: Number(rows[0]!.busy), open: Number(rows[0]!.open), lockWaits: Number(rows[0]!.lock_waits) });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const [reads, writes] = await Promise.all([run(readOptions), run(uploadOptions(SECONDS))]);
  sampling = false;
  await sampler;
  await db.end();

  const requests = reads.total + writes.total;
  const fivexx = reads.fivexx + writes.fivexx;
  const readP95 = pct(reads.times, 95);
  const poolWaits = samples.filter((s) => s.busy >= POOL_SIZE).length;
  const uploadsPerS = writes.ok / writes.seconds;
  console.log(`\n${READERS} readers + ${UPLOADERS} uploaders for ${SECONDS} s:`);
  console.log(`reads: ${reads.total} (${(reads.total / reads.seconds).toFixed(0)}/s), p50 ${pct(reads.times, 50).toFixed(0)} ms, p95 ${readP95.toFixed(0)} ms, p99 ${pct(reads.times, 99).toFixed(0)} ms, statuses ${JSON.stringify(reads.statuses)}, errors ${reads.errors}`);
  console.log(`uploads: ${writes.total}, ${uploadsPerS.toFixed(1)} uploads/s (alone ${aloneRate.toFixed(1)}), p50 ${pct(writes.times, 50).toFixed(0)} ms, p95 ${pct(writes.times, 95).toFixed(0)} ms, statuses ${JSON.stringify(writes.statuses)}, errors ${writes.errors}`);
  console.log(
    `PostgreSQL, ${samples.length} samples of the app's connections: all ${POOL_SIZE} busy (a query would wait for one) in ${poolWaits}; most busy at once ${Math.max(0, ...samples.map((s) => s.busy))} of ${Math.max(0, ...samples.map((s) => s.open))} open; a backend waiting on a lock in ${samples.filter((s) => s.lockWaits > 0).length}`,
  );
  last = `load: requests ${requests}, 5xx ${fivexx}, p95 ${readP95.toFixed(0)}ms, pool waits ${poolWaits}, uploads/s ${uploadsPerS.toFixed(1)}`;
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(last);
process.exit(last ? 0 : 1);

type Run = { total: number; ok: number; fivexx: number; errors: number; times: number[]; statuses: Record<number, number>; seconds: number };

/** One autocannon run; every response's status and time recorded here (autocannon's histogram has no p95). */
function run(options: autocannon.Options): Promise<Run> {
  const out: Run = { total: 0, ok: 0, fivexx: 0, errors: 0, times: [], statuses: {}, seconds: 0 };
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      out.errors = result.errors;
      out.seconds = (performance.now() - t0) / 1000;
      resolve(out);
    });
    instance.on("response", (_client, status, _bytes, ms) => {
      out.total++;
      out.times.push(ms);
      out.statuses[status] = (out.statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) out.ok++;
      if (status >= 500) out.fivexx++;
    });
  });
}

