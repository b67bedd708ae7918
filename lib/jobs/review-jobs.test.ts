import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import {
  setTestEnv,
  startMediaServer,
  startRecordingProxy,
  useOwnDatabase,
  waitFor,
  type TaskLook,
} from "@/test/integration-kit";
import { boundProviderSettings } from "@/lib/settings/provider-settings-test-kit";

/**
 * Review following against real PostgreSQL (a database of this file's own) and the provider
 * simulator over HTTP: verdicts by name, two workers sharing the work without polling a task
 * twice in one period, and a worker killed with SIGKILL whose work a restart finishes.
 */

const API_KEY = "sk-review-test";
const root = path.resolve(import.meta.dirname, "../..");

let db: Awaited<ReturnType<typeof useOwnDatabase>>;
let sim: RunningSimulator;
let media: Awaited<ReturnType<typeof startMediaServer>>;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let teamId: string;
let userId: string;

// Imported after the database is switched (modules that hold a client read DATABASE_URL on first use).
let prisma: typeof import("@/lib/db").prisma;
let submitAssets: typeof import("@/lib/submissions/submit-assets").submitAssets;
let createBoss: typeof import("@/lib/jobs/boss").createBoss;
let registerReviewJobs: typeof import("@/lib/jobs/review-jobs").registerReviewJobs;

beforeAll(async () => {
  setTestEnv();
  db = await useOwnDatabase("review_jobs");
  ({ prisma } = await import("@/lib/db"));
  ({ submitAssets } = await import("@/lib/submissions/submit-assets"));
  ({ createBoss } = await import("@/lib/jobs/boss"));
  ({ registerReviewJobs } = await import("@/lib/jobs/review-jobs"));
  const { startSimulator } = await import("@/simulator/server");
  sim = await startSimulator({ port: 0, apiKeys: [API_KEY], reviewMs: 400 });
  media = await startMediaServer();
  proxy = await startRecordingProxy(sim.url);
  const team = await prisma.team.create({ data: { name: `Review ${randomUUID().slice(0, 6)}` } });
  teamId = team.id;
  userId = (await prisma.user.create({ data: { email: `review-${randomUUID().slice(0, 8)}@example.com` } })).id;
  await prisma.membership.create({ data: { teamId, userId, role: "CREATOR" } });
  await prisma.teamSettings.create({ data: { teamId, ...boundProviderSettings(proxy.url, API_KEY) } });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await media?.close();
  await sim?.close();
  await db?.restore();
});

async function submit(groupName: string, names: string[]) {
  const result = await submitAssets(
    {
      target: { kind: "new", name: groupName },
      projectName: "default",
      items: names.map((name) => ({ source: "url" as const, type: "IMAGE" as const, name, url: `${media.url}/${name}.png` })),
    },
    { teamId, userId },
  );
  expect(result.submissions.every((s) => s.state === "SENT")).toBe(true);
  return result;
}

async function startBoss(): Promise<PgBoss> {
  const boss = createBoss();
  boss.on("error", () => {});
  await boss.start();
  await registerReviewJobs(boss);
  return boss;
}

async function allFinished(submissionIds: string[]) {
  const rows = await prisma.submission.findMany({ where: { id: { in: submissionIds } }, select: { state: true } });
  return rows.length === submissionIds.length && rows.every((r) => ["COMPLETED", "PARTIAL", "FAILED"].includes(r.state));
}

async function simStats(): Promise<{ tasks: Record<string, number> }> {
  return (await fetch(`${sim.url}/_admin/stats`)).json() as Promise<{ tasks: Record<string, number> }>;
}

