import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./server";
import {
  call,
  makeMp4,
  makePng,
  makeWav,
  OTHER_KEY,
  simulatorPool,
  startFixtureServer,
  waitForTask,
  type FixtureServer,
} from "./test-helpers";

const pool = simulatorPool();
let sim: RunningSimulator;
let fx: FixtureServer;

beforeAll(async () => {
  sim = await pool.start({ reviewMs: 150, downloadTimeoutMs: 500 });
  fx = await startFixtureServer();
  const [good, wide, tall, tiny, tooWide, clip, lowFps, smallClip] = await Promise.all([
    makePng(512, 512),
    makePng(1200, 800, "#10b981"),
    makePng(400, 900, "#f59e0b"),
    makePng(200, 200),
    makePng(900, 300),
    makeMp4(3, 1280, 720, 24),
    makeMp4(3, 854, 480, 10),
    makeMp4(3, 640, 360, 30),
  ]);
  const png = (body: Buffer) => ({ body, type: "image/png" });
  fx.files.set("/good.png", png(good));
  fx.files.set("/wide.png", png(wide));
  fx.files.set("/tall.png", png(tall));
  fx.files.set("/tiny.png", png(tiny));
  fx.files.set("/too-wide.png", png(tooWide));
  fx.files.set("/someone-real-person.png", png(good));
  // The type is recognised by content, not by name or Content-Type.
  fx.files.set("/disguised.jpg", { body: good, type: "image/jpeg" });
  fx.files.set("/notes.png", { body: Buffer.from("just some text, not an image at all"), type: "image/png" });
  fx.files.set("/clip.mp4", { body: clip, type: "video/mp4" });
  fx.files.set("/low-fps.mp4", { body: lowFps, type: "video/mp4" });
  fx.files.set("/small.mp4", { body: smallClip, type: "video/mp4" });
  fx.files.set("/voice.wav", { body: makeWav(3), type: "audio/wav" });
  fx.files.set("/short.wav", { body: makeWav(1), type: "audio/wav" });
});
afterAll(async () => {
  await pool.closeAll();
  await fx.close();
});

async function review(body: Record<string, unknown>, target = sim) {
  const answer = await call(target.url, "POST", "/v1/seedance2/private-avatar", { body });
  expect(answer.status, answer.text).toBe(200);
  return waitForTask(target.url, answer.json.data.id);
}

