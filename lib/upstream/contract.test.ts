import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simulatorAdmin, startMediaServer } from "@/test/integration-kit";
import { type UpstreamClient, type UpstreamClientConfig, createUpstreamClient } from "@/lib/upstream/client";
import { matchReviewResults } from "@/lib/upstream/match-results";
import type { ParsedTask } from "@/lib/upstream/normalised";
import { isTerminal } from "@/lib/upstream/status-map";
import { UpstreamError, isTaskNotFound } from "@/lib/upstream/upstream-error";
import { type RunningSimulator, startSimulator } from "@/simulator/server";
import { upstreamFailure } from "@/lib/upstream/upstream-failure.test-kit";

/**
 * The client against the provider simulator: every example in the contract, the documented
 * errors, partial failure, the shorthand, group reuse, and injected faults.
 */

const KEY = "sk-contract-test";
let sim: RunningSimulator;
let media: Awaited<ReturnType<typeof startMediaServer>>;
let mediaUrl: string;

function client(overrides: Partial<UpstreamClientConfig> = {}): UpstreamClient {
  return createUpstreamClient({
    baseUrl: sim.url,
    apiKey: KEY,
    timeoutMs: 5000,
    maxRetries: 3,
    concurrency: 4,
    language: "en",
    retryBaseMs: 20,
    retryMaxMs: 200,
    ...overrides,
  });
}

const admin = (method: string, path: string, body?: unknown) => simulatorAdmin(sim.url, method, path, body);

const nextFault = (endpoint: "submit" | "task" | "video", fault: string, extra: Record<string, unknown> = {}) =>
  admin("POST", "faults/next", { endpoint, fault, ...extra });

async function stats(): Promise<{ endpoints: Record<string, number> }> {
  return (await admin("GET", "stats")) as { endpoints: Record<string, number> };
}

async function taskCount(): Promise<number> {
  return ((await admin("GET", "tasks")) as { tasks: unknown[] }).tasks.length;
}

async function waitForTask(c: UpstreamClient, taskId: string, options: Parameters<UpstreamClient["getTask"]>[1] = {}) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const result = await c.getTask(taskId, options);
    if (isTerminal(result.data.status)) return result;
    if (Date.now() > deadline) throw new Error(`task ${taskId} did not finish`);
    await new Promise((r) => setTimeout(r, 50));
  }
}


const png = (name: string) => `${mediaUrl}/${name}.png`;

beforeAll(async () => {
  media = await startMediaServer();
  mediaUrl = media.url;
  sim = await startSimulator({ apiKeys: [KEY], reviewMs: 100, videoMs: 200, maxRenderSeconds: 1, seed: "contract" });
});

afterAll(async () => {
  await sim?.close();
  await media?.close();
});

beforeEach(async () => {
  await admin("DELETE", "faults");
  await admin("PUT", "error-style", { style: "error" });
  await admin("POST", "stats/reset");
});

