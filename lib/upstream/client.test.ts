import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type UpstreamClientConfig, createUpstreamClient } from "@/lib/upstream/client";
import * as errors from "@/lib/upstream/fixtures/errors";
import * as review from "@/lib/upstream/fixtures/review-tasks";
import * as video from "@/lib/upstream/fixtures/video-tasks";
import { UpstreamError } from "@/lib/upstream/upstream-error";
import { upstreamFailure } from "@/lib/upstream/upstream-failure.test-kit";

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = { status?: number; body?: unknown; text?: string; headers?: Record<string, string> } | "network" | "hang";

/** A fake fetch answering from a script, one reply per call (the last one repeats). */
function fakeFetch(script: Reply[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({
      url,
      method: init.method ?? "GET",
      headers: Object.fromEntries(Object.entries(init.headers ?? {})),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    });
    const reply = script[Math.min(calls.length - 1, script.length - 1)];
    if (reply === "network") throw new TypeError("fetch failed");
    if (reply === "hang" || reply === undefined) {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }
    const text = reply.text ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
    return new Response(text, { status: reply.status ?? 200, headers: reply.headers });
  });
  return { fetch, calls };
}

let keyCounter = 0;
function setup(script: Reply[], overrides: Partial<UpstreamClientConfig> = {}) {
  const { fetch, calls } = fakeFetch(script);
  const sleeps: number[] = [];
  const client = createUpstreamClient({
    baseUrl: "https://api.example.com/",
    apiKey: `sk-test-${++keyCounter}`,
    timeoutMs: 1000,
    maxRetries: 3,
    concurrency: 4,
    fetch,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { client, calls, sleeps, fetch };
}


const submitInput = {
  group: { name: "virtual-avatar-group", description: "demo group" },
  assets: [
    { url: "https://example.com/avatar-a.png", name: "avatar-a" },
    { url: "https://example.com/avatar-b.png", name: "avatar-b" },
  ],
};
const submitOk = { body: { code: 200, data: { id: "task_01K1", object: "seedance.avatar.asset.task", status: "processing", progress: 10, model: "doubao-seedance-2.0" } } };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("requests", () => {
  it("submits assets with auth, JSON, the idempotency key and the snake_case body", async () => {
    const { client, calls } = setup([submitOk]);
    const result = await client.submitAssets(submitInput, { idempotencyKey: "key-1" });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.url).toBe("https://api.example.com/v1/seedance2/private-avatar");
    expect(call.method).toBe("POST");
    expect(call.headers.Authorization).toMatch(/^Bearer sk-test-\d+$/);
    expect(call.headers["Content-Type"]).toBe("application/json");
    expect(call.headers["Idempotency-Key"]).toBe("key-1");
    expect(call.body).toEqual({
      group: { name: "virtual-avatar-group", description: "demo group" },
      project_name: "default",
      asset_type: "Image",
      assets: [
        { url: "https://example.com/avatar-a.png", name: "avatar-a" },
        { url: "https://example.com/avatar-b.png", name: "avatar-b" },
      ],
    });
    expect(result.data).toEqual({ taskId: "task_01K1", status: "running", rawStatus: "processing", progress: 10, model: "doubao-seedance-2.0" });
    expect(result.raw).toEqual(submitOk.body);
  });

  it("sends group_id and the single-asset shorthand", async () => {
    const { client, calls } = setup([submitOk]);
    await client.submitAssets({
      groupId: "group-20260415111540-abcde",
      projectName: "studio",
      assetType: "Video",
      assets: [{ url: "https://example.com/a.mp4", name: "clip" }],
      useShorthand: true,
    });
    expect(calls[0]?.body).toEqual({
      group_id: "group-20260415111540-abcde",
      project_name: "studio",
      asset_type: "Video",
      url: "https://example.com/a.mp4",
      name: "clip",
    });
    expect(calls[0]?.headers["Idempotency-Key"]).toBeUndefined();
  });

  it.each([
    [{ code: 200, data: { task_id: "t-a" } }, "t-a"],
    [{ id: "t-b" }, "t-b"],
    [{ task_id: "t-c", status: "queued" }, "t-c"],
    [{ code: "200", data: { id: 42 } }, "42"],
  ])("finds the submit task id in %j", async (body, id) => {
    const { client } = setup([{ body }]);
    expect((await client.submitAssets(submitInput)).data.taskId).toBe(id);
  });

  it("gets a task with ?language= and parses it", async () => {
    const { client, calls } = setup([{ body: review.reviewPartialFailure }], { language: "en", baseUrl: "https://api.example.com/v1" });
    const result = await client.getTask("task_01KREVIEWPARTIAL0000000000");
    expect(calls[0]?.url).toBe("https://api.example.com/v1/tasks/task_01KREVIEWPARTIAL0000000000?language=en");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.headers["Idempotency-Key"]).toBeUndefined();
    expect(result.data.status).toBe("failed");
    expect(result.data.review?.usable).toHaveLength(1);
    expect(result.raw).toEqual(review.reviewPartialFailure);
  });

  it("escapes the task id in the path and lets a call choose the language", async () => {
    const { client, calls } = setup([{ body: review.reviewProcessing }]);
    await client.getTask("a/b?c", { language: "ja" });
    expect(calls[0]?.url).toBe("https://api.example.com/v1/tasks/a%2Fb%3Fc?language=ja");
  });

  it("creates a video with the snake_case body and reads the array answer", async () => {
    const { client, calls } = setup([{ body: video.videoSubmitted }]);
    const result = await client.createVideo(
      {
        model: "doubao-seedance-2.0",
        prompt: "The avatar waves at the camera",
        resolution: "720p",
        size: "16:9",
        duration: 5,
        seed: 7,
        generateAudio: true,
        returnLastFrame: true,
        imageWithRoles: [{ url: "Asset://asset-20260415111540-abcde", role: "reference_image" }],
      },
      { idempotencyKey: "video-1" },
    );
    expect(calls[0]?.url).toBe("https://api.example.com/v1/videos/generations");
    expect(calls[0]?.body).toEqual({
      model: "doubao-seedance-2.0",
      prompt: "The avatar waves at the camera",
      resolution: "720p",
      size: "16:9",
      duration: 5,
      seed: 7,
      generate_audio: true,
      return_last_frame: true,
      image_with_roles: [{ url: "asset://asset-20260415111540-abcde", role: "reference_image" }],
    });
    expect(result.data).toEqual({ taskId: "task_01KMCGF6BQGN3X28H3KSR50X5T", status: "pending", rawStatus: "submitted" });
    expect(result.raw).toEqual(video.videoSubmitted);
  });

  it("reads a video answer whose data is an object", async () => {
    const { client } = setup([{ body: video.videoSubmittedObject }]);
    const result = await client.createVideo({ model: "m", prompt: "p", imageUrls: ["https://example.com/a.png"], videoUrls: ["asset://asset-v"], audioUrls: ["asset://asset-s"] });
    expect(result.data.taskId).toBe("task_01KMCGF6BQGN3X28H3KSR50X5U");
  });

  it("rejects bad input before calling the provider", async () => {
    const { client, fetch } = setup([submitOk]);
    const bad = [
      () => client.submitAssets({ ...submitInput, groupId: "g" }),
      () => client.submitAssets({ assets: [] }),
      () => client.submitAssets({ assets: Array.from({ length: 21 }, (_, i) => ({ url: `https://e.com/${i}.png`, name: `n${i}` })) }),
      () => client.submitAssets({ assets: [{ url: "https://e.com/a.png", name: "a" }, { url: "https://e.com/b.png", name: "a" }] }),
      () => client.submitAssets({ assets: [{ url: "ftp://e.com/a.png", name: "a" }] }),
      () => client.submitAssets({ assets: [{ url: "data:image/png;base64,AAAA", name: "a" }] }),
      () => client.submitAssets({ ...submitInput, useShorthand: true }),
      () => client.submitAssets({ assetType: "Text" as "Image", assets: [{ url: "https://e.com/a.png", name: "a" }] }),
      () => client.createVideo({ model: "m" }),
      () => client.createVideo({ model: "m", prompt: "p", duration: 3 }),
      () => client.createVideo({ model: "m", imageUrls: ["https://e.com/a.png"], imageWithRoles: [{ url: "https://e.com/b.png", role: "first_frame" }] }),
      () => client.createVideo({ model: "m", audioUrls: ["https://e.com/a.mp3"] }),
      () => client.createVideo({ model: "m", imageWithRoles: [{ url: "https://e.com/b.png", role: "first_frame" }], videoUrls: ["https://e.com/v.mp4"] }),
      () => client.getTask("  "),
    ];
    for (const call of bad) {
      await expect(call()).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses a bad configuration without echoing the key", () => {
    let thrown: unknown;
    try {
      createUpstreamClient({ baseUrl: "not a url", apiKey: "sk-secret", timeoutMs: 1, maxRetries: 0, concurrency: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(JSON.stringify((thrown as AppError).detail)).not.toContain("sk-secret");
  });
});

describe("retries", () => {
  it("retries a GET on 500 with exponential backoff and full jitter", async () => {
    const { client, calls, sleeps } = setup([{ status: 500, body: errors.errorObjectServer }, { status: 503, text: "busy" }, { status: 502 }, { body: review.reviewProcessing }]);
    const result = await client.getTask("task_01KREVIEWPROCESSING0000000");
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([250, 500, 1000]); // random 0.5 × 500 × 2^attempt
    expect(result.data.status).toBe("running");
  });

  it("caps the backoff", async () => {
    const { client, sleeps } = setup([{ status: 500 }], { maxRetries: 6, retryBaseMs: 1000, retryMaxMs: 4000, random: () => 1 });
    await upstreamFailure(client.getTask("t"));
    expect(sleeps).toEqual([1000, 2000, 4000, 4000, 4000, 4000]);
  });

  it("gives up after maxRetries with the last error", async () => {
    const { client, calls } = setup([{ status: 500, body: errors.errorObjectServer }]);
    const error = await upstreamFailure(client.getTask("t"));
    expect(calls).toHaveLength(4);
    expect(error.code).toBe("UPSTREAM_ERROR");
    expect(error.httpStatus).toBe(500);
    expect(error.detail.reason).toBe("upstream service unavailable");
  });

  it("honours Retry-After on 429", async () => {
    const { client, calls, sleeps } = setup([
      { status: 429, body: errors.errorObjectRateLimited, headers: { "Retry-After": "3" } },
      { body: review.reviewProcessing },
    ]);
    await client.getTask("t");
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
  });

  it("uses the backoff when it is longer than Retry-After", async () => {
    const { client, sleeps } = setup([{ status: 429, headers: { "Retry-After": "0" } }, { body: review.reviewProcessing }], { random: () => 1 });
    await client.getTask("t");
    expect(sleeps).toEqual([500]);
  });

  it("hands a long Retry-After back to the caller instead of waiting", async () => {
    const { client, calls, sleeps } = setup([{ status: 429, headers: { "Retry-After": "120" } }]);
    const error = await upstreamFailure(client.getTask("t"));
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(error.retryAfterMs).toBe(120_000);
  });

  it("retries a GET after a network error and after a timeout", async () => {
    const { client, calls } = setup(["network", "hang", { body: review.reviewProcessing }], { timeoutMs: 30 });
    const result = await client.getTask("t");
    expect(calls).toHaveLength(3);
    expect(result.data.taskId).toBe("task_01KREVIEWPROCESSING0000000");
  });

  it("reports a timeout as UPSTREAM_UNREACHABLE", async () => {
    const { client, calls } = setup(["hang"], { timeoutMs: 20, maxRetries: 1 });
    const error = await upstreamFailure(client.getTask("t"));
    expect(calls).toHaveLength(2);
    expect(error.code).toBe("UPSTREAM_UNREACHABLE");
    expect(error.detail.timedOut).toBe(true);
  });

  it("times out a body that never finishes", async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"code":200,'));
          init.signal?.addEventListener("abort", () => controller.error(init.signal?.reason));
        },
      });
      return new Response(stream, { status: 200 });
    });
    const { client } = setup([], { fetch, timeoutMs: 20, maxRetries: 0 });
    const error = await upstreamFailure(client.getTask("t"));
    expect(error.code).toBe("UPSTREAM_UNREACHABLE");
  });

  it("never retries a POST without an idempotency key", async () => {
    for (const reply of ["network", { status: 500 }, { status: 429, headers: { "Retry-After": "1" } }, "hang"] as Reply[]) {
      const { client, calls } = setup([reply, submitOk], { timeoutMs: 20 });
      await upstreamFailure(client.submitAssets(submitInput));
      expect(calls).toHaveLength(1);
      const v = setup([reply, { body: video.videoSubmitted }], { timeoutMs: 20 });
      await upstreamFailure(v.client.createVideo({ model: "m", prompt: "p" }));
      expect(v.calls).toHaveLength(1);
    }
  });

  it("retries a POST with an idempotency key, always with the same key", async () => {
    const { client, calls } = setup(["network", { status: 500 }, { status: 429 }, submitOk]);
    const result = await client.submitAssets(submitInput, { idempotencyKey: "same-key" });
    expect(calls).toHaveLength(4);
    expect(calls.map((c) => c.headers["Idempotency-Key"])).toEqual(["same-key", "same-key", "same-key", "same-key"]);
    expect(new Set(calls.map((c) => JSON.stringify(c.body))).size).toBe(1);
    expect(result.data.taskId).toBe("task_01K1");
  });

  it("does not retry a POST when the provider does not honour idempotency keys", async () => {
    const { client, calls } = setup(["network", submitOk], { idempotency: false });
    await upstreamFailure(client.submitAssets(submitInput, { idempotencyKey: "k" }));
    expect(calls).toHaveLength(1);
  });

  it.each([
    [400, errors.errorObjectBadRequest, "UPSTREAM_REJECTED"],
    [401, errors.errorObjectUnauthorized, "UPSTREAM_UNAUTHORIZED"],
    [402, errors.errorObjectInsufficientBalance, "UPSTREAM_INSUFFICIENT_BALANCE"],
  ] as const)("maps %i and never retries it", async (status, body, code) => {
    const get = setup([{ status, body }, { body: review.reviewProcessing }]);
    const getError = await upstreamFailure(get.client.getTask("t"));
    expect(get.calls).toHaveLength(1);
    expect(getError.code).toBe(code);
    expect(getError.httpStatus).toBe(status);
    expect(getError.detail.body).toEqual(body);
    expect(getError.message).not.toContain(String(Object.values(body.error)[0]));

    const post = setup([{ status, body }, submitOk]);
    const postError = await upstreamFailure(post.client.submitAssets(submitInput, { idempotencyKey: "k" }));
    expect(post.calls).toHaveLength(1);
    expect(postError.code).toBe(code);
  });

  it("maps an error envelope inside HTTP 200 like the HTTP error", async () => {
    const cases = [
      [errors.errorCodeString, "UPSTREAM_UNAUTHORIZED"],
      [errors.errorCodeStringBalance, "UPSTREAM_INSUFFICIENT_BALANCE"],
      [errors.errorCodeInt, "UPSTREAM_REJECTED"],
      [errors.errorObjectUnauthorized, "UPSTREAM_UNAUTHORIZED"],
    ] as const;
    for (const [body, code] of cases) {
      const { client, calls } = setup([{ status: 200, body }, submitOk]);
      const error = await upstreamFailure(client.submitAssets(submitInput, { idempotencyKey: "k" }));
      expect(error.code).toBe(code);
      expect(calls).toHaveLength(1);
    }
    // A 500 inside HTTP 200 is retried like a 500.
    const { client, calls } = setup([{ body: errors.errorCodeIntServer }, { body: review.reviewProcessing }]);
    await client.getTask("t");
    expect(calls).toHaveLength(2);
  });

  it("stops waiting when the caller aborts", async () => {
    const controller = new AbortController();
    const { client, calls } = setup(["hang"], { timeoutMs: 10_000 });
    const pending = client.getTask("t", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("page closed")), 10);
    await expect(pending).rejects.toThrow("page closed");
    expect(calls).toHaveLength(1);
  });
});