describe("asset review", () => {
  it("fails a task where 2 of 5 assets fail, keeping the 3 approved ones usable", async () => {
    const data = await review({
      group: { name: "batch" },
      assets: [
        { url: `${fx.url}/good.png`, name: "avatar-a" },
        { url: `${fx.url}/someone-real-person.png`, name: "avatar-b" },
        { url: `${fx.url}/wide.png`, name: "avatar-c" },
        { url: `${fx.url}/missing.png`, name: "avatar-d" },
        { url: `${fx.url}/disguised.jpg`, name: "avatar-e" },
      ],
    });
    expect(data.status).toBe("failed");
    expect(data.progress).toBe(100);
    expect(data.error).toEqual({ message: "Some assets did not pass review" });
    expect(data.result.usable_assets.map((a: { name: string }) => a.name)).toEqual(["avatar-a", "avatar-c", "avatar-e"]);
    for (const asset of data.result.usable_assets) {
      expect(asset).toEqual({ asset_id: expect.any(String), asset_url: `asset://${asset.asset_id}`, status: "Active", name: asset.name });
    }
    expect(data.result.failed_assets).toEqual([
      {
        asset_id: expect.stringMatching(/^asset-/),
        status: "Failed",
        name: "avatar-b",
        reason: "InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person",
      },
      {
        asset_id: expect.stringMatching(/^asset-/),
        status: "Failed",
        name: "avatar-d",
        reason: expect.stringMatching(/^InvalidParameter\.DownloadFailed: .*404/),
      },
    ]);
    expect(data.result.asset_url).toBeUndefined();
    expect(data.result.group_id).toMatch(/^group-/);
  });

  it("reports a download that never answers as DownloadFailed", async () => {
    const data = await review({ url: `${fx.url}/hang/a.png`, name: "hanging" });
    expect(data.status).toBe("failed");
    expect(data.result.failed_assets[0].reason).toMatch(/^InvalidParameter\.DownloadFailed: the download timed out/);
    expect(data.error.message).toBe("No asset passed review");
  });

  it("reports an unreachable host as DownloadFailed", async () => {
    const data = await review({ url: "http://127.0.0.1:9/nothing.png", name: "unreachable" });
    expect(data.result.failed_assets[0].reason).toMatch(/^InvalidParameter\.DownloadFailed: /);
  });

  it("refuses images outside the documented limits and files that are not what asset_type says", async () => {
    const data = await review({
      assets: [
        { url: `${fx.url}/tiny.png`, name: "tiny" },
        { url: `${fx.url}/too-wide.png`, name: "too-wide" },
        { url: `${fx.url}/notes.png`, name: "notes" },
        { url: `${fx.url}/clip.mp4`, name: "clip" },
        { url: `${fx.url}/tall.png`, name: "tall" },
        { url: `${fx.url}/good.png`, name: "Real-Person portrait" },
      ],
    });
    const reasons = Object.fromEntries(data.result.failed_assets.map((a: { name: string; reason: string }) => [a.name, a.reason]));
    expect(reasons.tiny).toMatch(/^InvalidParameter\.ImageSizeOutOfRange: the image is 200x200 px/);
    expect(reasons["too-wide"]).toMatch(/^InvalidParameter\.ImageAspectRatioOutOfRange: .*3\.00/);
    expect(reasons.notes).toMatch(/^InvalidParameter\.UnsupportedFormat: /);
    expect(reasons.clip).toMatch(/^InvalidParameter\.AssetTypeMismatch: .*mp4.*Image/);
    expect(reasons["Real-Person portrait"]).toMatch(/^InputImageSensitiveContentDetected\.PrivacyInformation/);
    expect(data.result.usable_assets.map((a: { name: string }) => a.name)).toEqual(["tall"]);
  });

  it("checks videos with ffmpeg: duration, frame rate and resolution", async () => {
    const data = await review({
      asset_type: "Video",
      assets: [
        { url: `${fx.url}/clip.mp4`, name: "ok" },
        { url: `${fx.url}/low-fps.mp4`, name: "low-fps" },
        { url: `${fx.url}/small.mp4`, name: "small" },
        { url: `${fx.url}/voice.wav`, name: "wav" },
      ],
    });
    const reasons = Object.fromEntries(data.result.failed_assets.map((a: { name: string; reason: string }) => [a.name, a.reason]));
    expect(data.result.usable_assets.map((a: { name: string }) => a.name)).toEqual(["ok"]);
    expect(reasons["low-fps"]).toMatch(/^InvalidParameter\.VideoFrameRateOutOfRange: the video runs at 10 fps/);
    expect(reasons.small).toMatch(/^InvalidParameter\.VideoResolutionOutOfRange: the video is 640x360/);
    expect(reasons.wav).toMatch(/^InvalidParameter\.AssetTypeMismatch/);
  });

  it("checks audio with music-metadata", async () => {
    const ok = await review({ asset_type: "Audio", url: `${fx.url}/voice.wav`, name: "voice" });
    expect(ok.status).toBe("completed");
    expect(ok.result.asset_url).toMatch(/^asset:\/\/asset-/);
    const short = await review({ asset_type: "Audio", url: `${fx.url}/short.wav`, name: "short" });
    expect(short.result.failed_assets[0].reason).toMatch(/^InvalidParameter\.AudioDurationOutOfRange: the audio lasts 1\.00 s/);
  });

  it("stays processing with rising progress until reviewMs has passed", async () => {
    const slow = await pool.start({ reviewMs: 1200 });
    const answer = await call(slow.url, "POST", "/v1/seedance2/private-avatar", { body: { url: `${fx.url}/good.png`, name: "a" } });
    const id = answer.json.data.id;
    const seen: number[] = [];
    for (;;) {
      const data = (await call(slow.url, "GET", `/v1/tasks/${id}`)).json.data;
      if (data.status !== "processing") {
        expect(data.status).toBe("completed");
        break;
      }
      seen.push(data.progress);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen[0]).toBeGreaterThanOrEqual(10);
    expect(seen.at(-1)!).toBeGreaterThan(seen[0]!);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("rejects a deterministic share of assets when rejectRate is set", async () => {
    const assets = Array.from({ length: 12 }, (_, i) => ({ url: `${fx.url}/good.png`, name: `avatar-${i}` }));
    const first = await pool.start({ rejectRate: 0.5, seed: "s1", reviewMs: 50 });
    const second = await pool.start({ rejectRate: 0.5, seed: "s1", reviewMs: 50 });
    const a = await review({ assets }, first);
    const b = await review({ assets }, second);
    const failedNames = (data: Record<string, any>) => data.result.failed_assets.map((x: { name: string }) => x.name);
    expect(failedNames(a)).toEqual(failedNames(b));
    expect(failedNames(a).length).toBeGreaterThan(0);
    expect(failedNames(a).length).toBeLessThan(12);
  });
});

describe("task lookup", () => {
  it("hides a task from other keys and unknown ids with 404", async () => {
    const answer = await call(sim.url, "POST", "/v1/seedance2/private-avatar", { body: { url: `${fx.url}/good.png`, name: "mine" } });
    const other = await call(sim.url, "GET", `/v1/tasks/${answer.json.data.id}`, { key: OTHER_KEY });
    expect(other.status).toBe(404);
    expect(other.json.error).toMatchObject({ type: "not_found_error", code: "task_not_found" });
    expect((await call(sim.url, "GET", "/v1/tasks/task_01K00000000000000000000000")).status).toBe(404);
  });

  it("speaks the requested language and refuses unknown ones", async () => {
    const answer = await call(sim.url, "POST", "/v1/seedance2/private-avatar", { body: { url: `${fx.url}/missing.png`, name: "x" } });
    const zh = await waitForTask(sim.url, answer.json.data.id, { language: "zh" });
    expect(zh.error.message).toBe("所有素材均未通过审核");
    const bad = await call(sim.url, "GET", `/v1/tasks/${answer.json.data.id}?language=fr`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.param).toBe("language");
  });
});
