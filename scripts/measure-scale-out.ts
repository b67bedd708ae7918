// What a second app host and a second worker change, under the same load: provider status
// calls per open review task per minute (must stay the same: workers share the tasks, they
// do not each poll them), uploads per second, and the gallery route's p95. Runs the real
// stack on STORAGE_DRIVER=s3: one PostgreSQL, one S3 server (s3rver), the simulator with a
// review that outlasts the measurement, then for 1 app + 1 worker and for 2 apps + 2
// workers: opens review tasks, uploads through every app for a while (round robin), reads
// the gallery with concurrent clients, and counts the simulator's status calls per task.
// Prints figures; it is not a test. Needs a production build first:
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   npx tsx scripts/measure-scale-out.ts [--seconds 60] [--tasks 6] [--uploaders 8] [--readers 16]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makePng } from "@/lib/media/test-media";
import { startHosts, startSharedServices } from "./lib/cluster";
import { signIn } from "./lib/app-http";
import { numberArg } from "./lib/number-arg";

const WINDOW_S = numberArg("seconds", 60);
const TASKS = numberArg("tasks", 6);
const UPLOADERS = numberArg("uploaders", 8);
const READERS = numberArg("readers", 16);
// Within the window: uploads first, then gallery reads, then the tasks alone.
const UPLOAD_S = Math.max(5, Math.round(WINDOW_S / 4));
const GALLERY_S = Math.max(5, Math.round(WINDOW_S / 4));

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-scale-out-"));
const shared = await startSharedServices({
  dataDir: dir,
  // Reviews outlast the measurement, so every task stays open.
  env: { SIMULATOR_REVIEW_MS: String(60 * 60_000), LOG_LEVEL: "warn" },
});
// This process opens the review tasks itself (as the Upload page's action would), on the same settings.
Object.assign(process.env, shared.env);
const { prisma } = await import("@/lib/db");
const { submitAssets: submitAssetsForTeam } = await import("@/lib/submissions/submit-assets");
const creator = await prisma.user.findUniqueOrThrow({ where: { email: "creator@demo.local" }, include: { membership: true } });
const actor = { teamId: creator.membership!.teamId, userId: creator.id };

type Result = { label: string; callsPerTaskPerMinute: number; uploadsPerSecond: number; uploadFailures: number; galleryP95Ms: number; galleryRequests: number; galleryFailures: number };
const results: Result[] = [];
let seed = 1;
let loggedFailure = false;