describe("malformed answers", () => {
  it.each([
    ["HTML", { text: "<html>bad gateway</html>" }],
    ["empty", { text: "" }],
    ["truncated JSON", { text: '{"code":200,"data":' }],
  ])("%s with HTTP 200 → UPSTREAM_MALFORMED, not retried", async (_label, reply) => {
    const { client, calls } = setup([reply, { body: review.reviewProcessing }]);
    const error = await upstreamFailure(client.getTask("t"));
    expect(error.code).toBe("UPSTREAM_MALFORMED");
    expect(calls).toHaveLength(1);
  });

  it.each([
    ["a string", "hello"],
    ["a list", [1, 2]],
    ["a number", 5],
    ["null", null],
    ["data as a list", { code: 200, data: [{ id: "x" }] }],
    ["data as a string", { code: 200, data: "x" }],
  ])("a task answer that is %s → UPSTREAM_MALFORMED", async (_label, body) => {
    const { client } = setup([{ body }]);
    const error = await upstreamFailure(client.getTask("t"));
    expect(error.code).toBe("UPSTREAM_MALFORMED");
    expect(error.detail.body).toEqual(body);
  });

  it("a task answer without an id takes the id asked for", async () => {
    const { client } = setup([{ body: { code: 200, data: { status: "completed" } } }]);
    expect((await client.getTask("asked")).data.taskId).toBe("asked");
  });

  it.each([
    { code: 200, data: {} },
    { code: 200, data: null },
    { code: 200 },
    [],
    "ok",
  ])("a submit answer without a task id (%j) → UPSTREAM_MALFORMED", async (body) => {
    const { client } = setup([{ body }]);
    expect((await upstreamFailure(client.submitAssets(submitInput))).code).toBe("UPSTREAM_MALFORMED");
  });

  it.each([{ code: 200, data: [] }, { code: 200, data: [{ status: "submitted" }] }, { code: 200, data: "x" }])(
    "a generation answer without a task id (%j) → UPSTREAM_MALFORMED",
    async (body) => {
      const { client } = setup([{ body }]);
      expect((await upstreamFailure(client.createVideo({ model: "m", prompt: "p" }))).code).toBe("UPSTREAM_MALFORMED");
    },
  );
});

