import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The settings are read once, when `lib/env` is first imported: give them before any import.
const storageDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/avatar-studio-submit-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  Object.assign(process.env, {
    AUTH_SECRET: "submit-assets-test-secret-0123456789abcdef",
    SETTINGS_ENCRYPTION_KEY: "11".repeat(32),
    // Overridden per team below, once the simulator's port is known.
    UPSTREAM_BASE_URL: "http://127.0.0.1:9",
    UPSTREAM_API_KEY: "sk-submit-assets-test",
    UPSTREAM_MAX_RETRIES: "3",
    UPSTREAM_TIMEOUT_MS: "5000",
    UPSTREAM_IDEMPOTENCY: "true",
    PUBLIC_BASE_URL: "http://127.0.0.1:9",
    STORAGE_DIR: dir,
    // The simulator runs on loopback at a port known only later.
    OUTBOUND_ALLOW_PRIVATE: "1",
  });
  return dir;
});

import { findApprovedDuplicates } from "@/lib/assets/find-approved-duplicates";
import { listGroups } from "@/lib/assets/list-groups";
import { listSubmissions } from "@/lib/submissions/list-submissions";
import { sendSubmission, UNCERTAIN_MESSAGE } from "@/lib/submissions/send-submission";
import { submitAssets } from "@/lib/submissions/submit-assets";
import { submitAssetsSchema, type SubmitAssetsInput } from "@/lib/submissions/submit-assets.validation";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestUpload } from "@/lib/media/ingest-upload";
import { makePng } from "@/lib/media/test-media";
import { simulatorAdmin } from "@/test/integration-kit";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import { newStorageKey } from "@/lib/storage/storage-key";
import { createUpstreamClient, type UpstreamClientConfig } from "@/lib/upstream/client";
import { type RunningSimulator, startSimulator } from "@/simulator/server";
import { boundProviderSettings } from "@/lib/settings/provider-settings-test-kit";
import { englishError } from "@/test/english-error";
import { describeStored } from "@/lib/i18n/sentence-in";

/**
 * Group submissions end to end against real PostgreSQL and the provider simulator over HTTP:
 * rows first, then requests of at most 20 per type into one group, faults, idempotent
 * resending, uncertain answers, and refusals that never reach the provider.
 */

const KEY = "sk-submit-assets-test";
let sim: RunningSimulator;
let teamId: string;
let otherTeamId: string;
let userId: string;

const admin = <T = unknown>(method: string, adminPath: string, body?: unknown) => simulatorAdmin<T>(sim.url, method, adminPath, body);

const submitCalls = async () => (await admin<{ endpoints: Record<string, number> }>("GET", "stats")).endpoints.submit ?? 0;
type SimTask = { id: string; idempotency_key: string | null; assets?: { name: string }[] };
const simTasks = async () => (await admin<{ tasks: SimTask[] }>("GET", "tasks")).tasks;
const nextFault = (fault: string, count = 1) => admin("POST", "faults/next", { endpoint: "submit", fault, count });

function client(overrides: Partial<UpstreamClientConfig> = {}) {
  return createUpstreamClient({
    baseUrl: sim.url,
    apiKey: KEY,
    timeoutMs: 5000,
    maxRetries: 3,
    concurrency: 4,
    retryBaseMs: 10,
    retryMaxMs: 50,
    ...overrides,
  });
}

/** An Upload row as ingestion leaves it (the bytes themselves are not needed to submit). */
async function imageUpload(name: string, over: { width?: number; height?: number; team?: string } = {}) {
  const team = over.team ?? teamId;
  return prisma.upload.create({
    data: {
      teamId: team,
      uploaderId: userId,
      storageKey: newStorageKey(team, `${name}.png`),
      sha256: randomBytes(32).toString("hex"),
      fileName: `${name}.png`,
      mimeType: "image/png",
      type: "IMAGE",
      sizeBytes: 20_000,
      width: over.width ?? 512,
      height: over.height ?? 512,
    },
  });
}

async function audioUpload(name: string) {
  return prisma.upload.create({
    data: {
      teamId,
      uploaderId: userId,
      storageKey: newStorageKey(teamId, `${name}.wav`),
      sha256: randomBytes(32).toString("hex"),
      fileName: `${name}.wav`,
      mimeType: "audio/wav",
      type: "AUDIO",
      sizeBytes: 48_044,
      durationMs: 3000,
    },
  });
}

