import { OutboundError } from "@/lib/net/outbound-error";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { AssetState, AssetType } from "@/lib/generated/prisma/enums";
import { type AdvanceDeps, advanceVideoJob } from "@/lib/generation/advance-video-job";
import type { FetchLike } from "@/lib/generation/copy-provider-file";
import { createVideoJob } from "@/lib/generation/create-video-job";
import { getVideoJob } from "@/lib/generation/get-video-job";
import { listApprovedAssets } from "@/lib/generation/list-approved-assets";
import { listVideoJobs } from "@/lib/generation/list-video-jobs";
import { listVideoJobsQuerySchema } from "@/lib/generation/list-video-jobs.validation";
import { nextAttemptKey, retryVideoJob } from "@/lib/generation/retry-video-job";
import { classifySendFailure, uncertainRetryDelayMs } from "@/lib/generation/send-video-job";
import { AppError } from "@/lib/errors";
import { UpstreamError, upstreamErrorFromResponse, upstreamMalformed, upstreamUnreachable } from "@/lib/upstream/upstream-error";
import { startOneClickJobs } from "@/lib/generation/start-one-click-jobs";
import { readVideoDefaults } from "@/lib/generation/video-defaults";
import { videoPollSchedule } from "@/lib/generation/video-poll-delay";
import type { VideoRequest } from "@/lib/generation/video-request-schema";
import { simulatorAdmin, startMediaServer } from "@/test/integration-kit";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { type UpstreamClient, createUpstreamClient } from "@/lib/upstream/client";
import { isTerminal } from "@/lib/upstream/status-map";
import { type RunningSimulator, startSimulator } from "@/simulator/server";
import { englishError, englishStored } from "@/test/english-error";

/**
 * Video jobs against a real PostgreSQL and the provider simulator over HTTP: the server's
 * checks, the request as sent, the worker's steps, the copy to storage and what outlives the
 * provider's link.
 */

const KEY = "sk-video-jobs-test";
const MODELS = ["doubao-seedance-2.0", "doubao-seedance-2.0-fast"];
let sim: RunningSimulator;
let media: Awaited<ReturnType<typeof startMediaServer>>;
let mediaUrl: string;
let root: string;
let storage: FileStorage;
let client: UpstreamClient;
/** Bodies and Idempotency-Keys of the generation requests the client sent. */
let sentVideos: { body: Record<string, unknown>; idempotencyKey: string | null }[] = [];
let teamId: string;
let otherTeamId: string;
let userId: string;
const assets: Record<string, string> = {};

const admin = <T = unknown>(method: string, route: string, body?: unknown) => simulatorAdmin<T>(sim.url, method, route, body);

const videoPosts = async () => (await admin<{ endpoints: Record<string, number> }>("GET", "stats")).endpoints.video ?? 0;

function makeClient(maxRetries = 2): UpstreamClient {
  return createUpstreamClient({
    baseUrl: sim.url,
    apiKey: KEY,
    timeoutMs: 10_000,
    maxRetries,
    concurrency: 4,
    language: "en",
    retryBaseMs: 20,
    retryMaxMs: 200,
    fetch: async (input, init) => {
      if (input.endsWith("/v1/videos/generations")) {
        const headers = new Headers(init.headers);
        sentVideos.push({ body: JSON.parse(String(init.body)), idempotencyKey: headers.get("idempotency-key") });
      }
      return fetch(input, init);
    },
  });
}

/** Submits files to the simulator's review, waits for it, and writes the Asset rows as the app would. */
async function reviewedAssets(team: string, type: AssetType, files: { name: string; ext: string }[]): Promise<Record<string, string>> {
  const suffix = randomUUID().slice(0, 8);
  const wire = type === "IMAGE" ? "Image" : type === "AUDIO" ? "Audio" : "Video";
  const submitted = await client.submitAssets(
    { group: { name: `group-${suffix}` }, assetType: wire, assets: files.map((f) => ({ url: `${mediaUrl}/${f.name}.${f.ext}`, name: f.name })) },
    { idempotencyKey: randomUUID() },
  );
  let task = (await client.getTask(submitted.data.taskId, { kind: "review" })).data;
  for (let i = 0; !isTerminal(task.status); i++) {
    if (i > 200) throw new Error("review did not finish");
    await new Promise((r) => setTimeout(r, 50));
    task = (await client.getTask(submitted.data.taskId, { kind: "review" })).data;
  }
  const group = await prisma.assetGroup.create({ data: { teamId: team, name: `group-${suffix}`, providerGroupId: task.review?.groupId } });
  const submission = await prisma.submission.create({
    data: { teamId: team, groupId: group.id, assetType: type, projectName: "default", idempotencyKey: randomUUID(), state: "PARTIAL", providerTaskId: task.taskId },
  });
  const ids: Record<string, string> = {};
  for (const f of files) {
    const usable = task.review?.usable.find((u) => u.name === f.name);
    const failed = task.review?.failed.find((u) => u.name === f.name);
    const state: AssetState = usable ? "APPROVED" : "REJECTED";
    const row = await prisma.asset.create({
      data: {
        teamId: team,
        submissionId: submission.id,
        groupId: group.id,
        name: f.name,
        type,
        state,
        assetUrl: usable?.assetUrl,
        providerAssetId: usable?.assetId ?? failed?.assetId,
        failureReason: failed?.reason,
      },
    });
    ids[f.name] = row.id;
  }
  return ids;
}

