import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { setTestEnv, startMediaServer, useOwnDatabase, waitFor } from "@/test/integration-kit";
import { boundProviderSettings } from "@/lib/settings/provider-settings-test-kit";

/**
 * One look at a task, and finishing unsent submissions, against real PostgreSQL and the
 * simulator: Retry-After, the compare-and-set claim, whole-task failure, expiry, and the
 * worker sending (or marking uncertain) what a dead request left behind.
 */

const API_KEY = "sk-review-test";
let db: Awaited<ReturnType<typeof useOwnDatabase>>;
let sim: RunningSimulator;
let media: Awaited<ReturnType<typeof startMediaServer>>;
let teamId: string;
let userId: string;

let prisma: typeof import("@/lib/db").prisma;
let submitAssets: typeof import("@/lib/submissions/submit-assets").submitAssets;
let sendSubmission: typeof import("@/lib/submissions/send-submission").sendSubmission;
let pollSubmission: typeof import("@/lib/submissions/poll-submission").pollSubmission;
let finishUnsentSubmission: typeof import("@/lib/submissions/finish-unsent-submission").finishUnsentSubmission;
let recordReviewResult: typeof import("@/lib/submissions/record-review-result").recordReviewResult;
let findDueSubmissions: typeof import("@/lib/submissions/find-due-submissions").findDueSubmissions;

beforeAll(async () => {
  setTestEnv();
  db = await useOwnDatabase("poll_submission");
  ({ prisma } = await import("@/lib/db"));
  ({ submitAssets } = await import("@/lib/submissions/submit-assets"));
  ({ sendSubmission } = await import("@/lib/submissions/send-submission"));
  ({ pollSubmission } = await import("@/lib/submissions/poll-submission"));
  ({ finishUnsentSubmission } = await import("@/lib/submissions/finish-unsent-submission"));
  ({ recordReviewResult } = await import("@/lib/submissions/record-review-result"));
  ({ findDueSubmissions } = await import("@/lib/submissions/find-due-submissions"));
  const { startSimulator } = await import("@/simulator/server");
  sim = await startSimulator({ port: 0, apiKeys: [API_KEY], reviewMs: 300 });
  media = await startMediaServer();
  teamId = (await prisma.team.create({ data: { name: `Poll ${randomUUID().slice(0, 6)}` } })).id;
  userId = (await prisma.user.create({ data: { email: `poll-${randomUUID().slice(0, 8)}@example.com` } })).id;
  await prisma.teamSettings.create({ data: { teamId, ...boundProviderSettings(sim.url, API_KEY) } });
}, 120_000);

afterAll(async () => {
  await media?.close();
  await sim?.close();
  await db?.restore();
});

async function submitOne(names: string[]) {
  const result = await submitAssets(
    {
      target: { kind: "new", name: `group ${randomUUID().slice(0, 6)}` },
      projectName: "default",
      items: names.map((name) => ({ source: "url" as const, type: "IMAGE" as const, name, url: `${media.url}/${name}.png` })),
    },
    { teamId, userId },
  );
  return prisma.submission.findUniqueOrThrow({ where: { id: result.submissions[0]!.id } });
}

/** Writes a group, a QUEUED submission and its assets, as a request that died before sending would leave them. */
async function writeQueued(names: string[], extra: { attempts?: number; idleMs: number }) {
  const group = await prisma.assetGroup.create({ data: { teamId, name: `queued ${randomUUID().slice(0, 6)}` } });
  const submission = await prisma.submission.create({
    data: {
      teamId,
      groupId: group.id,
      assetType: "IMAGE",
      projectName: "default",
      idempotencyKey: randomUUID(),
      attempts: extra.attempts ?? 0,
      createdById: userId,
      assets: {
        createMany: {
          data: names.map((name) => ({ teamId, groupId: group.id, name, type: "IMAGE" as const, sourceUrl: `${media.url}/${name}.png` })),
        },
      },
    },
  });
  await prisma.$executeRaw`UPDATE "Submission" SET "updatedAt" = ${new Date(Date.now() - extra.idleMs)} WHERE id = ${submission.id}`;
  return submission;
}

async function taskCalls(taskId: string): Promise<number> {
  const stats = (await (await fetch(`${sim.url}/_admin/stats`)).json()) as { tasks: Record<string, number> };
  return stats.tasks[taskId] ?? 0;
}

