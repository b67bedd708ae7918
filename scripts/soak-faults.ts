// Fault soak: 200 assets (images, videos, audio, some that fail review) in submissions and 30
// video jobs through the real app (a production build under `next start`) and one worker, with
// the provider simulator failing 30 % of its provider calls (429 with Retry-After, 500, a
// gateway's 502 HTML page, hangs before and after the request was handled, resets before,
// answers lost after the provider acted, malformed JSON). Everything on loopback, a throw-away
// database, bounded in time; it stops by itself and prints its figures. Not a test.
//
// The browser's paths are used: files go through `POST /api/uploads`, submissions and video
// jobs through their server actions (called over HTTP as the pages call them), approved assets
// are read from `GET /api/approved-assets`. The database and the simulator's admin API are read
// only to count, at the end.
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   E2E_PORT=3510 npx tsx scripts/soak-faults.ts [--seconds 600] [--seed 1]
//
// Last line: `soak: assets 200 lost L duplicated D stuck S; jobs 30 lost L duplicated D stuck S; in Ns`
// lost = rows that ended wrong, plus provider tasks no row records (orphans, each listed);
// duplicated = provider tasks made more than once for one submission or job;
// stuck = rows not finished when the time ran out.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./lib/free-port";
import { launch, root, stopOnSignals } from "./lib/launcher";
import { startEmbeddedPostgres } from "./lib/postgres";
import { signIn, sleep, waitForHealth } from "./lib/app-session";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LIMIT_S = arg("seconds", 600);
const SEED = arg("seed", Date.now() % 100_000);
const ASSETS = { IMAGE: 140, VIDEO: 30, AUDIO: 30 } as const;
const FAIL_REVIEW = 20; // images named "real-person-…": the simulator's review refuses them
const SUBMITS = 30;
const JOBS = 30;
const PORT = Number(process.env.E2E_PORT ?? 3510);
const started = Date.now();
const deadline = started + LIMIT_S * 1000;

/** 30 % of provider calls fail, spread over every kind of fault. */
const FAULT_RATES = {
  rate_limit: 0.06,
  server_error: 0.04,
  bad_gateway: 0.04,
  hang: 0.02,
  hang_after: 0.02,
  drop_before: 0.04,
  drop_after: 0.04,
  malformed_json: 0.04,
  retryAfter: 1,
};

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-soak-"));
const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
const simPort = await freePort();
const sim = `http://127.0.0.1:${simPort}`;
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  SIMULATOR_PORT: String(simPort),
  SIMULATOR_STATE_FILE: "none",
  SIMULATOR_REVIEW_MS: "1500",
  SIMULATOR_VIDEO_MS: "3000",
  SIMULATOR_MAX_RENDER_S: "1",
  SIMULATOR_SEED: String(SEED),
  SIMULATOR_LOG_LEVEL: "error",
  // A hung call gives up after 3 s here, so the run stays short; the rules are the same.
  UPSTREAM_TIMEOUT_MS: "3000",
  LOG_LEVEL: "error",
  NODE_ENV: "production",
});

type Figures = { assets: Tally; jobs: Tally; orphans: string[] };
type Tally = { total: number; lost: number; duplicated: number; stuck: number };
let figures: Figures | undefined;

const stack = await launch({ mode: "start", dataDir: dir, persistentDatabase: false, port: PORT, seedDemo: true });
stopOnSignals(async () => {
  await stack.stop();
  await database.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});