function request(references: VideoRequest["references"], overrides: Partial<VideoRequest> = {}): VideoRequest {
  return {
    model: MODELS[0]!,
    prompt: "The avatar waves at the camera",
    references,
    duration: 5,
    aspectRatio: "16:9",
    resolution: "480p",
    generateAudio: false,
    seed: null,
    returnLastFrame: false,
    ...overrides,
  };
}
const avatar = (name: string, role: VideoRequest["references"][number]["role"] = "reference_image") => ({
  assetId: assets[name]!,
  type: "IMAGE" as const,
  role,
});

function deps(extra: Partial<AdvanceDeps> = {}): AdvanceDeps {
  return { clientForTeam: async () => client, storage, ...extra };
}

/** Takes worker steps (on the real schedule) until the job is finished. */
async function runToEnd(jobId: string, extra: Partial<AdvanceDeps> = {}, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    if (!["QUEUED", "UNCERTAIN", "SENT", "RUNNING"].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.state}`);
    const step = await advanceVideoJob(jobId, deps(extra));
    if (step === "not-due") await new Promise((r) => setTimeout(r, 200));
  }
}

async function stored(key: string | null): Promise<Buffer> {
  if (!key) throw new Error("nothing stored");
  const file = await storage.openRead(key);
  if (!file) throw new Error(`no file at ${key}`);
  return buffer(file.stream);
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKeys: [KEY], reviewMs: 200, videoMs: 1_500, maxRenderSeconds: 1 });
  media = await startMediaServer();
  mediaUrl = media.url;
  root = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-video-jobs-"));
  storage = createDiskStorage({ root, publicBaseUrl: "https://studio.example.com" });
  client = makeClient();
  // The copy of finished videos goes through the outbound guard, which reads the settings:
  // the simulator is the environment's provider, so its loopback host is allowed.
  Object.assign(process.env, {
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    SETTINGS_ENCRYPTION_KEY: process.env.SETTINGS_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    UPSTREAM_BASE_URL: sim.url,
    UPSTREAM_API_KEY: KEY,
    STORAGE_DIR: root,
  });

  const suffix = randomBytes(4).toString("hex");
  teamId = (await prisma.team.create({ data: { name: `Video ${suffix}` } })).id;
  otherTeamId = (await prisma.team.create({ data: { name: `Other video ${suffix}` } })).id;
  userId = (await prisma.user.create({ data: { email: `video-${suffix}@example.com`, name: "Vic Video" } })).id;
  Object.assign(
    assets,
    await reviewedAssets(teamId, "IMAGE", [
      { name: "avatar-a", ext: "png" },
      { name: "avatar-b", ext: "png" },
      { name: "real-person-c", ext: "png" },
    ]),
    await reviewedAssets(teamId, "AUDIO", [{ name: "voice-d", ext: "wav" }]),
  );
  const other = await reviewedAssets(otherTeamId, "IMAGE", [{ name: "their-avatar", ext: "png" }]);
  assets["their-avatar"] = other["their-avatar"]!;
}, 60_000);

afterAll(async () => {
  // A job's references hold on to their assets: the jobs go first.
  await prisma.videoJob.deleteMany({ where: { teamId: { in: [teamId, otherTeamId] } } });
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await prisma.user.deleteMany({ where: { id: userId } });
  await sim?.close();
  await media?.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  sentVideos = [];
});

describe("video jobs", () => {
  it("has approved and failed assets to work with", async () => {
    const rows = await prisma.asset.findMany({ where: { id: { in: Object.values(assets) } } });
    const state = (name: string) => rows.find((r) => r.id === assets[name])?.state;
    expect([state("avatar-a"), state("avatar-b"), state("voice-d"), state("their-avatar")]).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);
    expect(state("real-person-c")).toBe("REJECTED");
  });

  it("completes, and its video is in storage byte for byte as the provider served it", async () => {
    const outcome = await createVideoJob(
      { teamId, userId, request: request([avatar("avatar-a"), avatar("avatar-b")], { returnLastFrame: true }), source: "form" },
      { client, models: MODELS },
    );
    expect(outcome).toMatchObject({ state: "SENT", error: null });

    // The row was written before the call, and the call carried its key and the references.
    const sent = await prisma.videoJob.findUniqueOrThrow({ where: { id: outcome.jobId }, include: { references: { orderBy: { position: "asc" } } } });
    expect(sent.providerTaskId).toMatch(/^task_/);
    expect(sent.rawResponse).toMatchObject({ code: 200 });
    expect(sent.references.map((r) => [r.assetId, r.role])).toEqual([
      [assets["avatar-a"], "reference_image"],
      [assets["avatar-b"], "reference_image"],
    ]);
    expect(sentVideos).toHaveLength(1);
    expect(sentVideos[0]!.idempotencyKey).toBe(sent.idempotencyKey);
    const approved = await prisma.asset.findMany({ where: { id: { in: [assets["avatar-a"]!, assets["avatar-b"]!] } } });
    expect(sentVideos[0]!.body).toMatchObject({
      model: MODELS[0],
      prompt: "The avatar waves at the camera",
      duration: 5,
      size: "16:9",
      resolution: "480p",
      generate_audio: false,
      return_last_frame: true,
      image_with_roles: [
        { url: approved.find((a) => a.id === assets["avatar-a"])!.assetUrl, role: "reference_image" },
        { url: approved.find((a) => a.id === assets["avatar-b"])!.assetUrl, role: "reference_image" },
      ],
    });
    expect(sentVideos[0]!.body).not.toHaveProperty("video_urls");

    const done = await runToEnd(outcome.jobId);
    expect(done).toMatchObject({ state: "SUCCEEDED", progress: 100, error: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.providerVideoUrl).toMatch(/\/files\/videos\/task_.+\.mp4$/);
    expect(done.providerVideoExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
    expect(done.videoKey).toMatch(new RegExp(`^t/${teamId}/[a-z2-7]{26}/video-${done.id}\\.mp4$`));
    expect(done.lastFrameKey).toMatch(/\.png$/);
    expect(done.rawResponse).toMatchObject({ data: { status: "completed" } });

    const ours = await stored(done.videoKey);
    const theirs = Buffer.from(await (await fetch(done.providerVideoUrl!)).arrayBuffer());
    expect(ours.length).toBeGreaterThan(1000);
    expect(sha(ours)).toBe(sha(theirs));
    expect((await stored(done.lastFrameKey)).subarray(1, 4).toString()).toBe("PNG");

    const audit = await prisma.auditEvent.findMany({ where: { teamId, targetId: done.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["video_job.created", "video_job.sent", "video_job.succeeded"]);

    // Once the provider's link has expired, our copy still reads.
    await admin("POST", "clock", { advanceSeconds: 73 * 3600 });
    expect((await fetch(done.providerVideoUrl!)).status).toBe(404);
    expect(sha(await stored(done.videoKey))).toBe(sha(theirs));
  }, 60_000);

  it("refuses a failed asset, another team's asset, or a broken rule before calling the provider", async () => {
    const before = await videoPosts();
    const jobsBefore = await prisma.videoJob.count({ where: { teamId } });
    const start = (refs: VideoRequest["references"], overrides: Partial<VideoRequest> = {}) =>
      createVideoJob({ teamId, userId, request: request(refs, overrides), source: "form" }, { client, models: MODELS });

    expect(await englishError(start([avatar("real-person-c")]))).toMatch("“real-person-c” did not pass review. Only approved assets can go into a video.");
    await expect(start([avatar("avatar-a"), avatar("their-avatar")])).rejects.toMatchObject({ code: "NOT_FOUND", key: "chosenAssetNotInLibrary" });
    expect(await englishError(start([avatar("avatar-a", "first_frame"), { assetId: assets["voice-d"]!, type: "AUDIO", role: "reference_audio" }]))).toMatch(
      "can't be combined with video or audio references",
    );
    // The browser's claim about a type is not trusted: the audio asset stays audio.
    await expect(start([{ assetId: assets["voice-d"]!, type: "IMAGE", role: "reference_image" }])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await englishError(start([avatar("avatar-a")], { model: "not-offered" }))).toMatch("is not offered");

    expect(await videoPosts()).toBe(before);
    expect(sentVideos).toHaveLength(0);
    expect(await prisma.videoJob.count({ where: { teamId } })).toBe(jobsBefore);
  });

  it("says in plain words why the provider failed a job, and Retry makes a new one", async () => {
    const outcome = await createVideoJob(
      { teamId, userId, request: request([avatar("avatar-a")], { prompt: "A real-person waving" }), source: "form" },
      { client, models: MODELS },
    );
    const failed = await runToEnd(outcome.jobId);
    expect(failed.state).toBe("FAILED");
    expect(failed.errorCode).toBe("OutputVideoSensitiveContentDetected.PrivacyInformation");
    expect(await englishStored(failed)).toBe(
      "The provider stopped this video because it may show a real person. Use avatars that are clearly virtual, and keep real people out of the prompt.",
    );
    expect(failed.rawResponse).toMatchObject({ data: { status: "failed" } });
    expect(failed.videoKey).toBeNull();

    const retried = await retryVideoJob({ teamId, userId, jobId: failed.id }, { client, models: MODELS });
    expect(retried.jobId).not.toBe(failed.id);
    const copy = await prisma.videoJob.findUniqueOrThrow({ where: { id: retried.jobId }, include: { references: true } });
    expect(copy).toMatchObject({ prompt: failed.prompt, model: failed.model, state: "SENT" });
    expect(copy.params).toMatchObject({ source: "retry", retryOfId: failed.id });
    expect(copy.references.map((r) => r.assetId)).toEqual([assets["avatar-a"]]);
    // A second Retry of the same failed job (another click, another tab) makes no second job.
    const jobsBefore = await prisma.videoJob.count({ where: { teamId } });
    await expect(retryVideoJob({ teamId, userId, jobId: failed.id }, { client, models: MODELS })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.videoJob.count({ where: { teamId } })).toBe(jobsBefore);
    await expect(retryVideoJob({ teamId: otherTeamId, userId, jobId: failed.id }, { client, models: MODELS })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 60_000);

  it("records a request the provider clearly refused as SEND_FAILED; Retry is a new attempt under a new key, once however often it is pressed", async () => {
    const noRetries = makeClient(0);
    // The team's webhook endpoint hears of an unsent video as it does of any failed one.
    const hook = await prisma.webhookEndpoint.create({ data: { teamId, url: "https://hooks.example.com/video", events: ["video.failed"], secretEnc: "unused" } });
    // An asset approved here that the provider does not know: it refuses the request with a reason.
    const good = await prisma.asset.findUniqueOrThrow({ where: { id: assets["avatar-b"]! } });
    const ghost = await prisma.asset.create({
      data: { teamId, submissionId: good.submissionId, groupId: good.groupId, name: "ghost", type: "IMAGE", state: "APPROVED", assetUrl: "asset://asset-20260101000000-ghost" },
    });
    const outcome = await createVideoJob(
      { teamId, userId, request: request([{ assetId: ghost.id, type: "IMAGE", role: "reference_image" }]), source: "form" },
      { client: noRetries, models: MODELS },
    );
    expect(outcome.state).toBe("SEND_FAILED");
    const failed = await prisma.videoJob.findUniqueOrThrow({ where: { id: outcome.jobId } });
    expect(failed).toMatchObject({ state: "SEND_FAILED", errorCode: "UPSTREAM_REJECTED", providerTaskId: null, nextPollAt: null });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    const events = await prisma.webhookDelivery.findMany({ where: { endpointId: hook.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventType: "video.failed", state: "PENDING" });
    expect(events[0]!.payload).toMatchObject({
      type: "video.failed",
      // Webhook payloads carry the English words.
      data: { jobId: failed.id, state: "SEND_FAILED", model: failed.model, error: { code: "UPSTREAM_REJECTED", message: await englishStored(failed) } },
    });
    expect(await prisma.auditEvent.count({ where: { teamId, action: "video_job.send_failed", targetId: failed.id } })).toBe(1);
    await prisma.webhookEndpoint.delete({ where: { id: hook.id } });

    await prisma.asset.update({ where: { id: ghost.id }, data: { assetUrl: good.assetUrl } });
    const before = await videoPosts();
    const presses = await Promise.allSettled([
      retryVideoJob({ teamId, userId, jobId: failed.id }, { client: noRetries, models: MODELS }),
      retryVideoJob({ teamId, userId, jobId: failed.id }, { client: noRetries, models: MODELS }),
    ]);
    expect(presses.filter((p) => p.status === "fulfilled")).toHaveLength(1);
    expect(presses.find((p) => p.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(presses.find((p) => p.status === "fulfilled")).toMatchObject({ value: { jobId: failed.id, state: "SENT" } });
    expect(await videoPosts()).toBe(before + 1);
    const resent = await prisma.videoJob.findUniqueOrThrow({ where: { id: failed.id } });
    expect(resent.idempotencyKey).toBe(`${failed.idempotencyKey}#r2`);
    expect(sentVideos.map((s) => s.idempotencyKey)).toEqual([failed.idempotencyKey, resent.idempotencyKey]);
    expect((await runToEnd(failed.id)).state).toBe("SUCCEEDED");
    await prisma.asset.update({ where: { id: ghost.id }, data: { state: "DISMISSED" } });
  }, 60_000);

  it("sends a job whose request never went out, with its own key, so that the provider makes one video", async () => {
    const job = await prisma.videoJob.create({
      data: {
        teamId,
        createdById: userId,
        model: MODELS[1]!,
        prompt: "Left behind by a crash",
        params: { duration: 4, aspectRatio: "9:16", resolution: "480p", generateAudio: false, seed: 42, returnLastFrame: false, source: "form" },
        idempotencyKey: randomUUID(),
        nextPollAt: new Date(Date.now() - 1000),
        references: { create: [{ assetId: assets["avatar-a"]!, role: "reference_image", position: 0 }] },
      },
    });
    // The crashed request may have reached the provider before it died.
    const first = await client.createVideo(
      { model: MODELS[1]!, prompt: "Left behind by a crash", duration: 4, size: "9:16", resolution: "480p", generateAudio: false, returnLastFrame: false, seed: 42, imageWithRoles: [{ url: (await prisma.asset.findUniqueOrThrow({ where: { id: assets["avatar-a"]! } })).assetUrl!, role: "reference_image" }] },
      { idempotencyKey: job.idempotencyKey },
    );
    expect(await advanceVideoJob(job.id, deps())).toBe("SENT");
    const sent = await prisma.videoJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(sent.providerTaskId).toBe(first.data.taskId);
    expect((await runToEnd(job.id)).state).toBe("SUCCEEDED");
  }, 60_000);

  it("lets only one worker take a job's step at a time", async () => {
    const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-b")]), source: "form" }, { client, models: MODELS });
    await prisma.videoJob.update({ where: { id: jobId }, data: { nextPollAt: new Date(Date.now() - 1) } });
    const stats = async () => (await admin<{ tasks: Record<string, number> }>("GET", "stats")).tasks;
    const taskId = (await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } })).providerTaskId!;
    const looksBefore = (await stats())[taskId] ?? 0;
    const steps = await Promise.all(Array.from({ length: 5 }, () => advanceVideoJob(jobId, deps())));
    expect(steps.filter((s) => s !== "not-due")).toHaveLength(1);
    expect((await stats())[taskId]).toBe(looksBefore + 1);
    const after = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(after.nextPollAt!.getTime()).toBeGreaterThan(Date.now() + 1000);
    expect(await advanceVideoJob(jobId, deps())).toBe("not-due");
    await runToEnd(jobId);
  }, 60_000);

  it("tries the copy again when the provider's file server fails, and backs off in between", async () => {
    const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-a")]), source: "form" }, { client, models: MODELS });
    await admin("POST", "faults/next", { endpoint: "files", fault: "server_error" });
    let offsetMs = 0;
    const clock = { now: () => new Date(Date.now() + offsetMs) };
    let job = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    for (let i = 0; i < 100 && !(job.state === "RUNNING" && job.providerVideoUrl); i++) {
      if ((await advanceVideoJob(jobId, deps(clock))) === "not-due") await new Promise((r) => setTimeout(r, 200));
      job = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    }
    expect(job).toMatchObject({ state: "RUNNING", attempts: 1, videoKey: null, progress: 100 });
    expect(job.nextPollAt!.getTime() - clock.now().getTime()).toBeGreaterThan(4_000);
    offsetMs += 6_000;
    expect(await advanceVideoJob(jobId, deps(clock))).toBe("SUCCEEDED");
    const done = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(sha(await stored(done.videoKey))).toBe(sha(Buffer.from(await (await fetch(done.providerVideoUrl!)).arrayBuffer())));
  }, 60_000);

  it("a worker whose lease ran out while copying writes nothing: one success, audited once, no stray copy", async () => {
    const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-b")]), source: "form" }, { client, models: MODELS });
    // Worker A's download stalls past its lease; worker B (whose clock is past that lease) takes the job over and finishes it.
    const later = { now: () => new Date(Date.now() + videoPollSchedule.leaseMs + 60_000) };
    let takenOver: string | undefined;
    const stalling: FetchLike = async (input, init) => {
      if (takenOver === undefined) takenOver = await advanceVideoJob(jobId, deps(later));
      return fetch(input, init);
    };
    const done = await runToEnd(jobId, { fetch: stalling });
    expect(takenOver).toBe("SUCCEEDED");
    expect(done.state).toBe("SUCCEEDED");
    expect((await stored(done.videoKey)).length).toBeGreaterThan(1000);

    const audit = await prisma.auditEvent.findMany({ where: { teamId, targetId: jobId } });
    expect(audit.filter((a) => a.action === "video_job.succeeded")).toHaveLength(1);
    // A's own copy belongs to no job and is gone; only the job's video is kept.
    const copies = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(`video-${jobId}.mp4`));
    expect(copies.map((f) => f.split(path.sep).join("/"))).toEqual([done.videoKey]);
  }, 60_000);

  it("while copying, renews a short lease: a live worker keeps the job, a dead one's lapses within the lease", async () => {
    const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-a")]), source: "form" }, { client, models: MODELS });
    // A second worker whose clock is 5 s short of the first claim's end: it may take the job
    // only if that claim was not renewed.
    const almostLapsed = { now: () => new Date(Date.now() + videoPollSchedule.leaseMs - 5_000) };
    let seen: { claimed: number; renewed: number; other: string; at: number } | undefined;
    const slowCopy: FetchLike = async (input, init) => {
      if (!seen) {
        const at = Date.now();
        const claimed = (await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } })).nextPollAt!.getTime();
        await new Promise((r) => setTimeout(r, 6_000));
        const renewed = (await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } })).nextPollAt!.getTime();
        seen = { claimed, renewed, other: await advanceVideoJob(jobId, deps(almostLapsed)), at };
      }
      return fetch(input, init);
    };
    const done = await runToEnd(jobId, { fetch: slowCopy, storeLeaseRenewMs: 200 });
    // A worker killed mid-copy leaves the job to another within one lease, not minutes later;
    // one that lives renews it, so no other worker takes the job from under it.
    expect(seen!.claimed - seen!.at).toBeLessThanOrEqual(videoPollSchedule.leaseMs);
    expect(seen!.renewed).toBeGreaterThan(seen!.claimed + 5_000);
    expect(seen!.other).toBe("not-due");
    expect(done).toMatchObject({ state: "SUCCEEDED", nextPollAt: null, attempts: 0 });
    expect((await stored(done.videoKey)).length).toBeGreaterThan(1000);
  }, 60_000);

  it("starts one job per avatar in one click, with the team's defaults", async () => {
    const defaults = readVideoDefaults({ duration: 4, aspectRatio: "9:16", resolution: "480p", generateAudio: false, model: MODELS[1] }, "Say hello");
    const results = await startOneClickJobs(
      { teamId, userId, assetIds: [assets["avatar-a"]!, assets["real-person-c"]!, assets["voice-d"]!], defaults },
      { client, models: MODELS },
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(results[1]).toMatchObject({ error: expect.stringContaining("did not pass review") });
    expect(results[2]).toMatchObject({ error: "Audio needs an image or video reference to go with it." });
    expect(sentVideos).toHaveLength(1);
    expect(sentVideos[0]!.body).toMatchObject({ model: MODELS[1], prompt: "Say hello", duration: 4, size: "9:16", image_with_roles: [{ role: "reference_image" }] });
    const first = results[0]!;
    if (!first.ok) throw new Error("expected a job");
    const job = await prisma.videoJob.findUniqueOrThrow({ where: { id: first.outcome.jobId } });
    expect(job.params).toMatchObject({ source: "one-click", duration: 4 });
  });
});