const submit = (input: SubmitAssetsInput, options: Parameters<typeof submitAssets>[2] = {}) =>
  submitAssets(submitAssetsSchema.parse(input), { teamId, userId }, options);

async function waitForTask(taskId: string) {
  const c = client();
  for (let i = 0; i < 200; i++) {
    const { data } = await c.getTask(taskId, { kind: "review" });
    if (data.status === "completed" || data.status === "failed") return data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`task ${taskId} did not finish`);
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKeys: [KEY], reviewMs: 100, downloadTimeoutMs: 1000 });
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Submit ${suffix}` } })).id;
  otherTeamId = (await prisma.team.create({ data: { name: `Other ${suffix}` } })).id;
  userId = (await prisma.user.create({ data: { email: `submit-${suffix}@example.com`, name: "Sam Submitter" } })).id;
  await prisma.teamSettings.create({ data: { teamId, ...boundProviderSettings(sim.url, KEY) } });
});

afterAll(async () => {
  await prisma.asset.deleteMany({ where: { teamId: { in: [teamId, otherTeamId] } } });
  await prisma.submission.deleteMany({ where: { teamId: { in: [teamId, otherTeamId] } } });
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await prisma.user.deleteMany({ where: { id: userId } });
  await sim?.close();
  rmSync(storageDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await admin("DELETE", "faults");
});

describe("submitAssets", () => {
  it("sends 45 images as 3 provider tasks (20 + 20 + 5) into one group, rows written first", async () => {
    const uploads = [];
    for (let i = 0; i < 45; i++) uploads.push(await imageUpload(`face-${i}`));
    const before = await submitCalls();

    const result = await submit({
      target: { kind: "new", name: "Forty-five", description: "bulk" },
      projectName: "default",
      // Every item asks for the same name: the split makes them unique across all 3 requests.
      items: uploads.map((u) => ({ source: "upload", uploadId: u.id, name: "face" })),
    });

    expect(await submitCalls()).toBe(before + 3);
    expect(result.submissions.map((s) => [s.assetType, s.assetCount, s.state])).toEqual([
      ["IMAGE", 20, "SENT"],
      ["IMAGE", 20, "SENT"],
      ["IMAGE", 5, "SENT"],
    ]);
    const taskIds = result.submissions.map((s) => s.providerTaskId);
    expect(new Set(taskIds).size).toBe(3);

    const rows = await prisma.submission.findMany({ where: { id: { in: result.submissions.map((s) => s.id) } }, include: { assets: true } });
    for (const row of rows) {
      expect(row).toMatchObject({ teamId, groupId: result.groupId, state: "SENT", attempts: 1, projectName: "default" });
      expect(row.nextPollAt!.getTime()).toBeGreaterThan(Date.now());
      expect(row.rawResponse).toMatchObject({ code: 200, data: { id: row.providerTaskId } });
      expect(row.assets.every((a) => a.state === "IN_REVIEW" && a.groupId === result.groupId)).toBe(true);
    }
    const names = rows.flatMap((r) => r.assets.map((a) => a.name));
    expect(new Set(names).size).toBe(45);
    expect(names).toContain("face-45");

    // One group at the provider: every task reports the same group id.
    const groups = new Set<string | undefined>();
    for (const id of taskIds) groups.add((await waitForTask(id!)).review?.groupId);
    expect(groups.size).toBe(1);
    expect([...groups][0]).toMatch(/^group-/);

    // The same submit appears as one entry with its three requests.
    const list = await listSubmissions(teamId);
    const batch = list.batches.find((b) => b.group.id === result.groupId)!;
    expect(batch.requests.map((r) => r.id).sort()).toEqual(result.submissions.map((s) => s.id).sort());
    expect(batch.submittedBy).toBe("Sam Submitter");
    expect(list.active).toBe(true);

    const audit = await prisma.auditEvent.findFirst({ where: { teamId, action: "assets.submitted", targetId: result.groupId } });
    expect(audit?.metadata).toMatchObject({ assets: 45, submissionIds: expect.arrayContaining(taskIds.map(() => expect.any(String))) });
  });

  it("splits images and audio into requests of one type each, in the same group", async () => {
    const images = [await imageUpload("mix-a"), await imageUpload("mix-b")];
    const audio = await audioUpload("mix-voice");
    const before = await submitCalls();
    const result = await submit({
      target: { kind: "new", name: "Mixed" },
      projectName: "default",
      items: [
        { source: "upload", uploadId: audio.id, name: "voice" },
        ...images.map((u, i) => ({ source: "upload" as const, uploadId: u.id, name: `img-${i}` })),
        { source: "url", url: "https://cdn.example.com/extra.png", type: "IMAGE", name: "extra" },
      ],
    });
    expect(result.submissions.map((s) => [s.assetType, s.assetCount])).toEqual([
      ["IMAGE", 3],
      ["AUDIO", 1],
    ]);
    expect(await submitCalls()).toBe(before + 2);
    const tasks = await simTasks();
    const imageTask = tasks.find((t) => t.id === result.submissions[0]!.providerTaskId)!;
    expect(imageTask.assets!.map((a) => a.name).sort()).toEqual(["extra", "img-0", "img-1"]);
    const asset = await prisma.asset.findFirst({ where: { submissionId: result.submissions[0]!.id, name: "extra" } });
    expect(asset).toMatchObject({ sourceUrl: "https://cdn.example.com/extra.png", uploadId: null });
  });

  it("later submits reuse the group: by name, by the team's group, and by the provider's group id", async () => {
    const first = await submit({ target: { kind: "new", name: "Reused" }, projectName: "default", items: [{ source: "upload", uploadId: (await imageUpload("r1")).id, name: "r1" }] });
    const again = await submit({ target: { kind: "new", name: "Reused" }, projectName: "default", items: [{ source: "upload", uploadId: (await imageUpload("r2")).id, name: "r2" }] });
    expect(again.groupId).toBe(first.groupId);
    const existing = await submit({ target: { kind: "existing", groupId: first.groupId }, projectName: "ignored", items: [{ source: "upload", uploadId: (await imageUpload("r3")).id, name: "r3" }] });
    expect(existing).toMatchObject({ groupId: first.groupId, projectName: "default" });

    const providerGroupId = (await waitForTask(first.submissions[0]!.providerTaskId!)).review!.groupId!;
    const byId = await submit({ target: { kind: "provider", providerGroupId }, projectName: "default", items: [{ source: "upload", uploadId: (await imageUpload("r4")).id, name: "r4" }] });
    const task = await waitForTask(byId.submissions[0]!.providerTaskId!);
    expect(task.review?.groupId).toBe(providerGroupId);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: byId.submissions[0]!.id } });
    expect((row.rawResponse as { code: number }).code).toBe(200);

    const groups = await listGroups(teamId);
    expect(groups.find((g) => g.id === first.groupId)).toMatchObject({ name: "Reused", submissionCount: 3 });
    expect(groups.find((g) => g.id === byId.groupId)).toMatchObject({ providerGroupId });

    await expect(
      submit({ target: { kind: "existing", groupId: "nope" }, projectName: "default", items: [{ source: "upload", uploadId: (await imageUpload("r5")).id, name: "r5" }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("retries an injected 500 with the same idempotency key: one task, no duplicate", async () => {
    const upload = await imageUpload("flaky");
    await nextFault("server_error");
    const before = await submitCalls();
    const tasksBefore = (await simTasks()).length;
    const result = await submit({ target: { kind: "new", name: "Flaky" }, projectName: "default", items: [{ source: "upload", uploadId: upload.id, name: "flaky" }] });
    expect(result.submissions[0]!.state).toBe("SENT");
    expect(await submitCalls()).toBe(before + 2);
    expect((await simTasks()).length).toBe(tasksBefore + 1);
  });

  it("records a request the provider kept failing as SEND_FAILED and sends it once on retry", async () => {
    const upload = await imageUpload("down");
    await nextFault("server_error", 10);
    const tasksBefore = (await simTasks()).length;
    const result = await submit(
      { target: { kind: "new", name: "Down" }, projectName: "default", items: [{ source: "upload", uploadId: upload.id, name: "down" }] },
      { client: client() },
    );
    const failed = result.submissions[0]!;
    expect(failed).toMatchObject({ state: "SEND_FAILED", errorCode: "UPSTREAM_ERROR", providerTaskId: null });
    expect(failed.error).toMatch(/ran into a problem/);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: failed.id }, include: { assets: true } });
    expect(row.nextPollAt).not.toBeNull();
    expect(row.rawResponse).toMatchObject({ request: { assetType: "Image" }, error: { code: "UPSTREAM_ERROR" } });
    expect(row.assets[0]!.state).toBe("PENDING");
    expect((await simTasks()).length).toBe(tasksBefore);

    await admin("DELETE", "faults");
    const retried = await sendSubmission(failed.id, teamId);
    expect(retried).toMatchObject({ state: "SENT", sent: true });
    // Sending again is a no-op.
    const twice = await sendSubmission(failed.id, teamId);
    expect(twice).toMatchObject({ state: "SENT", sent: false, providerTaskId: retried.providerTaskId });
    const tasks = (await simTasks()).filter((t) => t.idempotency_key === row.idempotencyKey);
    expect(tasks).toHaveLength(1);
    const after = await prisma.submission.findUniqueOrThrow({ where: { id: failed.id }, include: { assets: true } });
    expect(after).toMatchObject({ attempts: 2, error: null, errorCode: null });
    expect(after.assets[0]!.state).toBe("IN_REVIEW");
  });

  it("resends a request whose answer was lost with the same key and body: the provider replays its task", async () => {
    const upload = await imageUpload("lost");
    await nextFault("drop_after");
    const noRetries = client({ maxRetries: 0 });
    const result = await submit(
      { target: { kind: "new", name: "Lost" }, projectName: "default", items: [{ source: "upload", uploadId: upload.id, name: "lost" }] },
      { client: noRetries, idempotency: true },
    );
    const first = result.submissions[0]!;
    expect(first).toMatchObject({ state: "SEND_FAILED", errorCode: "UPSTREAM_UNREACHABLE" });
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: first.id } });
    const created = (await simTasks()).filter((t) => t.idempotency_key === row.idempotencyKey);
    expect(created).toHaveLength(1);

    const again = await sendSubmission(first.id, teamId, { client: noRetries, idempotency: true });
    expect(again).toMatchObject({ state: "SENT", providerTaskId: created[0]!.id });
    expect((await simTasks()).filter((t) => t.idempotency_key === row.idempotencyKey)).toHaveLength(1);
  });

  it("marks a lost answer UNCERTAIN when the provider ignores idempotency keys, and resends only when told to", async () => {
    const upload = await imageUpload("uncertain");
    await nextFault("drop_after");
    const plain = client({ idempotency: false });
    const result = await submit(
      { target: { kind: "new", name: "Uncertain" }, projectName: "default", items: [{ source: "upload", uploadId: upload.id, name: "uncertain" }] },
      { client: plain, idempotency: false },
    );
    const first = result.submissions[0]!;
    expect(first).toMatchObject({ state: "UNCERTAIN", error: await describeStored({ key: UNCERTAIN_MESSAGE }, "en") });
    const calls = await submitCalls();
    expect(await sendSubmission(first.id, teamId, { client: plain, idempotency: false })).toMatchObject({ state: "UNCERTAIN", sent: false });
    expect(await submitCalls()).toBe(calls);
    expect(await sendSubmission(first.id, teamId, { client: plain, idempotency: false, resendUncertain: true })).toMatchObject({ state: "SENT", sent: true });
  });

  it("keeps a 401 as SEND_FAILED with a message the user can act on, not for the worker to resend", async () => {
    const upload = await imageUpload("badkey");
    const result = await submit(
      { target: { kind: "new", name: "Bad key" }, projectName: "default", items: [{ source: "upload", uploadId: upload.id, name: "badkey" }] },
      { client: client({ apiKey: "sk-wrong" }) },
    );
    expect(result.submissions[0]).toMatchObject({ state: "SEND_FAILED", errorCode: "UPSTREAM_UNAUTHORIZED" });
    expect(result.submissions[0]!.error).toMatch(/API key/);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: result.submissions[0]!.id } });
    expect(row.nextPollAt).toBeNull();
    const listed = (await listSubmissions(teamId)).batches.flatMap((b) => b.requests).find((r) => r.id === row.id)!;
    expect(listed).toMatchObject({ state: "SEND_FAILED", autoRetryAt: null });
  });
});

describe("sendSubmission", () => {
  async function queuedSubmission(name: string) {
    const upload = await imageUpload(name);
    const group = await prisma.assetGroup.create({ data: { teamId, name: `Queued ${name}`, projectName: "default" } });
    return prisma.submission.create({
      data: {
        teamId,
        groupId: group.id,
        assetType: "IMAGE",
        projectName: "default",
        idempotencyKey: randomUUID(),
        assets: { createMany: { data: [{ teamId, groupId: group.id, uploadId: upload.id, name, type: "IMAGE" }] } },
      },
    });
  }

  it("sends a row only once when called twice at the same time", async () => {
    const row = await queuedSubmission("twice");
    await admin("POST", "faults/next", { endpoint: "submit", fault: "slow", delayMs: 300 });
    const before = await submitCalls();
    const [a, b] = await Promise.all([sendSubmission(row.id, teamId), sendSubmission(row.id, teamId)]);
    expect([a.sent, b.sent].sort()).toEqual([false, true]);
    expect(await submitCalls()).toBe(before + 1);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("SENT");
  });

  it("leaves a row another process is sending, and finishes one a crash left behind", async () => {
    const row = await queuedSubmission("crashed");
    await prisma.submission.update({ where: { id: row.id }, data: { attempts: 1 } });
    const before = await submitCalls();
    expect(await sendSubmission(row.id, teamId)).toMatchObject({ state: "QUEUED", sent: false });
    expect(await submitCalls()).toBe(before);
    expect(await sendSubmission(row.id, teamId, { inFlightMs: 0 })).toMatchObject({ state: "SENT", sent: true });

    const lost = await queuedSubmission("crashed-no-keys");
    await prisma.submission.update({ where: { id: lost.id }, data: { attempts: 1 } });
    expect(await sendSubmission(lost.id, teamId, { inFlightMs: 0, idempotency: false })).toMatchObject({ state: "UNCERTAIN", sent: false });
  });

  it("does not find another team's row", async () => {
    const row = await queuedSubmission("private");
    await expect(sendSubmission(row.id, otherTeamId)).rejects.toBeInstanceOf(AppError);
  });
});

describe("refused files never reach the provider", () => {
  it("a file outside the limits is refused at upload and leaves no upload to submit", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-refused-"));
    try {
      const storage = createDiskStorage({ root, publicBaseUrl: "http://127.0.0.1:9" });
      const small = makePng(100, 100, 7);
      const result = await ingestUpload(
        { teamId, uploaderId: userId, fileName: "tiny.png", contentType: "image/png", contentLength: small.length, body: (async function* () {
            yield new Uint8Array(small);
          })() },
        { storage },
      );
      expect(result.status).toBe("refused");
      expect(await prisma.upload.count({ where: { teamId, fileName: "tiny.png" } })).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("a submit naming a file outside the limits, another team's file or the same file twice writes nothing and sends nothing", async () => {
    const good = await imageUpload("good");
    const tooSmall = await imageUpload("too-small", { width: 100, height: 100 });
    const foreign = await imageUpload("foreign", { team: otherTeamId });
    const calls = await submitCalls();
    const rows = await prisma.submission.count({ where: { teamId } });

    const attempt = (items: SubmitAssetsInput["items"]) => submit({ target: { kind: "new", name: "Refused" }, projectName: "default", items });
    expect(await englishError(
      attempt([
        { source: "upload", uploadId: good.id, name: "good" },
        { source: "upload", uploadId: tooSmall.id, name: "tiny" },
      ]),
    )).toMatch(/“tiny” cannot be sent: The image is 100×100 px/);
    expect(await englishError(attempt([{ source: "upload", uploadId: foreign.id, name: "foreign" }]))).toMatch(/not among your team's uploads/);
    expect(await englishError(
      attempt([
        { source: "upload", uploadId: good.id, name: "one" },
        { source: "upload", uploadId: good.id, name: "two" },
      ]),
    )).toMatch(/same file as “one”/);

    expect(await submitCalls()).toBe(calls);
    expect(await prisma.submission.count({ where: { teamId } })).toBe(rows);
    expect(await prisma.assetGroup.count({ where: { teamId, name: "Refused" } })).toBe(0);
  });

  it("validates the whole request", () => {
    const bad = submitAssetsSchema.safeParse({
      target: { kind: "new", name: " " },
      items: [{ source: "url", url: "ftp://x/y.png", type: "IMAGE", name: "" }],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    // Catalogue keys, put into words where they are shown; the outbound guard's words as they are.
    expect(messages).toEqual(expect.arrayContaining(["validation.groupNameRequired", "Only http(s) URLs are accepted, not ftp: links.", "validation.assetNameRequired"]));
    expect(submitAssetsSchema.safeParse({ target: { kind: "new", name: "x" }, items: [] }).error?.issues[0]?.message).toBe("validation.addFileOrUrl");
  });
});

describe("findApprovedDuplicates", () => {
  it("finds an upload already approved anywhere in the team, preferring the group being submitted to, and never another team's", async () => {
    const upload = await imageUpload("approved-once");
    const first = await submit({ target: { kind: "new", name: "Dupes" }, projectName: "default", items: [{ source: "upload", uploadId: upload.id, name: "approved-once" }] });
    const asset = await prisma.asset.findFirstOrThrow({ where: { submissionId: first.submissions[0]!.id } });
    expect(await findApprovedDuplicates(teamId, { uploadIds: [upload.id] }, { groupId: first.groupId })).toEqual([]);
    await prisma.asset.update({ where: { id: asset.id }, data: { state: "APPROVED", assetUrl: "asset://asset-1", providerAssetId: "asset-1" } });
    expect(await findApprovedDuplicates(teamId, { uploadIds: [upload.id, "other"] }, { groupId: first.groupId })).toEqual([
      expect.objectContaining({ uploadId: upload.id, sourceUrl: null, assetId: asset.id, assetUrl: "asset://asset-1", name: "approved-once", groupId: first.groupId, groupName: "Dupes", sameGroup: true }),
    ]);
    // Submitting to a new group (no group yet) or another group: the team's approval is offered, named by its group.
    expect(await findApprovedDuplicates(teamId, { uploadIds: [upload.id] })).toEqual([expect.objectContaining({ assetId: asset.id, groupName: "Dupes", sameGroup: false })]);
    // Approved in a second group too: the one in the group being submitted to wins.
    const second = await submit({ target: { kind: "new", name: "Dupes again" }, projectName: "default", items: [{ source: "upload", uploadId: upload.id, name: "approved-twice" }] });
    const again = await prisma.asset.findFirstOrThrow({ where: { submissionId: second.submissions[0]!.id } });
    await prisma.asset.update({ where: { id: again.id }, data: { state: "APPROVED", assetUrl: "asset://asset-2", providerAssetId: "asset-2" } });
    expect(await findApprovedDuplicates(teamId, { uploadIds: [upload.id] }, { groupId: first.groupId })).toEqual([expect.objectContaining({ assetId: asset.id, sameGroup: true })]);
    expect(await findApprovedDuplicates(teamId, { uploadIds: [upload.id] }, { groupId: second.groupId })).toEqual([expect.objectContaining({ assetId: again.id, sameGroup: true })]);
    expect(await findApprovedDuplicates(otherTeamId, { uploadIds: [upload.id] })).toEqual([]);
  });

  it("finds a URL asset already approved in the team from the same URL (the app never downloads URL assets, so the URL stands for the file)", async () => {
    const url = `https://media.example.com/dupe-${randomUUID().slice(0, 6)}.png`;
    const result = await submit({ target: { kind: "new", name: "Url dupes" }, projectName: "default", items: [{ source: "url", url, type: "IMAGE", name: "by-url" }] });
    const asset = await prisma.asset.findFirstOrThrow({ where: { submissionId: result.submissions[0]!.id } });
    expect(await findApprovedDuplicates(teamId, { urls: [url] }, { groupId: result.groupId })).toEqual([]);
    await prisma.asset.update({ where: { id: asset.id }, data: { state: "APPROVED", assetUrl: "asset://asset-url-1", providerAssetId: "asset-url-1" } });
    expect(await findApprovedDuplicates(teamId, { urls: [` ${url} `, `${url}?v=2`] }, { groupId: result.groupId })).toEqual([
      expect.objectContaining({ uploadId: null, sourceUrl: url, assetId: asset.id, assetUrl: "asset://asset-url-1", name: "by-url", sameGroup: true }),
    ]);
    expect(await findApprovedDuplicates(otherTeamId, { urls: [url] })).toEqual([]);
  });
});