describe("pollSubmission", () => {
  it("waits as long as a 429's Retry-After asks and keeps the task open", async () => {
    const row = await submitOne(["retry-after-a"]);
    await fetch(`${sim.url}/_admin/faults/next`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "task", fault: "rate_limit", retryAfter: 45 }),
    });
    const before = Date.now();
    const outcome = await pollSubmission({ submissionId: row.id, teamId, dueAt: row.nextPollAt });
    expect(outcome).toMatchObject({ status: "error", code: "UPSTREAM_RATE_LIMITED" });
    const after = await prisma.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.state).toBe("SENT");
    expect(after.errorCode).toBe("UPSTREAM_RATE_LIMITED");
    expect(after.error).not.toMatch(/rate_limit_exceeded/);
    expect(after.nextPollAt!.getTime() - before).toBeGreaterThanOrEqual(45_000);
    expect(after.nextPollAt!.getTime() - before).toBeLessThan(50_000);

    // The next look clears the error and records the verdict.
    await new Promise((r) => setTimeout(r, 800));
    const next = await pollSubmission({ submissionId: row.id, teamId, dueAt: after.nextPollAt });
    expect(next).toMatchObject({ status: "polled", review: { finished: true, state: "COMPLETED" } });
    const done = await prisma.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ state: "COMPLETED", errorCode: null, error: null, nextPollAt: null });
  });

  it("asks the provider in the submitter's language: a Chinese user's rejected review reads in Chinese", async () => {
    const asUser = async (locale: string | null) => (await prisma.user.create({ data: { email: `lang-${randomUUID().slice(0, 8)}@example.com`, locale } })).id;
    const reviewed = async (submitter: string) => {
      const result = await submitAssets(
        {
          target: { kind: "new", name: `lang ${randomUUID().slice(0, 6)}` },
          projectName: "default",
          items: ["lang-ok", "lang-real-person"].map((name) => ({ source: "url" as const, type: "IMAGE" as const, name, url: `${media.url}/${name}.png` })),
        },
        { teamId, userId: submitter },
      );
      const id = result.submissions[0]!.id;
      return waitFor(
        "the review to finish",
        async () => {
          const row = await prisma.submission.findUniqueOrThrow({ where: { id } });
          if (row.state !== "SENT") return row;
          await pollSubmission({ submissionId: id, teamId, dueAt: row.nextPollAt });
          return undefined;
        },
        15_000,
        400,
      );
    };
    const chinese = await reviewed(await asUser("zh"));
    expect(chinese).toMatchObject({ state: "PARTIAL", error: "部分素材未通过审核" });
    const rejected = await prisma.asset.findFirstOrThrow({ where: { submissionId: chinese.id, state: "REJECTED" } });
    expect(rejected.failureCode).toBe("InputImageSensitiveContentDetected.PrivacyInformation");
    expect((await reviewed(await asUser("en"))).error).toBe("Some assets did not pass review");
    expect((await reviewed(await asUser(null))).error).toBe("Some assets did not pass review");
  });

  it("does nothing when the due time it was given has moved (another worker claimed it)", async () => {
    const row = await submitOne(["claimed-a"]);
    const calls = await taskCalls(row.providerTaskId!);
    const stale = new Date(row.nextPollAt!.getTime() - 1000);
    expect(await pollSubmission({ submissionId: row.id, teamId, dueAt: stale })).toEqual({ status: "skipped" });
    expect(await pollSubmission({ submissionId: row.id, teamId: "another-team", dueAt: row.nextPollAt })).toEqual({ status: "skipped" });
    expect(await taskCalls(row.providerTaskId!)).toBe(calls);

    // Two looks racing for one period: exactly one reaches the provider.
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => pollSubmission({ submissionId: row.id, teamId, dueAt: row.nextPollAt })),
    );
    expect(outcomes.filter((o) => o.status !== "skipped")).toHaveLength(1);
    expect(await taskCalls(row.providerTaskId!)).toBe(calls + 1);
  });

  it("fails every asset when the provider no longer knows a task older than 7 days", async () => {
    const row = await submitOne(["expired-a", "expired-b"]);
    await prisma.submission.update({
      where: { id: row.id },
      data: { providerTaskId: "task_gone_for_good", sentAt: new Date(Date.now() - 8 * 24 * 3600_000) },
    });
    const outcome = await pollSubmission({ submissionId: row.id, teamId, dueAt: row.nextPollAt });
    expect(outcome).toMatchObject({ status: "polled", review: { finished: true, state: "FAILED" } });
    const assets = await prisma.asset.findMany({ where: { submissionId: row.id } });
    expect(assets.every((a) => a.state === "REJECTED" && a.failureCode === "TaskExpired")).toBe(true);
  });

  it("keeps looking (slowly) at a task the provider does not know yet", async () => {
    const row = await submitOne(["unknown-a"]);
    await prisma.submission.update({ where: { id: row.id }, data: { providerTaskId: "task_not_there_yet" } });
    const outcome = await pollSubmission({ submissionId: row.id, teamId, dueAt: row.nextPollAt });
    expect(outcome).toMatchObject({ status: "error", code: "UPSTREAM_REJECTED" });
    const after = await prisma.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.state).toBe("SENT");
    expect(after.nextPollAt!.getTime()).toBeGreaterThan(Date.now() + 5_000);
  });
});