/** The provider's tasks made under one idempotency key (the simulator's own record). */
async function tasksUnderKey(key: string): Promise<{ id: string; status: string }[]> {
  const { tasks } = await admin<{ tasks: { id: string; status: string; idempotency_key: string | null }[] }>("GET", "tasks");
  return tasks.filter((t) => t.idempotency_key === key);
}

/** Worker steps until the job is finished, letting each backoff pass at once (as if time went by). */
async function runToEndWithoutWaiting(jobId: string, client_: UpstreamClient, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    if (!["QUEUED", "UNCERTAIN", "SENT", "RUNNING"].includes(job.state)) return job;
    if (job.state === "UNCERTAIN" && job.nextPollAt === null) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.state}`);
    if ((job.state === "QUEUED" || job.state === "UNCERTAIN") && job.nextPollAt && job.nextPollAt.getTime() > Date.now()) {
      await prisma.videoJob.updateMany({ where: { id: jobId, nextPollAt: job.nextPollAt }, data: { nextPollAt: new Date(Date.now() - 1) } });
    }
    const step = await advanceVideoJob(jobId, { clientForTeam: async () => client_, storage });
    if (step === "not-due") await new Promise((r) => setTimeout(r, 200));
  }
}

function quickClient(options: { idempotency?: boolean } = {}): UpstreamClient {
  return createUpstreamClient({
    baseUrl: sim.url,
    apiKey: KEY,
    timeoutMs: 600,
    maxRetries: 2,
    concurrency: 4,
    retryBaseMs: 20,
    retryMaxMs: 100,
    idempotency: options.idempotency ?? true,
  });
}

describe("what a failed send says about the provider's side", () => {
  const refused = (status: number, body: unknown = { error: { message: "no", code: "invalid_request" } }) =>
    upstreamErrorFromResponse({ httpStatus: status, body, method: "POST", path: "/v1/videos/generations" });
  it("calls only a clear refusal refused; a lost or unreadable answer uncertain; a 429 or a refused connection unsent", () => {
    const first = { afterUncertain: false };
    expect(classifySendFailure(refused(400), first)).toBe("refused");
    expect(classifySendFailure(refused(402), first)).toBe("refused");
    expect(classifySendFailure(refused(401), first)).toBe("refused");
    expect(classifySendFailure(new AppError("INVALID_INPUT", "bad"), first)).toBe("refused");
    expect(classifySendFailure(refused(409), first)).toBe("uncertain");
    expect(classifySendFailure(refused(500), first)).toBe("uncertain");
    expect(classifySendFailure(upstreamErrorFromResponse({ httpStatus: 502, text: "<html>502 Bad Gateway</html>" }), first)).toBe("uncertain");
    expect(classifySendFailure(upstreamMalformed("the answer is not JSON"), first)).toBe("uncertain");
    expect(classifySendFailure(upstreamUnreachable(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } })), first)).toBe("uncertain");
    expect(classifySendFailure(upstreamUnreachable(new Error("timeout"), { timedOut: true }), first)).toBe("uncertain");
    expect(classifySendFailure(upstreamUnreachable(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })), first)).toBe("unsent");
    expect(classifySendFailure(refused(429), first)).toBe("unsent");
    // The outbound guard stops a request before it leaves: a refused address is final, a failed lookup is unsent.
    const guarded = (code: "PRIVATE_ADDRESS" | "DNS_FAILED") => upstreamUnreachable(new TypeError("fetch failed", { cause: new OutboundError(code, "stopped") }));
    expect(classifySendFailure(guarded("PRIVATE_ADDRESS"), first)).toBe("refused");
    expect(classifySendFailure(guarded("DNS_FAILED"), first)).toBe("unsent");
    expect(classifySendFailure(new Error("a bug"), first)).toBe("uncertain");
    // After an earlier send may have acted, an auth or balance refusal (checked before the key) proves nothing.
    expect(classifySendFailure(refused(401), { afterUncertain: true })).toBe("uncertain");
    expect(classifySendFailure(refused(400), { afterUncertain: true })).toBe("refused");
    expect(new UpstreamError("UPSTREAM_ERROR").retryable).toBe(true);
  });

  it("backs off from 5 s to 10 min, and a Retry-After wins", () => {
    const mid = () => 0.5;
    expect(uncertainRetryDelayMs(1, undefined, mid)).toBe(5_000);
    expect(uncertainRetryDelayMs(3, undefined, mid)).toBe(20_000);
    expect(uncertainRetryDelayMs(30, undefined, mid)).toBe(600_000);
    expect(uncertainRetryDelayMs(1, 90_000, mid)).toBe(90_000);
    expect(uncertainRetryDelayMs(1, 10 * 3600_000, mid)).toBe(3600_000);
  });

  it("names a new attempt's key after the old one", () => {
    expect(nextAttemptKey("abc")).toBe("abc#r2");
    expect(nextAttemptKey("abc#r2")).toBe("abc#r3");
    expect(nextAttemptKey("retry-of:x#r9")).toBe("retry-of:x#r10");
  });
});

describe("a send whose answer is lost is resolved, never called failed", () => {
  // Each fault hits the create call twice: the send's own attempt and its one resend inside the call.
  const faults = [
    { fault: "drop_after", acted: true, state: "UNCERTAIN" },
    { fault: "hang_after", acted: true, state: "UNCERTAIN" },
    { fault: "bad_gateway", acted: true, state: "UNCERTAIN" },
    { fault: "malformed_json", acted: true, state: "UNCERTAIN" },
    { fault: "hang", acted: false, state: "UNCERTAIN" },
    { fault: "drop_before", acted: false, state: "UNCERTAIN" },
    { fault: "server_error", acted: false, state: "UNCERTAIN" },
    { fault: "rate_limit", acted: false, state: "QUEUED" },
  ] as const;

  for (const { fault, acted, state } of faults) {
    it(`${fault}: the job ends with exactly one provider task, recorded on its row, and the video copied`, async () => {
      const quick = quickClient();
      await admin("POST", "faults/next", { endpoint: "video", fault, count: 2, retryAfter: 1 });
      const outcome = await createVideoJob({ teamId, userId, request: request([avatar("avatar-a")], { prompt: `Fault ${fault}` }), source: "form" }, { client: quick, models: MODELS });
      expect(outcome.state).toBe(state);
      const unknown = await prisma.videoJob.findUniqueOrThrow({ where: { id: outcome.jobId } });
      expect(unknown.finishedAt).toBeNull();
      expect(unknown.providerTaskId).toBeNull();
      expect(unknown.nextPollAt!.getTime()).toBeGreaterThan(Date.now());
      if (state === "UNCERTAIN") {
        expect(await englishStored(unknown)).toContain("The provider's answer is not known yet");
        expect(unknown.uncertainSince).toBeInstanceOf(Date);
      } else {
        expect(unknown).toMatchObject({ errorCode: "UPSTREAM_RATE_LIMITED" });
        // Retry-After (1 s) is honoured.
        expect(unknown.nextPollAt!.getTime() - Date.now()).toBeGreaterThan(500);
      }
      const madeWhileUnknown = await tasksUnderKey(unknown.idempotencyKey);
      expect(madeWhileUnknown).toHaveLength(acted ? 1 : 0);

      const done = await runToEndWithoutWaiting(outcome.jobId, quick);
      expect(done.state).toBe("SUCCEEDED");
      const tasks = await tasksUnderKey(done.idempotencyKey);
      expect(tasks).toHaveLength(1);
      expect(done.providerTaskId).toBe(tasks[0]!.id);
      if (acted) expect(done.providerTaskId).toBe(madeWhileUnknown[0]!.id);
      expect((await stored(done.videoKey)).subarray(4, 8).toString()).toBe("ftyp");
      expect(done).toMatchObject({ error: null, errorCode: null, uncertainSince: null });
    }, 60_000);
  }

  it("where the provider may not honour keys, a lost answer waits for a person; resending is an explicit, audited choice, and two presses send once", async () => {
    const noKeys = quickClient({ idempotency: false });
    await admin("POST", "faults/next", { endpoint: "video", fault: "drop_after" });
    const outcome = await createVideoJob({ teamId, userId, request: request([avatar("avatar-b")], { prompt: "No keys" }), source: "form" }, { client: noKeys, models: MODELS });
    expect(outcome.state).toBe("UNCERTAIN");
    expect(outcome.error).toContain("the provider may already have started this video".replace(/^t/, "T"));
    const waiting = await prisma.videoJob.findUniqueOrThrow({ where: { id: outcome.jobId } });
    expect(waiting.nextPollAt).toBeNull();
    expect(await advanceVideoJob(waiting.id, { clientForTeam: async () => noKeys, storage })).toBe("not-due");
    const view = await getVideoJob(teamId, waiting.id, { storage, includeRaw: false });
    expect(view.uncertain).toMatchObject({ waitsForPerson: true, nextTryAt: null });

    const before = await videoPosts();
    await expect(retryVideoJob({ teamId, userId, jobId: waiting.id }, { client: noKeys, models: MODELS, idempotency: false })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await videoPosts()).toBe(before);
    const presses = await Promise.allSettled([
      retryVideoJob({ teamId, userId, jobId: waiting.id, resendUncertain: true }, { client: noKeys, models: MODELS, idempotency: false }),
      retryVideoJob({ teamId, userId, jobId: waiting.id, resendUncertain: true }, { client: noKeys, models: MODELS, idempotency: false }),
    ]);
    expect(await videoPosts()).toBe(before + 1);
    expect(presses.some((p) => p.status === "fulfilled" && p.value.state === "SENT")).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { teamId, targetId: waiting.id, action: { in: ["video_job.uncertain", "video_job.resent_uncertain"] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["video_job.resent_uncertain", "video_job.uncertain"]);
    expect(audit.find((a) => a.action === "video_job.resent_uncertain")?.actorId).toBe(userId);
    expect((await runToEndWithoutWaiting(waiting.id, noKeys)).state).toBe("SUCCEEDED");
  }, 60_000);

  it("where keys are not honoured, a send cut off by a crash is not resent blindly by the worker", async () => {
    const noKeys = quickClient({ idempotency: false });
    const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-a")], { prompt: "Crashed mid-send" }), source: "form" }, { client: noKeys, models: MODELS });
    // As a process that died after claiming the attempt leaves it: QUEUED, an attempt counted, no outcome.
    await prisma.videoJob.update({ where: { id: jobId }, data: { state: "QUEUED", providerTaskId: null, attempts: 1, errorCode: null, nextPollAt: new Date(Date.now() - 1) } });
    const before = await videoPosts();
    expect(await advanceVideoJob(jobId, { clientForTeam: async () => noKeys, storage })).toBe("UNCERTAIN");
    expect(await videoPosts()).toBe(before);
    expect(await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "UNCERTAIN", nextPollAt: null });
  });

  it("after the window without an answer, the job waits for a person; asking again resolves it under the same key", async () => {
    const quick = quickClient();
    await admin("POST", "faults/next", { endpoint: "video", fault: "drop_after", count: 2 });
    const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-b")], { prompt: "Long silence" }), source: "form" }, { client: quick, models: MODELS });
    const first = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(first.state).toBe("UNCERTAIN");
    const made = await tasksUnderKey(first.idempotencyKey);
    expect(made).toHaveLength(1);

    // A day later the provider still loses every answer.
    const dayLater = { now: () => new Date(Date.now() + 25 * 3600_000) };
    await admin("POST", "faults/next", { endpoint: "video", fault: "server_error", count: 2 });
    expect(await advanceVideoJob(jobId, { clientForTeam: async () => quick, storage, ...dayLater })).toBe("UNCERTAIN");
    const expired = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(expired).toMatchObject({ state: "UNCERTAIN", nextPollAt: null, finishedAt: null });
    expect(await englishStored(expired)).toContain("has not answered our requests for 24 h");

    const before = await videoPosts();
    const resolved = await retryVideoJob({ teamId, userId, jobId }, { client: quick, models: MODELS });
    expect(resolved).toMatchObject({ jobId, state: "SENT" });
    expect(await videoPosts()).toBe(before + 1);
    const row = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(row.idempotencyKey).toBe(first.idempotencyKey);
    expect(row.providerTaskId).toBe(made[0]!.id);
    expect(await tasksUnderKey(first.idempotencyKey)).toHaveLength(1);
  }, 60_000);

  it("Retry on a job we lost contact with follows its own task again instead of paying for a new one", async () => {
    const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-a")], { prompt: "Lost contact" }), source: "form" }, { client, models: MODELS });
    const sent = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
    await prisma.videoJob.update({
      where: { id: jobId },
      data: { state: "FAILED", errorCode: "PROVIDER_UNREACHABLE", error: "We lost contact with the provider while following this job. Retry it.", finishedAt: new Date(), nextPollAt: null },
    });
    const before = await videoPosts();
    const presses = await Promise.allSettled([
      retryVideoJob({ teamId, userId, jobId }, { client, models: MODELS }),
      retryVideoJob({ teamId, userId, jobId }, { client, models: MODELS }),
    ]);
    expect(presses.filter((p) => p.status === "fulfilled")).toEqual([{ status: "fulfilled", value: { jobId, state: "RUNNING", error: null } }]);
    const done = await runToEnd(jobId);
    expect(done).toMatchObject({ state: "SUCCEEDED", providerTaskId: sent.providerTaskId });
    expect(await videoPosts()).toBe(before);
  }, 60_000);
});

describe("what the pages read", () => {
  it("lists only the team's approved assets for the picker, filtered by type and name", async () => {
    const all = await listApprovedAssets(teamId, { limit: 50 }, { storage });
    expect(all.items.map((a) => a.name).sort()).toEqual(["avatar-a", "avatar-b", "voice-d"]);
    expect(all.items.every((a) => a.assetUrl.startsWith("asset://"))).toBe(true);
    const audio = await listApprovedAssets(teamId, { limit: 50, type: "AUDIO" }, { storage });
    expect(audio.items.map((a) => a.name)).toEqual(["voice-d"]);
    const byName = await listApprovedAssets(teamId, { limit: 50, q: "AVATAR-B" }, { storage });
    expect(byName.items.map((a) => a.name)).toEqual(["avatar-b"]);
    const firstPage = await listApprovedAssets(teamId, { limit: 2 }, { storage });
    const secondPage = await listApprovedAssets(teamId, { limit: 2, cursor: firstPage.nextCursor! }, { storage });
    expect([...firstPage.items, ...secondPage.items].map((a) => a.id).sort()).toEqual(all.items.map((a) => a.id).sort());
    expect(secondPage.nextCursor).toBeNull();
  });

  it("lists the team's jobs with their filters, and shows one job only to its team", async () => {
    const query = (q: Record<string, string>) => listVideoJobsQuerySchema.parse(q);
    const all = await listVideoJobs(teamId, userId, query({}), { storage });
    expect(all.items.length).toBeGreaterThan(3);
    expect(all.items.every((j) => j.createdBy?.name === "Vic Video" || j.createdBy === null)).toBe(true);
    const failed = await listVideoJobs(teamId, userId, query({ status: "failed" }), { storage });
    expect(failed.items.length).toBeGreaterThan(0);
    expect(failed.items.every((j) => ["FAILED", "CANCELLED", "SEND_FAILED"].includes(j.state))).toBe(true);
    const found = await listVideoJobs(teamId, userId, query({ q: "REAL-PERSON" }), { storage });
    expect(found.items.map((j) => j.prompt)).toEqual(expect.arrayContaining(["A real-person waving"]));
    expect(await listVideoJobs(otherTeamId, userId, query({}), { storage })).toMatchObject({ items: [] });

    const succeeded = await listVideoJobs(teamId, userId, query({ status: "succeeded", q: "waves at the camera" }), { storage });
    const done = [...all.items, ...succeeded.items].find((j) => j.state === "SUCCEEDED" && j.lastFrame)!;
    const view = await getVideoJob(teamId, done.id, { storage, includeRaw: true });
    expect(view.video).toEqual({ url: expect.stringMatching(/^https:\/\/studio\.example\.com\/files\/t\//), downloadUrl: `/api/video-jobs/${done.id}/download` });
    expect(view.lastFrame?.downloadUrl).toBe(`/api/video-jobs/${done.id}/download?file=last-frame`);
    expect(view.raw).toBeDefined();
    expect((await getVideoJob(teamId, done.id, { storage, includeRaw: false })).raw).toBeUndefined();
    await expect(getVideoJob(otherTeamId, done.id, { storage, includeRaw: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the worker", () => {
  it("follows a job to the end through pg-boss", async () => {
    Object.assign(process.env, {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      UPSTREAM_BASE_URL: sim.url,
      UPSTREAM_API_KEY: KEY,
      STORAGE_DIR: root,
    });
    const { createBoss } = await import("@/lib/jobs/boss");
    const { registerVideoJobs } = await import("@/lib/jobs/video-jobs");
    const boss = createBoss();
    await boss.start();
    try {
      await registerVideoJobs(boss);
      const { jobId } = await createVideoJob({ teamId, userId, request: request([avatar("avatar-b")]), source: "form" }, { client, models: MODELS });
      const deadline = Date.now() + 40_000;
      let job = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
      while (job.state !== "SUCCEEDED" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        job = await prisma.videoJob.findUniqueOrThrow({ where: { id: jobId } });
      }
      expect(job.state).toBe("SUCCEEDED");
      expect((await readFile(path.join(root, ...job.videoKey!.split("/")))).subarray(4, 8).toString()).toBe("ftyp");
    } finally {
      await boss.stop({ graceful: true, timeout: 5_000 });
    }
  }, 60_000);
});
