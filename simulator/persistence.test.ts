import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyFingerprint } from "./router";
import { call, KEY, makePng, simulatorPool, startFixtureServer, waitForTask, type FixtureServer } from "./test-helpers";

const pool = simulatorPool();
let dir: string;
let fx: FixtureServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "seedance-sim-state-"));
  fx = await startFixtureServer();
  fx.files.set("/a.png", { body: await makePng(500, 500, "#ff0000"), type: "image/png" });
  fx.files.set("/held.png", { body: await makePng(500, 500, "#0000ff"), type: "image/png" });
});
afterAll(async () => {
  await pool.closeAll();
  await fx.close();
  await rm(dir, { recursive: true, force: true });
});

describe("state file", () => {
  it("keeps groups, tasks, assets, idempotency keys, the clock and videos across a restart", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await pool.start({ stateFile, reviewMs: 50, videoMs: 100 });
    const headers = { "idempotency-key": "persist-1" };
    const body = { group: { name: "kept" }, url: `${fx.url}/a.png`, name: "kept-avatar" };
    const submitted = await call(first.url, "POST", "/v1/seedance2/private-avatar", { body, headers });
    const review = await waitForTask(first.url, submitted.json.data.id);
    expect(review.status).toBe("completed");
    const generated = await call(first.url, "POST", "/v1/videos/generations", {
      body: { prompt: "kept", duration: 4, image_urls: [review.result.asset_url] },
    });
    const video = await waitForTask(first.url, generated.json.data[0].task_id);
    expect(video.status).toBe("completed");
    await call(first.url, "POST", "/_admin/clock", { key: null, body: { advanceSeconds: 10 } });
    await first.close();

    const text = await readFile(stateFile, "utf8");
    expect(text).not.toContain(KEY);
    expect(text).toContain(keyFingerprint(KEY));
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const second = await pool.start({ stateFile, reviewMs: 50, videoMs: 100 });
    const again = await call(second.url, "GET", `/v1/tasks/${review.id}`);
    expect(again.json.data).toEqual(review);
    const videoAgain = (await call(second.url, "GET", `/v1/tasks/${video.id}`)).json.data;
    expect(videoAgain.status).toBe("completed");
    expect(videoAgain.result.videos[0].expires_at).toBe(video.result.videos[0].expires_at);
    // Links point at the new address; the file comes from disk.
    const file = await fetch(videoAgain.result.videos[0].url[0]);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const replay = await call(second.url, "POST", "/v1/seedance2/private-avatar", { body, headers });
    expect(replay.json.data.id).toBe(review.id);
    expect((await call(second.url, "GET", "/_admin/clock", { key: null })).json.offset_seconds).toBe(10);
    const reuse = await call(second.url, "POST", "/v1/seedance2/private-avatar", {
      body: { group: { name: "kept" }, url: `${fx.url}/a.png`, name: "another" },
    });
    expect((await waitForTask(second.url, reuse.json.data.id)).result.group_id).toBe(review.result.group_id);
    const fromStoredAsset = await call(second.url, "POST", "/v1/videos/generations", {
      body: { prompt: "again", duration: 4, image_urls: [review.result.asset_url] },
    });
    expect((await waitForTask(second.url, fromStoredAsset.json.data[0].task_id)).status).toBe("completed");
  });

  it("resumes unfinished reviews and renders after a restart", async () => {
    const stateFile = path.join(dir, "resume", "state.json");
    fx.held.add("/held.png");
    const first = await pool.start({ stateFile, reviewMs: 50, videoMs: 100 });
    const submitted = await call(first.url, "POST", "/v1/seedance2/private-avatar", { body: { url: `${fx.url}/held.png`, name: "held" } });
    const generated = await call(first.url, "POST", "/v1/videos/generations", {
      body: { prompt: "held", duration: 4, image_urls: [`${fx.url}/held.png`] },
    });
    while (fx.requests.filter((p) => p === "/held.png").length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await call(first.url, "GET", `/v1/tasks/${submitted.json.data.id}`)).json.data.status).toBe("processing");
    await first.close();

    fx.held.delete("/held.png");
    const second = await pool.start({ stateFile, reviewMs: 50, videoMs: 100 });
    expect((await waitForTask(second.url, submitted.json.data.id)).status).toBe("completed");
    const video = await waitForTask(second.url, generated.json.data[0].task_id);
    expect(video.status).toBe("completed");
    expect((await fetch(video.result.videos[0].url[0])).status).toBe(200);
  });
});