describe("recordReviewResult", () => {
  it("fails every asset with the task's reason when the whole task failed", async () => {
    const row = await submitOne(["whole-a", "whole-b"]);
    const review = await recordReviewResult({
      submissionId: row.id,
      teamId,
      task: { taskId: row.providerTaskId!, status: "failed", rawStatus: "failed", unknownStatus: false, progress: 100, error: { message: "Internal review error", code: "InternalError" } },
      raw: { code: 200, data: { id: row.providerTaskId, status: "failed", error: { message: "Internal review error" } } },
      now: new Date(),
      nextPollAt: new Date(),
    });
    expect(review).toMatchObject({ finished: true, state: "FAILED", tally: { approved: 0, rejected: 2 } });
    const assets = await prisma.asset.findMany({ where: { submissionId: row.id } });
    expect(assets.map((a) => [a.state, a.failureCode, a.failureReason])).toEqual([
      ["REJECTED", "InternalError", "Internal review error"],
      ["REJECTED", "InternalError", "Internal review error"],
    ]);
    const submission = await prisma.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(submission).toMatchObject({ state: "FAILED", errorCode: "InternalError", nextPollAt: null });
  });

  it("records verdicts that arrive while the task still runs, and leaves the rest in review", async () => {
    const row = await submitOne(["early-a", "early-b"]);
    await prisma.asset.updateMany({ where: { submissionId: row.id }, data: { state: "PENDING" } });
    const next = new Date(Date.now() + 3000);
    const review = await recordReviewResult({
      submissionId: row.id,
      teamId,
      task: {
        taskId: row.providerTaskId!,
        status: "running",
        rawStatus: "processing",
        unknownStatus: false,
        progress: 50,
        review: { usable: [{ name: "early-b", assetId: "asset-1", assetUrl: "asset://asset-1" }], failed: [], pending: [{ name: "early-a" }] },
      },
      raw: { data: { status: "processing", result: { assets: [{ name: "early-b", status: "Active" }, { name: "early-a", status: "Processing" }] } } },
      now: new Date(),
      nextPollAt: next,
    });
    expect(review).toMatchObject({ finished: false, tally: { approved: 1, pending: 1 } });
    const assets = await prisma.asset.findMany({ where: { submissionId: row.id }, orderBy: { name: "asc" } });
    expect(assets.map((a) => [a.name, a.state, a.assetUrl])).toEqual([
      ["early-a", "IN_REVIEW", null],
      ["early-b", "APPROVED", "asset://asset-1"],
    ]);
    const submission = await prisma.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(submission).toMatchObject({ state: "SENT", progress: 50 });
    expect(submission.nextPollAt?.getTime()).toBe(next.getTime());
  });
});

describe("finishUnsentSubmission", () => {
  it("sends a QUEUED row a dead request left behind, under its own idempotency key", async () => {
    const row = await writeQueued(["orphan-a", "orphan-b"], { idleMs: 60_000 });
    const due = await findDueSubmissions({ now: new Date(), limit: 100 });
    expect(due).toContainEqual({ id: row.id, teamId, kind: "send", dueAt: null, updatedAt: expect.any(Date) });
    const outcome = await finishUnsentSubmission({ submissionId: row.id, teamId });
    expect(outcome).toMatchObject({ status: "done", result: { state: "SENT" } });
    const sent = await prisma.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent.providerTaskId).toBeTruthy();
    // Now it is followed like any other.
    await waitFor("the verdict", async () => {
      const current = await prisma.submission.findUniqueOrThrow({ where: { id: row.id } });
      if (current.state !== "SENT") return current;
      await pollSubmission({ submissionId: row.id, teamId, dueAt: current.nextPollAt });
      return undefined;
    }, 10_000, 300);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("COMPLETED");
  });

  it("leaves a QUEUED row alone during its grace period", async () => {
    const row = await writeQueued(["fresh-a"], { idleMs: 1_000 });
    const due = await findDueSubmissions({ now: new Date(), limit: 100 });
    expect(due.map((d) => d.id)).not.toContain(row.id);
    expect(await finishUnsentSubmission({ submissionId: row.id, teamId })).toEqual({ status: "skipped" });
  });

  it("marks an interrupted attempt UNCERTAIN when the provider does not honour idempotency keys", async () => {
    const row = await writeQueued(["interrupted-a"], { attempts: 1, idleMs: 60 * 60_000 });
    const outcome = await finishUnsentSubmission(
      { submissionId: row.id, teamId },
      { send: (id, team) => sendSubmission(id, team, { idempotency: false }) },
    );
    expect(outcome).toMatchObject({ status: "done", result: { state: "UNCERTAIN" } });
    const audit = await prisma.auditEvent.findFirst({ where: { teamId, action: "submission.uncertain", targetId: row.id } });
    expect(audit).not.toBeNull();
    // Nobody picks it up again by themselves.
    const due = await findDueSubmissions({ now: new Date(), limit: 100 });
    expect(due.map((d) => d.id)).not.toContain(row.id);
  });
});