describe("concurrency", () => {
  function gatedFetch() {
    let inFlight = 0;
    let maxInFlight = 0;
    const releases: Array<() => void> = [];
    const fetch = vi.fn(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight--;
      return new Response(JSON.stringify(review.reviewProcessing), { status: 200 });
    });
    return {
      fetch,
      stats: () => ({ inFlight, maxInFlight, waiting: releases.length }),
      releaseAll: () => {
        for (const r of releases.splice(0)) r();
      },
    };
  }

  async function drain(gate: ReturnType<typeof gatedFetch>, all: Promise<unknown>) {
    let done = false;
    void all.finally(() => {
      done = true;
    });
    while (!done) {
      await new Promise((r) => setTimeout(r, 5));
      gate.releaseAll();
    }
  }

  it("never has more than N calls in flight per key, across clients", async () => {
    const gate = gatedFetch();
    const config = { baseUrl: "https://api.example.com", apiKey: "sk-shared", timeoutMs: 5000, maxRetries: 0, concurrency: 3, fetch: gate.fetch };
    const a = createUpstreamClient(config);
    const b = createUpstreamClient(config);
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).getTask(`t${i}`)));
    await new Promise((r) => setTimeout(r, 20));
    expect(gate.stats().inFlight).toBe(3);
    await drain(gate, all);
    const results = await all;
    expect(results).toHaveLength(10);
    expect(gate.stats().maxInFlight).toBe(3);
    expect(gate.fetch).toHaveBeenCalledTimes(10);
  });

  it("keeps keys apart", async () => {
    const gate = gatedFetch();
    const base = { baseUrl: "https://api.example.com", timeoutMs: 5000, maxRetries: 0, concurrency: 2, fetch: gate.fetch };
    const a = createUpstreamClient({ ...base, apiKey: "sk-one" });
    const b = createUpstreamClient({ ...base, apiKey: "sk-two" });
    const all = Promise.all([...[1, 2, 3].map((i) => a.getTask(`a${i}`)), ...[1, 2, 3].map((i) => b.getTask(`b${i}`))]);
    await new Promise((r) => setTimeout(r, 20));
    expect(gate.stats().inFlight).toBe(4);
    await drain(gate, all);
    await all;
  });

  it("frees the slot while waiting to retry", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let n = 0;
    const fetch = vi.fn(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return ++n % 2 ? new Response("", { status: 503 }) : new Response(JSON.stringify(review.reviewProcessing));
    });
    const client = createUpstreamClient({ baseUrl: "https://api.example.com", apiKey: "sk-retrying", timeoutMs: 5000, maxRetries: 5, concurrency: 1, fetch, retryBaseMs: 1 });
    await Promise.all([1, 2, 3, 4].map((i) => client.getTask(`t${i}`)));
    expect(maxInFlight).toBe(1);
  });
});