try {
  for (const size of [1, 2]) {
    const label = `${size}x${size}`;
    const hosts = await startHosts(shared, { apps: size, workers: size, name: label });
    try {
      const apps = hosts.appUrls;
      const cookie = await signIn(apps[0]!, "creator@demo.local", "avatar-demo");

      // Open TASKS review tasks of one uploaded file each.
      const taskIds: string[] = [];
      for (let i = 0; i < TASKS; i++) {
        const upload = await uploadPng(apps[i % apps.length]!, cookie, `${label}-task-${i}`);
        if (!upload) throw new Error("an upload for a review task failed");
        const result = await submitAssetsForTeam(
          { target: { kind: "new", name: `Scale ${label} ${i}` }, projectName: "default", items: [{ source: "upload", uploadId: upload, name: `${label}-task-${i}` }] },
          actor,
        );
        const row = await prisma.submission.findUniqueOrThrow({ where: { id: result.submissions[0]!.id } });
        if (!row.providerTaskId) throw new Error(`submission ${row.id} was not sent (${row.state}: ${row.error})`);
        taskIds.push(row.providerTaskId);
      }
      const before = await taskCalls();
      const windowEnds = Date.now() + WINDOW_S * 1000;

      // Uploads: UPLOADERS clients, each uploading distinct PNGs one after another, apps in turn.
      let uploads = 0;
      let uploadFailures = 0;
      const uploadUntil = Date.now() + UPLOAD_S * 1000;
      const uploadStarted = performance.now();
      await Promise.all(
        Array.from({ length: UPLOADERS }, async (_, c) => {
          for (let n = 0; Date.now() < uploadUntil; n++) {
            const ok = await uploadPng(apps[(c + n) % apps.length]!, cookie, `${label}-load-${c}-${n}`);
            if (ok) uploads++;
            else uploadFailures++;
          }
        }),
      );
      const uploadsPerSecond = uploads / ((performance.now() - uploadStarted) / 1000);

      // Gallery: READERS clients reading GET /api/assets back to back, apps in turn.
      const latencies: number[] = [];
      let galleryFailures = 0;
      const galleryUntil = Date.now() + GALLERY_S * 1000;
      await Promise.all(
        Array.from({ length: READERS }, async (_, c) => {
          for (let n = 0; Date.now() < galleryUntil; n++) {
            const started = performance.now();
            const res = await fetch(`${apps[(c + n) % apps.length]}/api/assets?limit=40`, { headers: { cookie } }).catch(() => null);
            if (res?.ok) {
              await res.arrayBuffer();
              latencies.push(performance.now() - started);
            } else galleryFailures++;
          }
        }),
      );

      await sleep(Math.max(0, windowEnds - Date.now()));
      const after = await taskCalls();
      const calls = taskIds.reduce((sum, t) => sum + (after[t] ?? 0) - (before[t] ?? 0), 0);
      results.push({
        label,
        callsPerTaskPerMinute: calls / taskIds.length / (WINDOW_S / 60),
        uploadsPerSecond,
        uploadFailures,
        galleryP95Ms: percentile(latencies, 0.95),
        galleryRequests: latencies.length,
        galleryFailures,
      });
    } finally {
      await hosts.stop();
    }
  }
} finally {
  await prisma.$disconnect();
  await shared.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nScale-out on one PostgreSQL and one bucket (STORAGE_DRIVER=s3): ${WINDOW_S} s per case, ${TASKS} open review tasks,`);
console.log(`${UPLOADERS} uploaders for ${UPLOAD_S} s (PNG, ~${Math.round(makePng(320, 320, 1).length / 1024)} KB each), ${READERS} gallery readers for ${GALLERY_S} s.\n`);
console.log(`${"apps x workers".padEnd(15)} ${"calls/task/min".padStart(15)} ${"uploads/s".padStart(10)} ${"upload fail".padStart(12)} ${"gallery p95".padStart(12)} ${"gallery reqs".padStart(13)} ${"fail".padStart(5)}`);
for (const r of results) {
  console.log(
    `${r.label.padEnd(15)} ${r.callsPerTaskPerMinute.toFixed(1).padStart(15)} ${r.uploadsPerSecond.toFixed(1).padStart(10)} ${String(r.uploadFailures).padStart(12)} ${`${Math.round(r.galleryP95Ms)} ms`.padStart(12)} ${String(r.galleryRequests).padStart(13)} ${String(r.galleryFailures).padStart(5)}`,
  );
}
const [one, two] = results;
console.log(`\ngallery p95 1x1=${Math.round(one!.galleryP95Ms)} ms 2x2=${Math.round(two!.galleryP95Ms)} ms`);
console.log(
  `scale-out: calls/task/min 1x1=${one!.callsPerTaskPerMinute.toFixed(1)} 2x2=${two!.callsPerTaskPerMinute.toFixed(1)}; uploads/s 1x1=${one!.uploadsPerSecond.toFixed(1)} 2x2=${two!.uploadsPerSecond.toFixed(1)}`,
);

async function taskCalls(): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${shared.simulatorUrl}/_admin/stats`)).json()) as { tasks: Record<string, number> };
  return stats.tasks;
}

/** POSTs a distinct 320x320 PNG to /api/uploads; the upload's id, or null when it failed. */
async function uploadPng(base: string, cookie: string, name: string): Promise<string | null> {
  const body = makePng(320, 320, seed++);
  const res = await fetch(`${base}/api/uploads?name=${encodeURIComponent(`${name}.png`)}`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "image/png", "content-length": String(body.length) },
    body: new Uint8Array(body),
  }).catch(() => null);
  if (!res || res.status !== 201) {
    if (!loggedFailure) {
      loggedFailure = true;
      console.error(`an upload to ${base} failed: ${res ? `HTTP ${res.status} ${(await res.text()).slice(0, 300)}` : "no answer"}`);
    }
    return null;
  }
  return ((await res.json()) as { upload: { id: string } }).upload.id;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
