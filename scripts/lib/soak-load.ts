// The fault soak's load and its count, shared by scripts/soak-faults.ts and
// scripts/soak-crash.ts: 200 assets (images, videos, audio, some that fail review) in 30
// submits and 30 video jobs through the app's own HTTP paths (the upload route, the server
// actions as the pages call them, the approved-assets route), then a count from the database
// and the simulator's admin API.
import { readFileSync } from "node:fs";
import path from "node:path";
import { actionIds, callAction, signIn } from "./app-http";

export const SOAK_ASSETS = { IMAGE: 140, VIDEO: 30, AUDIO: 30 } as const;
const FAIL_REVIEW = 20; // images named "real-person-…": the simulator's review refuses them
const SUBMITS = 30;
const JOBS = 30;

/** 30 % of provider calls fail, spread over every kind of fault. */
export const FAULT_RATES = {
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

/** The simulator's and the app's settings for a soak: quick reviews and renders, short timeouts. */
export function soakSettings(seed: number): Record<string, string> {
  return {
    SIMULATOR_REVIEW_MS: "1500",
    SIMULATOR_VIDEO_MS: "3000",
    SIMULATOR_MAX_RENDER_S: "1",
    SIMULATOR_SEED: String(seed),
    SIMULATOR_LOG_LEVEL: "error",
    // A hung call gives up after 3 s here, so the run stays short; the rules are the same.
    UPSTREAM_TIMEOUT_MS: "3000",
    LOG_LEVEL: "error",
  };
}

export type Tally = { total: number; lost: number; duplicated: number; stuck: number };
export type SoakFigures = { assets: Tally; jobs: Tally; orphans: string[]; settledInS: number };

export type SoakOptions = {
  /** The app's URL now (a restarted app may listen elsewhere). */
  base: () => string;
  sim: string;
  seed: number;
  started: number;
  deadline: number;
  dir: string;
  log: (line: string) => void;
  /**
   * The app may be killed at any moment: a call that could not connect, or whose answer never
   * came, is retried until the deadline; an action whose answer never came is first looked up
   * (by its group's name or its prompt) so that what it did is not done twice.
   */
  appMayDie?: boolean;
  /** Awaited before waiting for the rows to settle (the crash soak's last kill). */
  beforeSettle?: () => Promise<void>;
};

/** Drives the load, waits for every row to finish (or the deadline), counts and prints the details. */
export async function runSoakLoad(o: SoakOptions): Promise<SoakFigures> {
  const { seed: SEED, deadline, dir, log, started } = o;
  const simAdmin = simAdminAt(o.sim);
  const { prisma } = await import("@/lib/db");
  const { makePng, makeVideo, makeWav } = await import("@/lib/media/test-media");
  /** fetch against the app; with appMayDie, retried while the app is down. */
  const appFetch = async (route: string, init?: RequestInit): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(`${o.base()}${route}`, init);
      } catch (error) {
        if (!o.appMayDie || Date.now() > deadline) throw error;
        await sleep(Math.min(2000, 250 * (attempt + 1)));
      }
    }
  };
  const cookie = await retrying(o, () => signIn(o.base(), "creator@demo.local", "avatar-demo"));
  const actions = actionIds();
  const driveStart = Date.now();
  /** Calls an action; with appMayDie, an answer that never came is resolved by `done` first. */
  const act = async <T>(id: string, page: string, input: (attempt: number) => unknown, done: () => Promise<T | null>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await callAction<T>(o.base(), cookie, id, page, input(attempt));
      } catch (error) {
        if (!o.appMayDie || Date.now() > deadline || !(error instanceof TypeError)) throw error;
        await sleep(1000);
        const found = await done();
        if (found !== null) return found;
      }
    }
  };

  await simAdmin("PUT", "faults", { seed: SEED, endpoints: { submit: FAULT_RATES, task: FAULT_RATES, video: FAULT_RATES } });
  log(`faults on: 30 % of submit, task and generation calls (seed ${SEED}); limit ${Math.round((deadline - started) / 1000)} s`);

  // 1. Files, through the upload route. Every file has bytes of its own.
  const clipPath = path.join(dir, "clip.mp4");
  await makeVideo(clipPath, { width: 854, height: 480, fps: "24", seconds: 2.5 });
  const clip = readFileSync(clipPath);
  const files: { name: string; type: "IMAGE" | "VIDEO" | "AUDIO"; contentType: string; bytes: () => Buffer }[] = [];
  for (let i = 0; i < SOAK_ASSETS.IMAGE; i++) {
    const name = i < FAIL_REVIEW ? `real-person-${i}` : `avatar-${i}`;
    files.push({ name, type: "IMAGE", contentType: "image/png", bytes: () => makePng(320, 320, SEED * 1000 + i) });
  }
  for (let i = 0; i < SOAK_ASSETS.VIDEO; i++) {
    // The same clip with a `free` box of its own at the end: other bytes, same pictures.
    files.push({ name: `clip-${i}`, type: "VIDEO", contentType: "video/mp4", bytes: () => withFreeBox(clip, `${SEED}-${i}`) });
  }
  for (let i = 0; i < SOAK_ASSETS.AUDIO; i++) {
    files.push({ name: `voice-${i}`, type: "AUDIO", contentType: "audio/wav", bytes: () => makeWav(2.5, 200 + i * 7 + (SEED % 50)) });
  }
  const uploads = new Map<string, string>();
  await pool(files, 6, async (f) => {
    const ext = f.type === "IMAGE" ? "png" : f.type === "VIDEO" ? "mp4" : "wav";
    // The same bytes again are the same upload (deduplicated by content), so a retry is safe.
    const upload = await retrying(o, async () => {
      const res = await appFetch(`/api/uploads?name=${encodeURIComponent(`${f.name}.${ext}`)}`, {
        method: "POST",
        headers: { cookie, origin: o.base(), "content-type": f.contentType },
        body: new Uint8Array(f.bytes()),
      });
      const body = (await res.json()) as { upload?: { id: string }; error?: { message: string } };
      if (res.status !== 201 || !body.upload) throw new Error(`upload ${f.name}: HTTP ${res.status} ${body.error?.message ?? ""}`);
      return body.upload;
    });
    uploads.set(f.name, upload.id);
  });
  log(`${uploads.size} files uploaded in ${secondsSince(started)} s`);

  // 2. Submissions, through the submit action: 30 submits of mixed files.
  const shuffled = [...files].sort((a, b) => hash(`${SEED}${a.name}`) - hash(`${SEED}${b.name}`));
  const batches = Array.from({ length: SUBMITS }, (_, i) => shuffled.filter((_, j) => j % SUBMITS === i));
  await pool(batches, 4, async (batch, i) => {
    const uploadIds = batch.map((f) => uploads.get(f.name)!);
    await act(
      actions.submitAssetsAction!,
      "/upload",
      // A retry goes to a group of its own name: the first may exist without its submission.
      (attempt) => ({
        target: { kind: "new", name: `soak ${SEED} ${i}${attempt ? ` r${attempt}` : ""}` },
        projectName: "default",
        items: batch.map((f) => ({ source: "upload", uploadId: uploads.get(f.name)!, name: f.name })),
      }),
      async () => ((await prisma.asset.count({ where: { uploadId: { in: uploadIds }, createdAt: { gte: new Date(driveStart) } } })) > 0 ? {} : null),
    );
  });
  log(`${SUBMITS} submits made in ${secondsSince(started)} s`);

  // 3. Video jobs, through the create action, each with an avatar approved by then.
  const approved: { id: string; name: string }[] = [];
  while (approved.length < JOBS && Date.now() < deadline) {
    approved.splice(0, approved.length);
    for (let cursor: string | null = ""; cursor !== null && approved.length < JOBS; ) {
      const body = await retrying(o, async () => {
        const res = await appFetch(`/api/approved-assets?type=IMAGE&limit=60${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`approved assets: HTTP ${res.status}`);
        return (await res.json()) as { items: { id: string; name: string }[]; nextCursor: string | null };
      });
      approved.push(...body.items);
      cursor = body.nextCursor;
    }
    if (approved.length < JOBS) await sleep(1000);
  }
  if (approved.length < JOBS) throw new Error(`only ${approved.length} avatars approved before the time ran out`);
  const jobIds: string[] = [];
  await pool(approved.slice(0, JOBS), 3, async (asset, i) => {
    const prompt = `Soak ${SEED} job ${i}: the avatar waves`;
    const outcome = await act<{ jobId: string }>(
      actions.createVideoJobAction!,
      "/generate",
      () => ({
        model: "doubao-seedance-2.0",
        prompt,
        references: [{ assetId: asset.id, type: "IMAGE", role: "reference_image" }],
        duration: 4,
        aspectRatio: "16:9",
        resolution: "480p",
        generateAudio: false,
        seed: null,
        returnLastFrame: false,
      }),
      async () => {
        const job = await prisma.videoJob.findFirst({ where: { prompt }, select: { id: true } });
        return job ? { jobId: job.id } : null;
      },
    );
    jobIds.push(outcome.jobId);
  });
  log(`${jobIds.length} video jobs started in ${secondsSince(started)} s`);
  await o.beforeSettle?.();

  // 4. Wait for every row to finish, or for the time to run out.
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
  // Each file was submitted once: one asset a file, or the missing and the extra are losses.
  const perName = countBy(assets.map((a) => a.name));
  for (const f of files) {
    if (!perName[f.name]) (assetWrong++, wrong.push(`file ${f.name} has no asset`));
    else if (perName[f.name]! > 1) (assetWrong++, wrong.push(`file ${f.name} has ${perName[f.name]} assets`));
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

  const settledInS = Math.round((finishedAt - started) / 1000);
  console.log(`\nseed ${SEED}: everything settled in ${settledInS} s`);
  console.log(`provider calls: ${JSON.stringify(stats.endpoints)}`);
  console.log(`faults injected: ${JSON.stringify(stats.faults)}`);
  console.log(`submissions by state: ${JSON.stringify(countBy(submissions.map((s) => s.state)))}`);
  console.log(`assets by state: ${JSON.stringify(countBy(assets.map((a) => a.state)))}`);
  console.log(`jobs by state: ${JSON.stringify(countBy(jobs.map((j) => j.state)))}`);
  console.log(`provider tasks: ${tasks.filter((t) => t.kind === "asset").length} review, ${tasks.filter((t) => t.kind === "video").length} generation`);
  for (const line of [...wrong, ...orphans]) console.log(`  - ${line}`);
  await prisma.$disconnect();
  return {
    assets: { total: assets.length, lost: assetWrong + assetOrphans, duplicated: assetDuplicates, stuck: assetStuck },
    jobs: { total: jobs.length, lost: jobWrong + jobOrphans, duplicated: jobDuplicates, stuck: jobStuck },
    orphans,
    settledInS,
  };
}

/** `soak: assets 200 lost 0 duplicated 0 stuck 0; jobs 30 lost 0 duplicated 0 stuck 0; in Ns` */
export function soakLine(figures: SoakFigures, seconds: number): string {
  const { assets: a, jobs: j } = figures;
  return `soak: assets ${a.total} lost ${a.lost} duplicated ${a.duplicated} stuck ${a.stuck}; jobs ${j.total} lost ${j.lost} duplicated ${j.duplicated} stuck ${j.stuck}; in ${seconds}s`;
}

async function retrying<T>(o: Pick<SoakOptions, "appMayDie" | "deadline">, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!o.appMayDie || Date.now() > o.deadline) throw error;
      await sleep(1000);
    }
  }
}

export function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
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

export async function pool<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
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

function simAdminAt(sim: string) {
  return async function simAdmin<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${sim}/_admin/${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator ${method} ${route}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