describe("testConnection", () => {
  it.each([404, 400])("a %i for a made-up task means the key works", async (status) => {
    const { client, calls } = setup([{ status, body: { error: { message: "task not found" } } }]);
    expect(await client.testConnection()).toEqual({ ok: true });
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url).toMatch(/^https:\/\/api\.example\.com\/v1\/tasks\/task_connection_check_[0-9a-f]{32}$/);
    expect(calls[0]?.headers.Authorization).toMatch(/^Bearer /);
  });

  it("a 404 inside an HTTP 200 envelope also means the key works", async () => {
    const { client } = setup([{ body: { code: 404, message: "task not found" } }]);
    expect(await client.testConnection()).toEqual({ ok: true });
  });

  it("a 401 means it does not", async () => {
    const { client } = setup([{ status: 401, body: errors.errorObjectUnauthorized }]);
    const result = await client.testConnection();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("UPSTREAM_UNAUTHORIZED");
  });

  it("an unreachable provider is reported, after at most one retry", async () => {
    const { client, calls } = setup(["network"]);
    const result = await client.testConnection();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("UPSTREAM_UNREACHABLE");
    expect(calls).toHaveLength(2);
  });
});

describe("logging", () => {
  it("logs each attempt at debug with method, path, status, duration and attempt, never the key", async () => {
    const debug = vi.spyOn(logger, "debug").mockImplementation(() => undefined);
    const { client } = setup([{ status: 500 }, { body: review.reviewProcessing }], { apiKey: "sk-very-secret-key" });
    await client.getTask("t1");
    const entries = debug.mock.calls.map((args) => args[0] as { upstream?: Record<string, unknown> });
    const calls = entries.filter((e) => e.upstream && "durationMs" in e.upstream).map((e) => e.upstream);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ method: "GET", path: "/v1/tasks/t1", status: 500, attempt: 0 });
    expect(calls[1]).toMatchObject({ method: "GET", path: "/v1/tasks/t1", status: 200, attempt: 1 });
    expect(typeof calls[0]?.durationMs).toBe("number");
    expect(JSON.stringify(debug.mock.calls)).not.toContain("sk-very-secret-key");
  });
});
