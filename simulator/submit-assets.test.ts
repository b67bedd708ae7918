import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSET_ID_PATTERN, GROUP_ID_PATTERN, TASK_ID_PATTERN } from "./ids";
import type { RunningSimulator } from "./server";
import { call, makePng, OTHER_KEY, simulatorPool, startFixtureServer, waitForTask, type FixtureServer } from "./test-helpers";

const pool = simulatorPool();
let sim: RunningSimulator;
let fixtures: FixtureServer;

beforeAll(async () => {
  sim = await pool.start();
  fixtures = await startFixtureServer();
  fixtures.files.set("/a.png", { body: await makePng(400, 400), type: "image/png" });
});
afterAll(async () => {
  await pool.closeAll();
  await fixtures.close();
});

const submit = (body: unknown, options: { key?: string | null; headers?: Record<string, string> } = {}) =>
  call(sim.url, "POST", "/v1/seedance2/private-avatar", { body, ...options });

describe("auth", () => {
  it("answers 401 in the error shape without a key or with a bad key", async () => {
    for (const key of [null, "sk-wrong"]) {
      const answer = await submit({ url: `${fixtures.url}/a.png`, name: "a" }, { key });
      expect(answer.status).toBe(401);
      expect(answer.json.error).toMatchObject({ type: "authentication_error", param: null });
      expect(typeof answer.json.error.message).toBe("string");
      expect(typeof answer.json.error.code).toBe("string");
    }
    const task = await call(sim.url, "GET", "/v1/tasks/task_01K00000000000000000000000", { key: "nope" });
    expect(task.status).toBe(401);
    const video = await call(sim.url, "POST", "/v1/videos/generations", { key: null, body: { prompt: "x" } });
    expect(video.status).toBe(401);
  });

  it("can answer in the {code, message} shape", async () => {
    const other = await pool.start({ errorStyle: "code" });
    const answer = await call(other.url, "POST", "/v1/seedance2/private-avatar", { key: "bad", body: {} });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ code: 401, message: expect.any(String) });
    const style = await call(other.url, "PUT", "/_admin/error-style", { key: null, body: { style: "code-string" } });
    expect(style.json).toEqual({ style: "code-string" });
    const again = await call(other.url, "POST", "/v1/seedance2/private-avatar", { body: { assets: [] } });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ code: "invalid_parameter", message: expect.stringContaining("assets") });
  });
});

