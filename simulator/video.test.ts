import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeFile, runFfmpeg } from "./ffmpeg";
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
let tmp: string;
const asset: Record<string, string> = {};

async function approve(target: RunningSimulator, body: Record<string, unknown>, key?: string): Promise<string> {
  const answer = await call(target.url, "POST", "/v1/seedance2/private-avatar", { body, key });
  const data = await waitForTask(target.url, answer.json.data.id, { key });
  return data.result.asset_url ?? data.result.failed_assets[0].asset_id;
}

const generate = (body: unknown, options: { key?: string; target?: RunningSimulator; headers?: Record<string, string> } = {}) =>
  call((options.target ?? sim).url, "POST", "/v1/videos/generations", { body, key: options.key, headers: options.headers });

/** The colour in the middle of the frame at `second` of an MP4. */
async function centreColour(mp4: Buffer, second: number): Promise<{ r: number; g: number; b: number }> {
  const input = path.join(tmp, `in-${Math.random()}.mp4`);
  const frame = path.join(tmp, `frame-${Math.random()}.png`);
  await writeFile(input, mp4);
  const run = await runFfmpeg(["-y", "-ss", String(second), "-i", input, "-frames:v", "1", frame]);
  expect(run.code).toBe(0);
  const { data, info } = await sharp(frame).raw().toBuffer({ resolveWithObject: true });
  const offset = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return { r: data[offset]!, g: data[offset + 1]!, b: data[offset + 2]! };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "seedance-sim-video-test-"));
  sim = await pool.start({ reviewMs: 50, videoMs: 400, downloadTimeoutMs: 10_000 });
  fx = await startFixtureServer();
  fx.files.set("/red.png", { body: await makePng(600, 800, "#ff0000"), type: "image/png" });
  fx.files.set("/green.png", { body: await makePng(800, 600, "#00ff00"), type: "image/png" });
  fx.files.set("/clip.mp4", { body: await makeMp4(3, 1280, 720, 24), type: "video/mp4" });
  fx.files.set("/voice.wav", { body: makeWav(3), type: "audio/wav" });
  [asset.image, asset.video, asset.audio, asset.failed, asset.foreign] = await Promise.all([
    approve(sim, { url: `${fx.url}/red.png`, name: "red" }),
    approve(sim, { asset_type: "Video", url: `${fx.url}/clip.mp4`, name: "clip" }),
    approve(sim, { asset_type: "Audio", url: `${fx.url}/voice.wav`, name: "voice" }),
    approve(sim, { url: `${fx.url}/missing.png`, name: "missing" }),
    approve(sim, { url: `${fx.url}/red.png`, name: "theirs" }, OTHER_KEY),
  ]);
});
afterAll(async () => {
  await pool.closeAll();
  await fx.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("video generation", () => {
  it("renders a real MP4 showing the avatar, with thumbnail and last frame", async () => {
    const answer = await generate({
      model: "doubao-seedance-2.0",
      prompt: "The avatar waves at the camera",
      resolution: "480p",
      size: "9:16",
      duration: 5,
      return_last_frame: true,
      image_with_roles: [{ url: asset.image, role: "reference_image" }],
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toEqual({ code: 200, data: [{ status: "submitted", task_id: expect.stringMatching(/^task_[0-9A-Z]{26}$/) }] });
    const id = answer.json.data[0].task_id;
    const statuses = new Set<string>();
    const data = await waitForTask(sim.url, id, {
      until: (d) => {
        statuses.add(d.status);
        return d.status === "completed" || d.status === "failed";
      },
    });
    expect(statuses.has("pending") || statuses.has("processing")).toBe(true);
    expect(data.status).toBe("completed");
    const videoUrl = `${sim.url}/files/videos/${id}.mp4`;
    expect(data.result).toEqual({
      videos: [{ url: [videoUrl], expires_at: data.completed + 259200 }],
      thumbnail_url: `${sim.url}/files/videos/${id}.jpg`,
      images: [{ url: `${sim.url}/files/videos/${id}-last-frame.png` }],
    });

    const mp4 = await fetch(videoUrl);
    expect(mp4.status).toBe(200);
    expect(mp4.headers.get("content-type")).toBe("video/mp4");
    expect(mp4.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await mp4.arrayBuffer());
    const file = path.join(tmp, "result.mp4");
    await writeFile(file, bytes);
    const probe = await probeFile(file);
    expect(probe.video).toMatchObject({ codec: "h264", width: 480, height: 854, fps: 24 });
    expect(probe.durationSeconds).toBeGreaterThan(3.5);
    expect(probe.durationSeconds).toBeLessThan(4.5);
    expect(probe.audio?.codec).toBe("aac");
    const colour = await centreColour(bytes, 2);
    expect(colour.r).toBeGreaterThan(200);
    expect(colour.g).toBeLessThan(60);

    const thumb = await fetch(data.result.thumbnail_url);
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(480);
    const last = await fetch(data.result.images[0].url);
    expect(last.headers.get("content-type")).toBe("image/png");
  });

  it("serves byte ranges and HEAD", async () => {
    const answer = await generate({ prompt: "no references at all", duration: 4, generate_audio: false });
    const id = answer.json.data[0].task_id;
    const data = await waitForTask(sim.url, id);
    const url = data.result.videos[0].url[0];
    const full = Buffer.from(await (await fetch(url)).arrayBuffer());
    const part = await fetch(url, { headers: { range: "bytes=10-109" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-109/${full.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(full.subarray(10, 110));
    const suffix = await fetch(url, { headers: { range: "bytes=-50" } });
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(full.subarray(full.length - 50));
    const beyond = await fetch(url, { headers: { range: `bytes=${full.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${full.length}`);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(full.length));
    expect(data.result.images).toBeUndefined();
    expect((await fetch(`${sim.url}/files/videos/${id}-last-frame.png`)).status).toBe(404);
  });

  it("uses a plain image URL reference, and video and audio references", async () => {
    const plain = await generate({ prompt: "p", size: "adaptive", image_urls: [`${fx.url}/green.png`] });
    const mixed = await generate({
      prompt: "p",
      image_urls: ["ASSET://" + asset.image!.slice("asset://".length)],
      video_urls: [asset.video],
      audio_urls: [asset.audio],
    });
    expect(mixed.status, mixed.text).toBe(200);
    const [a, b] = await Promise.all([waitForTask(sim.url, plain.json.data[0].task_id), waitForTask(sim.url, mixed.json.data[0].task_id)]);
    expect(a.status).toBe("completed");
    expect(b.status).toBe("completed");
    const bytes = Buffer.from(await (await fetch(a.result.videos[0].url[0])).arrayBuffer());
    const file = path.join(tmp, "adaptive.mp4");
    await writeFile(file, bytes);
    expect((await probeFile(file)).video).toMatchObject({ width: 960, height: 720 });
    expect((await centreColour(bytes, 2)).g).toBeGreaterThan(200);
  });

  it("can render VP9 with Opus in MP4 instead of H.264", async () => {
    const vp9 = await pool.start({ videoMs: 100, videoCodec: "vp9" });
    const answer = await generate({ prompt: "vp9", duration: 4, image_urls: [`${fx.url}/red.png`] }, { target: vp9 });
    const data = await waitForTask(vp9.url, answer.json.data[0].task_id);
    const file = path.join(tmp, "vp9.mp4");
    await writeFile(file, Buffer.from(await (await fetch(data.result.videos[0].url[0])).arrayBuffer()));
    const probe = await probeFile(file);
    expect(probe.video?.codec).toBe("vp9");
    expect(probe.audio?.codec).toBe("opus");
  });

  it("fails a generation whose prompt asks for a real person", async () => {
    const answer = await generate({ prompt: "a real-person lookalike", image_urls: [asset.image] });
    const data = await waitForTask(sim.url, answer.json.data[0].task_id);
    expect(data.status).toBe("failed");
    expect(data.error.message).toMatch(/may contain a real person/);
    expect(data.result).toBeUndefined();
  });

  it("honours Idempotency-Key", async () => {
    const headers = { "idempotency-key": "video-1" };
    const first = await generate({ prompt: "once" }, { headers });
    const second = await generate({ prompt: "once" }, { headers });
    expect(second.text).toBe(first.text);
  });

  const refs = (n: number, url: string) => Array.from({ length: n }, () => url);
  const cases: [string, () => Record<string, unknown>, string][] = [
    ["no prompt and no reference", () => ({ duration: 5 }), "prompt"],
    ["a prompt over 4000", () => ({ prompt: "p".repeat(4001) }), "prompt"],
    ["a duration under 4", () => ({ prompt: "p", duration: 3 }), "duration"],
    ["a duration over 15", () => ({ prompt: "p", duration: 16 }), "duration"],
    ["a fractional duration", () => ({ prompt: "p", duration: 5.5 }), "duration"],
    ["an unknown size", () => ({ prompt: "p", size: "2:1" }), "size"],
    ["an unknown resolution", () => ({ prompt: "p", resolution: "4k" }), "resolution"],
    ["a non-boolean generate_audio", () => ({ prompt: "p", generate_audio: "yes" }), "generate_audio"],
    ["10 image_urls", () => ({ prompt: "p", image_urls: refs(10, asset.image!) }), "image_urls"],
    [
      "image_urls with image_with_roles",
      () => ({ prompt: "p", image_urls: [asset.image], image_with_roles: [{ url: asset.image, role: "reference_image" }] }),
      "image_with_roles",
    ],
    ["an unknown role", () => ({ prompt: "p", image_with_roles: [{ url: asset.image, role: "face" }] }), "image_with_roles[0].role"],
    ["4 video_urls", () => ({ prompt: "p", video_urls: refs(4, asset.video!) }), "video_urls"],
    ["4 audio_urls", () => ({ prompt: "p", image_urls: [asset.image], audio_urls: refs(4, asset.audio!) }), "audio_urls"],
    ["audio without an image or video", () => ({ prompt: "p", audio_urls: [asset.audio] }), "audio_urls"],
    [
      "a first frame with a video",
      () => ({ prompt: "p", image_with_roles: [{ url: asset.image, role: "first_frame" }], video_urls: [asset.video] }),
      "image_with_roles",
    ],
    [
      "a last frame with audio",
      () => ({ prompt: "p", image_with_roles: [{ url: asset.image, role: "last_frame" }], audio_urls: [asset.audio] }),
      "image_with_roles",
    ],
    [
      "13 references",
      () => ({ prompt: "p", image_urls: refs(9, asset.image!), video_urls: refs(3, asset.video!), audio_urls: [asset.audio] }),
      "image_urls",
    ],
    ["an asset that does not exist", () => ({ prompt: "p", image_urls: ["asset://asset-20260101000000-zzzzz"] }), "image_urls[0]"],
    ["another key's asset", () => ({ prompt: "p", image_urls: [asset.foreign] }), "image_urls[0]"],
    ["a failed asset", () => ({ prompt: "p", image_urls: [`asset://${asset.failed}`] }), "image_urls[0]"],
    ["an image asset as a video", () => ({ prompt: "p", video_urls: [asset.image] }), "video_urls[0]"],
    ["a data: URI", () => ({ prompt: "p", image_urls: ["data:image/png;base64,AAAA"] }), "image_urls[0]"],
  ];
  it.each(cases)("refuses %s with 400", async (_label, body, param) => {
    const answer = await generate(body());
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json.error.param).toBe(param);
  });

  it("refuses an asset whose review is still running, and accepts it once Active", async () => {
    const slow = await pool.start({ reviewMs: 60_000 });
    const submitted = await call(slow.url, "POST", "/v1/seedance2/private-avatar", { body: { url: `${fx.url}/red.png`, name: "wait" } });
    const tasks = await call(slow.url, "GET", "/_admin/tasks", { key: null });
    const listed = tasks.json.tasks.find((t: { id: string }) => t.id === submitted.json.data.id);
    expect(listed.assets).toEqual([{ id: expect.stringMatching(/^asset-/), name: "wait", status: "Processing" }]);
    const assetUrl = `asset://${listed.assets[0].id}`;
    const refused = await generate({ prompt: "p", image_urls: [assetUrl] }, { target: slow });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain("is not Active (its status is Processing)");
    await call(slow.url, "POST", "/_admin/clock", { key: null, body: { advanceSeconds: 61 } });
    const done = await waitForTask(slow.url, submitted.json.data.id);
    expect(done.result.asset_url).toBe(assetUrl);
    expect((await generate({ prompt: "p", image_urls: [assetUrl] }, { target: slow })).status).toBe(200);
  });
});

describe("link expiry", () => {
  it("answers 404 for a video link once the clock passes expires_at", async () => {
    const short = await pool.start({ videoMs: 100, videoTtlSeconds: 3600 });
    const answer = await generate({ prompt: "expiring", duration: 4 }, { target: short });
    const data = await waitForTask(short.url, answer.json.data[0].task_id);
    const url = data.result.videos[0].url[0];
    expect(data.result.videos[0].expires_at).toBe(data.completed + 3600);
    expect((await fetch(url)).status).toBe(200);
    const clock = await call(short.url, "POST", "/_admin/clock", { key: null, body: { advanceSeconds: 1800 } });
    expect(clock.json.offset_seconds).toBe(1800);
    expect((await fetch(url)).status).toBe(200);
    await call(short.url, "POST", "/_admin/clock", { key: null, body: { advanceSeconds: 1801 } });
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe("file_expired");
    expect((await fetch(data.result.thumbnail_url)).status).toBe(404);
    // The task itself is still there for 7 days, then it is gone too.
    expect((await call(short.url, "GET", `/v1/tasks/${data.id}`)).json.data.status).toBe("completed");
    await call(short.url, "POST", "/_admin/clock", { key: null, body: { advanceSeconds: 7 * 86400 } });
    expect((await call(short.url, "GET", `/v1/tasks/${data.id}`)).status).toBe(404);
  });
});