describe("asset review (contract section 1 and 2)", () => {
  it("example 1: batch submit creating a group; all approved", async () => {
    const c = client();
    const submitted = await c.submitAssets(
      {
        group: { name: "virtual-avatar-group", description: "demo group" },
        projectName: "default",
        assetType: "Image",
        assets: [
          { url: png("avatar-a"), name: "avatar-a" },
          { url: png("avatar-b"), name: "avatar-b" },
        ],
      },
      { idempotencyKey: "example-1" },
    );
    expect(submitted.data).toMatchObject({ status: "running", rawStatus: "processing", progress: 10, model: "doubao-seedance-2.0" });
    expect(submitted.data.taskId).toMatch(/^task_/);
    expect(submitted.raw).toMatchObject({ code: 200, data: { id: submitted.data.taskId, object: "seedance.avatar.asset.task" } });

    const done = await waitForTask(c, submitted.data.taskId);
    expect(done.data.status).toBe("completed");
    expect(done.data.progress).toBe(100);
    expect(done.data.completedAt).toBeInstanceOf(Date);
    expect(done.data.review?.groupId).toMatch(/^group-/);
    const match = matchReviewResults(["avatar-a", "avatar-b"], done.data);
    expect(match.settled).toBe(true);
    for (const outcome of match.outcomes) {
      expect(outcome.state).toBe("approved");
      if (outcome.state === "approved") expect(outcome.assetUrl).toBe(`asset://${outcome.assetId}`);
    }
  });

  it("example 2: appending to an existing group reuses it", async () => {
    const c = client();
    const first = await c.submitAssets({ group: { name: "reuse-group" }, assets: [{ url: png("first"), name: "first" }] });
    const firstDone = await waitForTask(c, first.data.taskId);
    const groupId = firstDone.data.review?.groupId;
    expect(groupId).toMatch(/^group-/);

    const second = await c.submitAssets({ groupId, assets: [{ url: png("second"), name: "second" }] });
    const secondDone = await waitForTask(c, second.data.taskId);
    expect(secondDone.data.review?.groupId).toBe(groupId);
    expect(matchReviewResults(["second"], secondDone.data).outcomes[0]?.state).toBe("approved");
  });

  it("example 3: the single-asset shorthand returns result.asset_url", async () => {
    const c = client();
    const submitted = await c.submitAssets({ assetType: "Image", assets: [{ url: png("avatar"), name: "avatar" }], useShorthand: true });
    const done = await waitForTask(c, submitted.data.taskId);
    expect(done.data.status).toBe("completed");
    expect(done.data.review?.assetUrl).toMatch(/^asset:\/\/asset-/);
    const match = matchReviewResults(["avatar"], done.data);
    expect(match.outcomes[0]).toMatchObject({ state: "approved", assetUrl: done.data.review?.assetUrl });
  });

  it("an audio asset passes review", async () => {
    const c = client();
    const submitted = await c.submitAssets({ assetType: "Audio", assets: [{ url: `${mediaUrl}/voice.wav`, name: "voice" }] });
    const done = await waitForTask(c, submitted.data.taskId);
    expect(matchReviewResults(["voice"], done.data).outcomes[0]?.state).toBe("approved");
  });

  it("partial failure: approved assets stay usable, the others carry a code and reason", async () => {
    const c = client();
    const names = ["avatar-a", "real-person-b", "avatar-c"];
    const submitted = await c.submitAssets({
      group: { name: "partial" },
      assets: [
        { url: png("avatar-a"), name: "avatar-a" },
        { url: png("someone"), name: "real-person-b" },
        { url: `${mediaUrl}/missing.png`, name: "avatar-c" },
      ],
    });
    const done = await waitForTask(c, submitted.data.taskId);
    expect(done.data.status).toBe("failed");
    expect(done.data.error?.message).toBe("Some assets did not pass review");
    const match = matchReviewResults(names, done.data);
    expect(match.wholeTaskFailed).toBe(false);
    expect(match.outcomes[0]).toMatchObject({ state: "approved", name: "avatar-a" });
    expect(match.outcomes[1]).toMatchObject({
      state: "rejected",
      name: "real-person-b",
      code: "InputImageSensitiveContentDetected.PrivacyInformation",
    });
    expect(match.outcomes[2]).toMatchObject({ state: "rejected", name: "avatar-c", code: "InvalidParameter.DownloadFailed" });
    expect(match.unexpected).toEqual([]);

    // The same task read in another language.
    const zh = await c.getTask(submitted.data.taskId, { language: "zh" });
    expect(zh.data.error?.message).toBe("部分素材未通过审核");
  });

  it("reports a task still in review as running, with every asset pending", async () => {
    const c = client();
    const submitted = await c.submitAssets({ assets: [{ url: png("slowpoke"), name: "slowpoke" }] });
    const first = await c.getTask(submitted.data.taskId);
    expect(first.data.status).toBe("running");
    expect(matchReviewResults(["slowpoke"], first.data).outcomes).toEqual([{ state: "pending", name: "slowpoke", assetId: undefined }]);
    await waitForTask(c, submitted.data.taskId);
  });
});

