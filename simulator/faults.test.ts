import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./server";
import { call, simulatorPool, waitForTask } from "./test-helpers";

const pool = simulatorPool();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await pool.start({ reviewMs: 50, videoMs: 100 });
});
afterAll(() => pool.closeAll());
afterEach(async () => {
  await call(sim.url, "DELETE", "/_admin/faults", { key: null });
});

const admin = (method: string, pathname: string, body?: unknown) => call(sim.url, method, pathname, { key: null, body });
const next = (endpoint: string, fault: string, extra: Record<string, unknown> = {}) =>
  admin("POST", "/_admin/faults/next", { endpoint, fault, ...extra });
const submit = (name: string, headers: Record<string, string> = {}) =>
  call(sim.url, "POST", "/v1/seedance2/private-avatar", { body: { url: "http://127.0.0.1:9/a.png", name }, headers });
const tasksWithKey = async (key: string) =>
  (await admin("GET", "/_admin/tasks")).json.tasks.filter((t: { idempotency_key: string | null }) => t.idempotency_key === key);

describe("queued faults", () => {
  it("answers 429 with Retry-After, then recovers", async () => {
    const queued = await next("submit", "rate_limit", { retryAfter: 7 });
    expect(queued.json.next).toEqual([{ endpoint: "submit", fault: "rate_limit", count: 1, retryAfter: 7 }]);
    const limited = await submit("a");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.json.error).toMatchObject({ type: "rate_limit_error", code: "rate_limit_exceeded" });
    expect((await submit("b")).status).toBe(200);
  });

  it("answers 500 for the next N requests to one endpoint only", async () => {
    await next("task", "500", { count: 2 });
    const created = await submit("c");
    const id = created.json.data.id;
    expect((await call(sim.url, "GET", `/v1/tasks/${id}`)).status).toBe(500);
    expect((await call(sim.url, "GET", `/v1/tasks/${id}`)).status).toBe(500);
    expect((await call(sim.url, "GET", `/v1/tasks/${id}`)).status).toBe(200);
  });

  it("answers slowly", async () => {
    await next("submit", "slow", { delayMs: 400 });
    const started = Date.now();
    const answer = await submit("d");
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("hangs until the client gives up", async () => {
    await next("task", "hang");
    const error = await call(sim.url, "GET", "/v1/tasks/task_01K00000000000000000000000", { signal: AbortSignal.timeout(300) }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe("TimeoutError");
    expect((await call(sim.url, "GET", "/v1/tasks/task_01K00000000000000000000000")).status).toBe(404);
  });

  it("drops the connection before handling: nothing is created", async () => {
    await next("submit", "drop_before");
    const error = await submit("e", { "idempotency-key": "drop-before" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(await tasksWithKey("drop-before")).toHaveLength(0);
    const retried = await submit("e", { "idempotency-key": "drop-before" });
    expect(retried.status).toBe(200);
    expect(await tasksWithKey("drop-before")).toHaveLength(1);
  });

  it("drops the connection after handling: the task exists and a retry with the same key finds it", async () => {
    await next("submit", "drop_after");
    const error = await submit("f", { "idempotency-key": "drop-after" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    const created = await tasksWithKey("drop-after");
    expect(created).toHaveLength(1);
    const retried = await submit("f", { "idempotency-key": "drop-after" });
    expect(retried.status).toBe(200);
    expect(retried.json.data.id).toBe(created[0].id);
    expect(await tasksWithKey("drop-after")).toHaveLength(1);
  });

  it("drops a generation answer after the task was created", async () => {
    await next("video", "drop_after");
    const body = { prompt: "lost answer" };
    const headers = { "idempotency-key": "video-drop" };
    const error = await call(sim.url, "POST", "/v1/videos/generations", { body, headers }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    const retried = await call(sim.url, "POST", "/v1/videos/generations", { body, headers });
    const created = await tasksWithKey("video-drop");
    expect(created).toHaveLength(1);
    expect(retried.json.data[0].task_id).toBe(created[0].id);
  });

  it("answers a gateway's 502 HTML page after handling: the task exists and the same key finds it", async () => {
    await next("submit", "502");
    const answer = await submit("h", { "idempotency-key": "submit-502" });
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    expect(answer.text).toContain("502 Bad Gateway");
    const created = await tasksWithKey("submit-502");
    expect(created).toHaveLength(1);
    const retried = await submit("h", { "idempotency-key": "submit-502" });
    expect(retried.json.data.id).toBe(created[0].id);
    expect(await tasksWithKey("submit-502")).toHaveLength(1);
  });

  it("hangs after handling: the task exists although no answer ever comes", async () => {
    await next("submit", "hang_after");
    const error = await call(sim.url, "POST", "/v1/seedance2/private-avatar", {
      body: { url: "http://127.0.0.1:9/a.png", name: "i" },
      headers: { "idempotency-key": "submit-hang-after" },
      signal: AbortSignal.timeout(300),
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    const created = await tasksWithKey("submit-hang-after");
    expect(created).toHaveLength(1);
    const retried = await submit("i", { "idempotency-key": "submit-hang-after" });
    expect(retried.json.data.id).toBe(created[0].id);
  });

  it("answers malformed JSON after handling", async () => {
    await next("submit", "malformed_json");
    const answer = await submit("g", { "idempotency-key": "malformed" });
    expect(answer.status).toBe(200);
    expect(answer.json).toBeUndefined();
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(answer.text.startsWith('{"code":200')).toBe(true);
    expect(await tasksWithKey("malformed")).toHaveLength(1);
  });

  it("applies to file downloads too", async () => {
    const created = await call(sim.url, "POST", "/v1/videos/generations", { body: { prompt: "file", duration: 4 } });
    const data = await waitForTask(sim.url, created.json.data[0].task_id);
    await next("files", "server_error");
    expect((await fetch(data.result.videos[0].url[0])).status).toBe(500);
    expect((await fetch(data.result.videos[0].url[0])).status).toBe(200);
  });
});

describe("random faults", () => {
  async function statuses(count: number): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await call(sim.url, "GET", "/v1/tasks/task_01K00000000000000000000000")).status);
    return out;
  }

  it("follow the seed: the same configuration gives the same sequence", async () => {
    const config = { seed: 42, endpoints: { task: { server_error: 0.3, rate_limit: 0.2, retryAfter: 3 } } };
    expect((await admin("PUT", "/_admin/faults", config)).status).toBe(200);
    const first = await statuses(30);
    await admin("PUT", "/_admin/faults", config);
    const second = await statuses(30);
    expect(second).toEqual(first);
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 404).length).toBeGreaterThan(0);
    const config2 = (await admin("GET", "/_admin/faults")).json;
    expect(config2.endpoints.task).toEqual({ server_error: 0.3, rate_limit: 0.2, retryAfter: 3 });
  });

  it("can be set from the start", async () => {
    const faulty = await pool.start({ faults: { endpoints: { submit: { server_error: 1 } } } });
    const answer = await call(faulty.url, "POST", "/v1/seedance2/private-avatar", { body: { url: "https://example.com/a.png", name: "a" } });
    expect(answer.status).toBe(500);
    expect(answer.json.error.type).toBe("server_error");
  });

  it("refuses an invalid configuration", async () => {
    const tooMuch = await admin("PUT", "/_admin/faults", { endpoints: { task: { server_error: 0.7, hang: 0.5 } } });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.error.message).toContain("more than 1");
    expect((await admin("PUT", "/_admin/faults", { endpoints: { upload: { hang: 1 } } })).status).toBe(400);
    expect((await next("submit", "explode")).status).toBe(400);
    expect((await next("nowhere", "hang")).status).toBe(400);
  });
});

describe("admin", () => {
  it("counts requests per endpoint and per task id, and resets", async () => {
    expect((await admin("POST", "/_admin/stats/reset")).json).toEqual({ ok: true });
    const created = await submit("stats");
    const id = created.json.data.id;
    await call(sim.url, "GET", `/v1/tasks/${id}`);
    await call(sim.url, "GET", `/v1/tasks/${id}`);
    await next("task", "rate_limit");
    await call(sim.url, "GET", `/v1/tasks/${id}`);
    await call(sim.url, "GET", "/nowhere");
    const stats = (await admin("GET", "/_admin/stats")).json;
    expect(stats).toEqual({
      total: 5,
      endpoints: { submit: 1, task: 3, other: 1 },
      tasks: { [id]: 3 },
      faults: { task: { rate_limit: 1 } },
    });
    await admin("POST", "/_admin/stats/reset");
    expect((await admin("GET", "/_admin/stats")).json).toEqual({ total: 0, endpoints: {}, tasks: {}, faults: {} });
  });

  it("reports health, moves the clock and refuses bad admin input", async () => {
    const health = (await admin("GET", "/_admin/health")).json;
    expect(health).toMatchObject({ ok: true, now: expect.any(Number), public_url: sim.url });
    const before = (await admin("GET", "/_admin/clock")).json.now;
    const moved = (await admin("POST", "/_admin/clock", { advanceSeconds: 100 })).json;
    expect(moved.now - before).toBeGreaterThanOrEqual(100);
    expect((await admin("POST", "/_admin/clock", { advanceSeconds: -1 })).status).toBe(400);
    expect((await admin("POST", "/_admin/clock", {})).status).toBe(400);
    expect((await admin("GET", "/_admin/nothing")).status).toBe(404);
    expect((await admin("DELETE", "/_admin/health")).status).toBe(405);
  });
});