describe("following review tasks", () => {
  it("ends a task with 2 of 5 assets failing as 3 approved (with asset URLs) and 2 failed (with reasons)", async () => {
    const names = ["hero-a", "real-person-b", "hero-c", "real-person-d", "hero-e"];
    const { submissions, groupId } = await submit("partial group", names);
    const submissionId = submissions[0]!.id;
    const boss = await startBoss();
    try {
      await waitFor("the review to finish", () => allFinished([submissionId]), 30_000);
    } finally {
      await boss.stop({ graceful: true, timeout: 5_000 });
    }

    const submission = await prisma.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { assets: true } });
    expect(submission.state).toBe("PARTIAL");
    expect(submission.nextPollAt).toBeNull();
    expect(submission.finishedAt).not.toBeNull();
    expect(submission.rawResponse).toMatchObject({ code: 200, data: { status: "failed" } });
    const byName = new Map(submission.assets.map((a) => [a.name, a]));
    for (const name of ["hero-a", "hero-c", "hero-e"]) {
      const asset = byName.get(name)!;
      expect(asset.state).toBe("APPROVED");
      expect(asset.assetUrl).toMatch(/^asset:\/\/asset-/);
      expect(asset.providerAssetId).toBe(asset.assetUrl!.slice("asset://".length));
      expect(asset.rawItem).toMatchObject({ name });
      expect(asset.reviewedAt).not.toBeNull();
    }
    for (const name of ["real-person-b", "real-person-d"]) {
      const asset = byName.get(name)!;
      expect(asset.state).toBe("REJECTED");
      expect(asset.assetUrl).toBeNull();
      expect(asset.failureCode).toBe("InputImageSensitiveContentDetected.PrivacyInformation");
      expect(asset.failureReason).toMatch(/real person/);
      expect(asset.rawItem).toMatchObject({ name });
    }
    const group = await prisma.assetGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(group.providerGroupId).toMatch(/^group-/);
    const audit = await prisma.auditEvent.findFirst({ where: { teamId, action: "review.finished", targetId: submissionId } });
    expect(audit?.metadata).toMatchObject({ state: "PARTIAL", approved: 3, failed: 2 });

    // Finished tasks are not looked at again.
    const before = (await simStats()).tasks[submission.providerTaskId!];
    const again = await startBoss();
    await new Promise((r) => setTimeout(r, 2_500));
    await again.stop({ graceful: true, timeout: 5_000 });
    expect((await simStats()).tasks[submission.providerTaskId!]).toBe(before);
  }, 60_000);

  it("shares the work between two workers and looks at each task once per period", async () => {
    // A slow review so that every task is looked at several times.
    await fetch(`${sim.url}/_admin/faults`, { method: "DELETE" });
    const slowSim = await (await import("@/simulator/server")).startSimulator({ port: 0, apiKeys: [API_KEY], reviewMs: 9_000 });
    const slowProxy = await startRecordingProxy(slowSim.url);
    await prisma.teamSettings.update({ where: { teamId }, data: boundProviderSettings(slowProxy.url, API_KEY) });
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => submit(`shared group ${i}`, [`shared-${i}-a`, `shared-${i}-b`])),
      );
      const ids = results.map((r) => r.submissions[0]!.id);
      const [a, b] = await Promise.all([startBoss(), startBoss()]);
      try {
        await waitFor("every review to finish", () => allFinished(ids), 60_000, 500);
      } finally {
        await Promise.all([a.stop({ graceful: true, timeout: 5_000 }), b.stop({ graceful: true, timeout: 5_000 })]);
      }

      const rows = await prisma.submission.findMany({ where: { id: { in: ids } } });
      const stats = (await (await fetch(`${slowSim.url}/_admin/stats`)).json()) as { tasks: Record<string, number> };
      for (const row of rows) {
        expect(row.state).toBe("COMPLETED");
        const looks = slowProxy.looks.filter((l: TaskLook) => l.taskId === row.providerTaskId).map((l) => l.at);
        // Every look the provider saw was one recorded poll: none was doubled by the second worker.
        expect(stats.tasks[row.providerTaskId!]).toBe(looks.length);
        expect(row.pollCount).toBe(looks.length);
        expect(looks.length).toBeGreaterThanOrEqual(3);
        // One look per period: never two within the first, 3-second period of the schedule.
        for (let i = 1; i < looks.length; i++) expect(looks[i]! - looks[i - 1]!).toBeGreaterThan(2_500);
        // 9 s of review at one look every 3 s, plus the look that sees it finished.
        expect(looks.length).toBeLessThanOrEqual(6);
      }
    } finally {
      await prisma.teamSettings.update({ where: { teamId }, data: boundProviderSettings(proxy.url, API_KEY) });
      await slowProxy.close();
      await slowSim.close();
    }
  }, 120_000);

  it("finishes every task after a worker is killed with SIGKILL mid-run and another starts", async () => {
    const slowSim = await (await import("@/simulator/server")).startSimulator({ port: 0, apiKeys: [API_KEY], reviewMs: 8_000 });
    await prisma.teamSettings.update({ where: { teamId }, data: boundProviderSettings(slowSim.url, API_KEY) });
    const children: ChildProcess[] = [];
    const startWorkerProcess = () => {
      // One process (tsx as a loader, not its CLI, which would run the worker in a child):
      // SIGKILL must reach the worker itself.
      const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: "warn", NODE_ENV: "test" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      children.push(child);
      return child;
    };
    try {
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, i) => submit(`crash group ${i}`, [`crash-${i}-a`, `real-person-crash-${i}`])),
      );
      const ids = results.map((r) => r.submissions[0]!.id);

      const first = startWorkerProcess();
      // Let the first worker get going: every task looked at at least once.
      await waitFor(
        "the first looks",
        async () => (await prisma.submission.findMany({ where: { id: { in: ids } } })).every((s) => s.pollCount >= 1),
        45_000,
        200,
      );
      first.kill("SIGKILL");
      await new Promise<void>((resolve) => (first.exitCode !== null || first.signalCode !== null ? resolve() : first.once("exit", () => resolve())));
      expect(first.signalCode).toBe("SIGKILL");
      expect(await allFinished(ids)).toBe(false);

      startWorkerProcess();
      await waitFor("every review to finish after the restart", () => allFinished(ids), 90_000, 500);
      const assets = await prisma.asset.findMany({ where: { submissionId: { in: ids } } });
      expect(assets).toHaveLength(8);
      for (const asset of assets) {
        if (asset.name.startsWith("real-person")) expect(asset).toMatchObject({ state: "REJECTED", failureCode: "InputImageSensitiveContentDetected.PrivacyInformation" });
        else expect(asset.state).toBe("APPROVED");
      }
      const rows = await prisma.submission.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.state === "PARTIAL")).toBe(true);
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.all(
        children.map((c) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once("exit", () => resolve())))),
      );
      await prisma.teamSettings.update({ where: { teamId }, data: boundProviderSettings(proxy.url, API_KEY) });
      await slowSim.close();
    }
  }, 180_000);

  it("sends again a submission whose sending worker died, without waiting for that worker's job to expire", async () => {
    const { REVIEW_SEND_QUEUE, sweepDueSubmissions } = await import("@/lib/jobs/review-jobs");
    const { finishUnsentSubmission } = await import("@/lib/submissions/finish-unsent-submission");
    const { submissions } = await submit("dead send group", ["dead-send-a"]);
    const id = submissions[0]!.id;
    const taskId = (await prisma.submission.findUniqueOrThrow({ where: { id } })).providerTaskId;
    // As a killed worker leaves it: an attempt claimed long ago, no answer recorded (the
    // provider may have acted). updatedAt is set by hand, past any call's time.
    const claimedAgo = async (minutes: number, attempts: number) =>
      prisma.$executeRaw`UPDATE "Submission" SET state = 'QUEUED', attempts = ${attempts}, "providerTaskId" = NULL, "nextPollAt" = NULL,
        "updatedAt" = now() - make_interval(mins => ${minutes}) WHERE id = ${id}`;
    const boss = createBoss();
    boss.on("error", () => {});
    await boss.start();
    try {
      await boss.createQueue(REVIEW_SEND_QUEUE, { policy: "exclusive", retryLimit: 0, expireInSeconds: 300 });
      await claimedAgo(20, 1);
      await sweepDueSubmissions(boss);
      // A worker takes that job, claims the row again and is killed: its job stays active.
      const taken = await boss.fetch(REVIEW_SEND_QUEUE);
      expect(taken.map((j) => (j.data as { submissionId: string }).submissionId)).toEqual([id]);
      await claimedAgo(10, 2);
      await sweepDueSubmissions(boss);
      const next = await boss.fetch(REVIEW_SEND_QUEUE);
      expect(next.map((j) => (j.data as { submissionId: string }).submissionId)).toEqual([id]);
      const outcome = await finishUnsentSubmission({ submissionId: id, teamId });
      expect(outcome).toMatchObject({ status: "done", result: { state: "SENT" } });
      // Sent again under its key: the provider hands back the task it had, none is made twice.
      expect((await prisma.submission.findUniqueOrThrow({ where: { id } })).providerTaskId).toBe(taskId);
    } finally {
      await boss.stop({ graceful: false });
    }
  }, 60_000);
});