describe("video generation (contract section 3)", () => {
  let assetUrl: string;
  let rejectedAssetUrl: string | undefined;

  beforeAll(async () => {
    const c = client();
    const submitted = await c.submitAssets({
      assets: [
        { url: png("star"), name: "star" },
        { url: png("real-person-x"), name: "real-person-x" },
      ],
    });
    const done = await waitForTask(c, submitted.data.taskId);
    const [star, rejected] = matchReviewResults(["star", "real-person-x"], done.data).outcomes;
    if (star?.state !== "approved") throw new Error("the reference asset was not approved");
    assetUrl = star.assetUrl;
    rejectedAssetUrl = rejected?.assetId ? `Asset://${rejected.assetId}` : undefined;
  });

  it("the contract's example: an approved asset as reference_image, polled to completion", async () => {
    const c = client();
    const created = await c.createVideo(
      {
        model: "doubao-seedance-2.0",
        prompt: "The avatar waves at the camera",
        resolution: "720p",
        size: "16:9",
        duration: 5,
        generateAudio: true,
        returnLastFrame: true,
        imageWithRoles: [{ url: assetUrl.replace("asset://", "Asset://"), role: "reference_image" }],
      },
      { idempotencyKey: "video-example" },
    );
    expect(created.data.status).toBe("pending");
    expect(created.data.rawStatus).toBe("submitted");
    expect(Array.isArray((created.raw as { data: unknown }).data)).toBe(true);

    const done = await waitForTask(c, created.data.taskId, { kind: "video" });
    expect(done.data.status).toBe("completed");
    const videoResult = done.data.video;
    expect(videoResult?.urls).toHaveLength(1);
    expect(videoResult?.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    expect(videoResult?.thumbnailUrl).toMatch(/\.jpg$/);
    expect(videoResult?.lastFrameUrl).toMatch(/\.png$/);
    const file = await fetch(videoResult?.urls[0] ?? "");
    expect(file.status).toBe(200);
    await file.arrayBuffer();
  });

  it("a generation the provider refuses fails with a code", async () => {
    const c = client();
    const created = await c.createVideo({ model: "doubao-seedance-2.0", prompt: "a real-person dancing" });
    const done = await waitForTask(c, created.data.taskId);
    expect(done.data.status).toBe("failed");
    expect(done.data.error?.code).toBe("OutputVideoSensitiveContentDetected.PrivacyInformation");
  });

  it("a non-Active asset is rejected with 400, the provider's reason kept in detail", async () => {
    expect(rejectedAssetUrl).toBeDefined();
    const error = await upstreamFailure(
      client().createVideo({ model: "doubao-seedance-2.0", prompt: "p", imageUrls: [rejectedAssetUrl ?? ""] }),
    );
    expect(error.code).toBe("UPSTREAM_REJECTED");
    expect(error.httpStatus).toBe(400);
    expect(error.detail.providerCode).toBe("asset_not_active");
    expect(error.detail.reason).toMatch(/not Active/);
    expect(error.message).not.toMatch(/Active/);
  });
});

describe("documented errors", () => {
  it("401 on every endpoint with a bad key, never retried", async () => {
    const bad = client({ apiKey: "sk-wrong" });
    for (const call of [
      () => bad.submitAssets({ assets: [{ url: png("a"), name: "a" }] }, { idempotencyKey: "k-401" }),
      () => bad.getTask("task_X"),
      () => bad.createVideo({ model: "m", prompt: "p" }, { idempotencyKey: "k-401-v" }),
    ]) {
      const error = await upstreamFailure(call());
      expect(error.code).toBe("UPSTREAM_UNAUTHORIZED");
      expect(error.httpStatus).toBe(401);
    }
    expect((await stats()).endpoints).toEqual({ submit: 1, task: 1, video: 1 });
  });

  it("testConnection tells a working key from a bad one", async () => {
    expect(await client().testConnection()).toEqual({ ok: true });
    const result = await client({ apiKey: "sk-wrong" }).testConnection();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("UPSTREAM_UNAUTHORIZED");
    const down = await createUpstreamClient({ baseUrl: "http://127.0.0.1:9", apiKey: KEY, timeoutMs: 1000, maxRetries: 0, concurrency: 1 }).testConnection();
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.error.code).toBe("UPSTREAM_UNREACHABLE");
  });

  it("400 for an unknown group_id, with the provider's reason and param in detail", async () => {
    const error = await upstreamFailure(client().submitAssets({ groupId: "group-does-not-exist", assets: [{ url: png("a"), name: "a" }] }, { idempotencyKey: "k-400" }));
    expect(error.code).toBe("UPSTREAM_REJECTED");
    expect(error.detail).toMatchObject({ httpStatus: 400, param: "group_id", providerCode: "group_not_found" });
    expect(error.detail.reason).toContain("group-does-not-exist");
    expect((await stats()).endpoints.submit).toBe(1);
  });

  it("404 for an unknown task", async () => {
    const error = await upstreamFailure(client().getTask("task_UNKNOWN"));
    expect(isTaskNotFound(error)).toBe(true);
    expect((await stats()).endpoints.task).toBe(1);
  });

  it("404 for a task older than 7 days", async () => {
    const c = client();
    const submitted = await c.submitAssets({ assets: [{ url: png("old"), name: "old" }] });
    await waitForTask(c, submitted.data.taskId);
    await admin("POST", "clock", { advanceSeconds: 8 * 24 * 3600 });
    expect(isTaskNotFound(await upstreamFailure(c.getTask(submitted.data.taskId)))).toBe(true);
  });

  it.each(["code", "code-string"])("maps the %s error style the same way", async (style) => {
    await admin("PUT", "error-style", { style });
    const unauthorized = await upstreamFailure(client({ apiKey: "sk-wrong" }).getTask("task_X"));
    expect(unauthorized.code).toBe("UPSTREAM_UNAUTHORIZED");
    const rejected = await upstreamFailure(client().submitAssets({ groupId: "group-nope", assets: [{ url: png("a"), name: "a" }] }));
    expect(rejected.code).toBe("UPSTREAM_REJECTED");
    expect(rejected.detail.reason).toContain("group-nope");
    const notFound = await upstreamFailure(client().getTask("task_UNKNOWN"));
    expect(isTaskNotFound(notFound)).toBe(true);
  });

  it("429 and 500 from the provider surface once retries run out", async () => {
    const c = client({ maxRetries: 1 });
    await nextFault("task", "server_error", { count: 2 });
    expect((await upstreamFailure(c.getTask("task_X"))).code).toBe("UPSTREAM_ERROR");
    await nextFault("task", "rate_limit", { count: 2, retryAfter: 0 });
    expect((await upstreamFailure(c.getTask("task_X"))).code).toBe("UPSTREAM_RATE_LIMITED");
    expect((await stats()).endpoints.task).toBe(4);
  });
});