process.env.UPSTREAM_BASE_URL = sim;
process.env.UPSTREAM_API_KEY = "sk-sim-demo";
try {
  const base = `http://localhost:${PORT}`;
  await waitForHealth(base);
  const cookie = await signIn(base, "creator@demo.local", "avatar-demo");
  const actions = actionIds();
  const driveStart = Date.now();
  const { makePng, makeVideo, makeWav } = await import("@/lib/media/test-media");

  await simAdmin("PUT", "faults", { seed: SEED, endpoints: { submit: FAULT_RATES, task: FAULT_RATES, video: FAULT_RATES } });
  log(`faults on: 30 % of submit, task and generation calls (seed ${SEED}); limit ${LIMIT_S} s`);

  // 1. Files, through the upload route. Every file has bytes of its own.
  const clipPath = path.join(dir, "clip.mp4");
  await makeVideo(clipPath, { width: 854, height: 480, fps: "24", seconds: 2.5 });
  const clip = readFileSync(clipPath);
  const files: { name: string; type: "IMAGE" | "VIDEO" | "AUDIO"; contentType: string; bytes: () => Buffer }[] = [];
  for (let i = 0; i < ASSETS.IMAGE; i++) {
    const name = i < FAIL_REVIEW ? `real-person-${i}` : `avatar-${i}`;
    files.push({ name, type: "IMAGE", contentType: "image/png", bytes: () => makePng(320, 320, SEED * 1000 + i) });
  }
  for (let i = 0; i < ASSETS.VIDEO; i++) {
    // The same clip with a `free` box of its own at the end: other bytes, same pictures.
    files.push({ name: `clip-${i}`, type: "VIDEO", contentType: "video/mp4", bytes: () => withFreeBox(clip, `${SEED}-${i}`) });
  }
  for (let i = 0; i < ASSETS.AUDIO; i++) {
    files.push({ name: `voice-${i}`, type: "AUDIO", contentType: "audio/wav", bytes: () => makeWav(2.5, 200 + i * 7 + (SEED % 50)) });
  }
  const uploads = new Map<string, string>();
  await pool(files, 6, async (f) => {
    const ext = f.type === "IMAGE" ? "png" : f.type === "VIDEO" ? "mp4" : "wav";
    const res = await fetch(`${base}/api/uploads?name=${encodeURIComponent(`${f.name}.${ext}`)}`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": f.contentType },
      body: new Uint8Array(f.bytes()),
    });
    const body = (await res.json()) as { upload?: { id: string }; error?: { message: string } };
    if (res.status !== 201 || !body.upload) throw new Error(`upload ${f.name}: HTTP ${res.status} ${body.error?.message ?? ""}`);
    uploads.set(f.name, body.upload.id);
  });
  log(`${uploads.size} files uploaded in ${secondsSince(started)} s`);

  // 2. Submissions, through the submit action: 30 submits of mixed files.
  const shuffled = [...files].sort((a, b) => hash(`${SEED}${a.name}`) - hash(`${SEED}${b.name}`));
  const batches = Array.from({ length: SUBMITS }, (_, i) => shuffled.filter((_, j) => j % SUBMITS === i));
  await pool(batches, 4, async (batch, i) => {
    await callAction(base, cookie, actions.submitAssetsAction!, "/upload", {
      target: { kind: "new", name: `soak ${SEED} ${i}` },
      projectName: "default",
      items: batch.map((f) => ({ source: "upload", uploadId: uploads.get(f.name)!, name: f.name })),
    });
  });
  log(`${SUBMITS} submits made in ${secondsSince(started)} s`);

  // 3. Video jobs, through the create action, each with an avatar approved by then.
  const approved: { id: string; name: string }[] = [];
  while (approved.length < JOBS && Date.now() < deadline) {
    approved.splice(0, approved.length);
    for (let cursor: string | null = ""; cursor !== null && approved.length < JOBS; ) {
      const res = await fetch(`${base}/api/approved-assets?type=IMAGE&limit=60${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { headers: { cookie } });
      const body = (await res.json()) as { items: { id: string; name: string }[]; nextCursor: string | null };
      approved.push(...body.items);
      cursor = body.nextCursor;
    }
    if (approved.length < JOBS) await sleep(1000);
  }
  if (approved.length < JOBS) throw new Error(`only ${approved.length} avatars approved before the time ran out`);
  const jobIds: string[] = [];
  await pool(approved.slice(0, JOBS), 3, async (asset, i) => {
    const outcome = await callAction<{ jobId: string }>(base, cookie, actions.createVideoJobAction!, "/generate", {
      model: "doubao-seedance-2.0",
      prompt: `Soak ${SEED} job ${i}: the avatar waves`,
      references: [{ assetId: asset.id, type: "IMAGE", role: "reference_image" }],
      duration: 4,
      aspectRatio: "16:9",
      resolution: "480p",
      generateAudio: false,
      seed: null,
      returnLastFrame: false,
    });
    jobIds.push(outcome.jobId);
  });
  log(`${jobIds.length} video jobs started in ${secondsSince(started)} s`);

  // 4. Wait for every row to finish, or for the time to run out.
  const { prisma } = await import("@/lib/db");
  const assetDone = ["APPROVED", "REJECTED"];
  const jobDone = ["SUCCEEDED", "FAILED", "CANCELLED", "SEND_FAILED"];
  for (;;) {
    const [openAssets, openJobs] = await Promise.all([
      prisma.asset.count({ where: { state: { notIn: assetDone as never } } }),
      prisma.videoJob.count({ where: { state: { notIn: jobDone as never }, NOT: { state: "UNCERTAIN", nextPollAt: null } } }),
    ]);
    if ((openAssets === 0 && openJobs === 0) || Date.now() > deadline) break;
    await sleep(2000);
  }
  const finishedAt = Date.now();
  await simAdmin("DELETE", "faults");

  // 5. Count.
  const submissions = await prisma.submission.findMany({ where: { createdAt: { gte: new Date(driveStart) } }, include: { assets: true } });
  const assets = submissions.flatMap((s) => s.assets);
  const jobs = await prisma.videoJob.findMany({ where: { createdAt: { gte: new Date(driveStart) } } });
  const { tasks } = await simAdmin<{ tasks: { id: string; kind: "asset" | "video"; status: string; idempotency_key: string | null }[] }>("GET", "tasks");
  const stats = await simAdmin<{ endpoints: Record<string, number>; faults: Record<string, Record<string, number>> }>("GET", "stats");

  const orphans: string[] = [];
  const recordedAssetTasks = new Set(submissions.map((s) => s.providerTaskId).filter(Boolean));
  const recordedVideoTasks = new Set(jobs.map((j) => j.providerTaskId).filter(Boolean));
  for (const t of tasks) {
    const recorded = t.kind === "asset" ? recordedAssetTasks : recordedVideoTasks;
    if (!recorded.has(t.id)) orphans.push(`${t.kind} task ${t.id} (key ${t.idempotency_key ?? "none"}, ${t.status}) is recorded by no row`);
  }
  const tasksUnder = (key: string) => tasks.filter((t) => t.idempotency_key === key || t.idempotency_key?.startsWith(`${key}#r`)).length;
  const assetDuplicates = submissions.reduce((n, s) => n + Math.max(0, tasksUnder(s.idempotencyKey) - 1), 0) + tasks.filter((t) => t.kind === "asset" && !t.idempotency_key).length;
  const jobDuplicates = jobs.reduce((n, j) => n + Math.max(0, tasksUnder(j.idempotencyKey) - 1), 0) + tasks.filter((t) => t.kind === "video" && !t.idempotency_key).length;

  const wrong: string[] = [];
  let assetStuck = 0;
  let assetWrong = 0;
  for (const a of assets) {
    if (!assetDone.includes(a.state)) {
      assetStuck++;
      wrong.push(`asset ${a.name} is still ${a.state} (submission ${a.submissionId})`);
      continue;
    }
    const expected = a.name.startsWith("real-person") ? "REJECTED" : "APPROVED";
    const ok = a.state === expected && (expected === "APPROVED" ? !!a.assetUrl : !!a.failureReason);
    if (!ok) {
      assetWrong++;
      wrong.push(`asset ${a.name} ended ${a.state} (${a.failureReason ?? "no reason"}), expected ${expected}`);
    }
  }
  let jobStuck = 0;
  let jobWrong = 0;
  for (const j of jobs) {
    const waitingForPerson = j.state === "UNCERTAIN" && j.nextPollAt === null;
    if (!jobDone.includes(j.state) && !waitingForPerson) {
      jobStuck++;
      wrong.push(`job ${j.id} is still ${j.state} (${j.error ?? ""})`);
    } else if (j.state !== "SUCCEEDED" || !j.videoKey) {
      jobWrong++;
      wrong.push(`job ${j.id} ended ${j.state}: ${j.errorCode ?? ""} ${j.error ?? ""}`);
    }
  }
  const assetOrphans = orphans.filter((o) => o.startsWith("asset")).length;
  const jobOrphans = orphans.length - assetOrphans;

  console.log(`\nFault soak, seed ${SEED}: everything settled in ${Math.round((finishedAt - started) / 1000)} s`);
  console.log(`provider calls: ${JSON.stringify(stats.endpoints)}`);
  console.log(`faults injected: ${JSON.stringify(stats.faults)}`);
  console.log(`submissions by state: ${JSON.stringify(countBy(submissions.map((s) => s.state)))}`);
  console.log(`assets by state: ${JSON.stringify(countBy(assets.map((a) => a.state)))}`);
  console.log(`jobs by state: ${JSON.stringify(countBy(jobs.map((j) => j.state)))}`);
  console.log(`provider tasks: ${tasks.filter((t) => t.kind === "asset").length} review, ${tasks.filter((t) => t.kind === "video").length} generation`);
  for (const line of [...wrong, ...orphans]) console.log(`  - ${line}`);
  figures = {
    assets: { total: assets.length, lost: assetWrong + assetOrphans, duplicated: assetDuplicates, stuck: assetStuck },
    jobs: { total: jobs.length, lost: jobWrong + jobOrphans, duplicated: jobDuplicates, stuck: jobStuck },
    orphans,
  };
  await prisma.$disconnect();
} finally {
  await stack.stop();
  await database.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
if (!figures) process.exit(1);
const { assets: a, jobs: j } = figures;
console.log(
  `soak: assets ${a.total} lost ${a.lost} duplicated ${a.duplicated} stuck ${a.stuck}; jobs ${j.total} lost ${j.lost} duplicated ${j.duplicated} stuck ${j.stuck}; in ${Math.round((Date.now() - started) / 1000)}s`,
);
process.exit(0);

function log(line: string) {
  console.log(`[soak]       ${line}`);
}

function secondsSince(t: number) {
  return Math.round((Date.now() - t) / 1000);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function withFreeBox(mp4: Buffer, tag: string): Buffer {
  const payload = Buffer.from(tag.padEnd(16, "."));
  const box = Buffer.alloc(8);
  box.writeUInt32BE(8 + payload.length, 0);
  box.write("free", 4, "latin1");
  return Buffer.concat([mp4, box, payload]);
}

async function pool<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

async function simAdmin<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim}/_admin/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${method} ${route}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The ids of the app's server actions, by exported name, from the production build's manifest. */
function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[entry.exportedName] = id;
  for (const name of ["submitAssetsAction", "createVideoJobAction"]) if (!ids[name]) throw new Error(`no server action ${name} in the build`);
  return ids;
}

/** Calls a server action as the page does (a POST to the page with its id) and returns its data. */
async function callAction<T = unknown>(base: string, cookie: string, id: string, page: string, input: unknown): Promise<T> {
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { cookie, origin: base, "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify([input]),
  });
  const text = await res.text();
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  if (!res.ok || !row) throw new Error(`action ${id} on ${page}: HTTP ${res.status} ${text.slice(0, 300)}`);
  const result = JSON.parse(row.slice(2)) as { data?: T; serverError?: string; validationErrors?: unknown };
  if (result.data === undefined) throw new Error(`action on ${page} refused: ${JSON.stringify(result).slice(0, 300)}`);
  return result.data;
}