describe("submission", () => {
  it("accepts the single-asset shorthand with defaults", async () => {
    const answer = await submit({ url: `${fixtures.url}/a.png`, name: "shorthand" });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      code: 200,
      data: {
        id: expect.stringMatching(TASK_ID_PATTERN),
        object: "seedance.avatar.asset.task",
        status: "processing",
        progress: 10,
        model: "doubao-seedance-2.0",
      },
    });
    const done = await waitForTask(sim.url, answer.json.data.id);
    expect(done.status).toBe("completed");
    expect(done.result.asset_url).toMatch(/^asset:\/\/asset-\d{14}-[a-z0-9]{5}$/);
    expect(done.result.usable_assets).toEqual([
      { asset_id: expect.stringMatching(ASSET_ID_PATTERN), asset_url: done.result.asset_url, status: "Active", name: "shorthand" },
    ]);
    expect(done.result.group_id).toMatch(GROUP_ID_PATTERN);
    expect(done).toMatchObject({ progress: 100, created: expect.any(Number), completed: expect.any(Number) });
    expect(done.actual_time).toBeGreaterThanOrEqual(0);
    expect(done.estimated_time).toBeGreaterThanOrEqual(1);
  });

  it("creates a group once and reuses it by name within a project, and appends by group_id", async () => {
    const group = { name: "avatars", description: "demo" };
    const first = await submit({ group, assets: [{ url: `${fixtures.url}/a.png`, name: "g1" }] });
    const second = await submit({ group, project_name: "default", assets: [{ url: `${fixtures.url}/a.png`, name: "g2" }] });
    const otherProject = await submit({ group, project_name: "other", assets: [{ url: `${fixtures.url}/a.png`, name: "g3" }] });
    const [a, b, c] = await Promise.all([first, second, otherProject].map((s) => waitForTask(sim.url, s.json.data.id)));
    expect(a!.result.group_id).toBe(b!.result.group_id);
    expect(c!.result.group_id).not.toBe(a!.result.group_id);

    const appended = await submit({ group_id: a!.result.group_id, assets: [{ url: `${fixtures.url}/a.png`, name: "g4" }] });
    expect(appended.status).toBe(200);
    expect((await waitForTask(sim.url, appended.json.data.id)).result.group_id).toBe(a!.result.group_id);

    const foreign = await call(sim.url, "POST", "/v1/seedance2/private-avatar", {
      key: OTHER_KEY,
      body: { group_id: a!.result.group_id, url: `${fixtures.url}/a.png`, name: "x" },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.param).toBe("group_id");
  });

  const valid = (extra: Record<string, unknown> = {}) => ({ assets: [{ url: "https://example.com/a.png", name: "a" }], ...extra });
  const cases: [string, unknown, string | null][] = [
    ["group with group_id", valid({ group: { name: "g" }, group_id: "group-20260101000000-abcde" }), "group_id"],
    ["assets with url", valid({ url: "https://example.com/b.png", name: "b" }), "url"],
    ["neither assets nor url", { asset_type: "Image" }, "assets"],
    ["a bad asset_type", valid({ asset_type: "image" }), "asset_type"],
    ["zero assets", { assets: [] }, "assets"],
    [
      "21 assets",
      { assets: Array.from({ length: 21 }, (_, i) => ({ url: `https://example.com/${i}.png`, name: `n${i}` })) },
      "assets",
    ],
    ["a name over 255", { assets: [{ url: "https://example.com/a.png", name: "n".repeat(256) }] }, "assets[0].name"],
    ["a missing name", { assets: [{ url: "https://example.com/a.png" }] }, "assets[0].name"],
    ["a url over 8192", { assets: [{ url: `https://example.com/${"a".repeat(8200)}`, name: "a" }] }, "assets[0].url"],
    ["a description over 4000", valid({ group: { name: "g", description: "d".repeat(4001) } }), "group.description"],
    ["a group name over 255", valid({ group: { name: "g".repeat(256) } }), "group.name"],
    ["a non-http url", { url: "ftp://example.com/a.png", name: "a" }, "url"],
    ["a data: URI", { url: "data:image/png;base64,iVBORw0KGgo=", name: "a" }, "url"],
    ["a relative url", { url: "/a.png", name: "a" }, "url"],
    [
      "duplicate names",
      { assets: [{ url: "https://example.com/a.png", name: "same" }, { url: "https://example.com/b.png", name: "same" }] },
      "assets[1].name",
    ],
    ["a group_id that does not exist", valid({ group_id: "group-20260101000000-zzzzz" }), "group_id"],
    ["an asset that is not an object", { assets: ["https://example.com/a.png"] }, "assets[0]"],
  ];
  it.each(cases)("refuses %s with 400", async (_label, body, param) => {
    const answer = await submit(body);
    expect(answer.status).toBe(400);
    expect(answer.json.error.type).toBe("invalid_request_error");
    expect(answer.json.error.param).toBe(param);
    expect(answer.json.error.message.length).toBeGreaterThan(5);
  });

  it("refuses a body that is not JSON", async () => {
    const answer = await submit("{not json");
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("invalid_json");
  });

  it("accepts loopback URLs by default but refuses them when public URLs are required", async () => {
    const strict = await pool.start({ requirePublicUrls: true });
    for (const url of ["http://127.0.0.1/a.png", "http://localhost:3000/a.png", "http://10.0.0.5/a.png", "http://[::1]/a.png", "http://192.168.1.2/a.png"]) {
      const answer = await call(strict.url, "POST", "/v1/seedance2/private-avatar", { body: { url, name: "a" } });
      expect(answer.status, url).toBe(400);
      expect(answer.json.error.message).toContain("publicly reachable");
    }
    const ok = await call(strict.url, "POST", "/v1/seedance2/private-avatar", { body: { url: "https://example.com/a.png", name: "a" } });
    expect(ok.status).toBe(200);
    const local = await submit({ url: "http://127.0.0.1:9/a.png", name: "local" });
    expect(local.status).toBe(200);
  });
});

describe("idempotency", () => {
  it("returns the same task for the same key and never creates a second one", async () => {
    const body = { url: `${fixtures.url}/a.png`, name: "idem" };
    const headers = { "idempotency-key": "submit-1" };
    const first = await submit(body, { headers });
    const [second, third] = await Promise.all([submit(body, { headers }), submit(body, { headers })]);
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(third.text).toBe(first.text);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const tasks = await call(sim.url, "GET", "/_admin/tasks", { key: null });
    const matching = tasks.json.tasks.filter((t: { idempotency_key: string | null }) => t.idempotency_key === "submit-1");
    expect(matching).toHaveLength(1);

    const otherKey = await call(sim.url, "POST", "/v1/seedance2/private-avatar", { key: OTHER_KEY, body, headers });
    expect(otherKey.status).toBe(200);
    expect(otherKey.json.data.id).not.toBe(first.json.data.id);

    const changed = await submit({ ...body, name: "different" }, { headers });
    expect(changed.status).toBe(400);
    expect(changed.json.error.code).toBe("idempotency_key_reused");
  });

  it("does not remember failed requests", async () => {
    const headers = { "idempotency-key": "submit-bad" };
    expect((await submit({ assets: [] }, { headers })).status).toBe(400);
    expect((await submit({ url: `${fixtures.url}/a.png`, name: "later" }, { headers })).status).toBe(200);
  });
});