describe("injected faults", () => {
  async function submitOne(c: UpstreamClient, name: string, key?: string) {
    return c.submitAssets({ assets: [{ url: png(name), name }] }, key ? { idempotencyKey: key } : {});
  }

  it("GET recovers from 500s", async () => {
    const c = client();
    const { data } = await submitOne(c, "f500");
    await nextFault("task", "server_error", { count: 2 });
    const task = await c.getTask(data.taskId);
    expect(task.data.taskId).toBe(data.taskId);
    expect((await stats()).endpoints.task).toBe(3);
  });

  it("GET waits out Retry-After on 429", async () => {
    const c = client();
    const { data } = await submitOne(c, "f429");
    await nextFault("task", "rate_limit", { retryAfter: 1 });
    const started = Date.now();
    await c.getTask(data.taskId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect((await stats()).endpoints.task).toBe(2);
  });

  it("GET times out a hung answer and retries", async () => {
    const c = client({ timeoutMs: 300 });
    const { data } = await submitOne(c, "fhang");
    await nextFault("task", "hang");
    const task = await c.getTask(data.taskId);
    expect(task.data.taskId).toBe(data.taskId);
    expect((await stats()).endpoints.task).toBe(2);
  });

  it("GET recovers from a dropped connection", async () => {
    const c = client();
    const { data } = await submitOne(c, "fdrop");
    await nextFault("task", "drop_before");
    expect((await c.getTask(data.taskId)).data.taskId).toBe(data.taskId);
  });

  it("a cut-off answer is UPSTREAM_MALFORMED, not a crash", async () => {
    const c = client();
    const { data } = await submitOne(c, "fmal");
    await nextFault("task", "malformed_json");
    const error = await upstreamFailure(c.getTask(data.taskId));
    expect(error.code).toBe("UPSTREAM_MALFORMED");
    expect((await stats()).endpoints.task).toBe(1);
  });

  it("a POST retried after the connection dropped AFTER handling makes one task", async () => {
    const c = client();
    const before = await taskCount();
    await nextFault("submit", "drop_after");
    const result = await submitOne(c, "once", "drop-after-key");
    expect((await stats()).endpoints.submit).toBe(2);
    expect(await taskCount()).toBe(before + 1);
    const tasks = (await admin("GET", "tasks")) as { tasks: Array<{ id: string; idempotency_key: string | null }> };
    expect(tasks.tasks.filter((t) => t.idempotency_key === "drop-after-key").map((t) => t.id)).toEqual([result.data.taskId]);
  });

  it("a video POST retried after a dropped answer makes one task", async () => {
    const c = client();
    const before = await taskCount();
    await nextFault("video", "drop_after");
    const created = await c.createVideo({ model: "doubao-seedance-2.0", prompt: "a calm sea" }, { idempotencyKey: "video-drop-after" });
    expect((await stats()).endpoints.video).toBe(2);
    expect(await taskCount()).toBe(before + 1);
    expect(created.data.taskId).toMatch(/^task_/);
  });

  it("a POST without a key is not resent after a drop", async () => {
    const c = client();
    await nextFault("submit", "drop_after");
    const error = await upstreamFailure(submitOne(c, "nokey"));
    expect(error.code).toBe("UPSTREAM_UNREACHABLE");
    expect((await stats()).endpoints.submit).toBe(1);
  });

  it("a POST with a key recovers from 500, 429 and a drop before handling", async () => {
    const c = client();
    const before = await taskCount();
    await nextFault("submit", "server_error");
    await nextFault("submit", "rate_limit", { retryAfter: 0 });
    await nextFault("submit", "drop_before");
    const result = await submitOne(c, "stubborn", "stubborn-key");
    expect((await stats()).endpoints.submit).toBe(4);
    expect(await taskCount()).toBe(before + 1);
    expect(result.data.taskId).toMatch(/^task_/);
  });

  it("a POST with a key whose answer was cut off is reported, and resending it gives the same task", async () => {
    const c = client();
    const before = await taskCount();
    await nextFault("submit", "malformed_json");
    const error = await upstreamFailure(submitOne(c, "cut", "cut-key"));
    expect(error.code).toBe("UPSTREAM_MALFORMED");
    const again = await submitOne(c, "cut", "cut-key");
    const again2 = await submitOne(c, "cut", "cut-key");
    expect(again2.data.taskId).toBe(again.data.taskId);
    expect(await taskCount()).toBe(before + 1);
  });

  it("keeps polling through random faults until the review finishes", async () => {
    const c = client({ maxRetries: 6, timeoutMs: 400 });
    const { data } = await submitOne(c, "noisy", "noisy-key");
    await admin("PUT", "faults", {
      seed: 7,
      endpoints: { task: { server_error: 0.2, rate_limit: 0.1, drop_before: 0.1, hang: 0.05, retryAfter: 0 } },
      // However fast the review (a loaded machine may finish it before the first look), the first looks fail.
      next: [{ endpoint: "task", fault: "drop_before", count: 2 }],
    });
    const done: { data: ParsedTask } = await waitForTask(c, data.taskId);
    expect(done.data.status).toBe("completed");
    const injected = ((await admin("GET", "stats")) as { faults: Record<string, Record<string, number>> }).faults.task ?? {};
    expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
