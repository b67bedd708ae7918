import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeThumbnail } from "@/lib/media/make-thumbnail";
import { makePng, makeVideo, makeWav, writeBytes } from "@/lib/media/test-media";

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-thumb-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("makeThumbnail", () => {
  it("shrinks an image to a WebP of at most 320 px", async () => {
    const file = await writeBytes(at("big.png"), makePng(1600, 900));
    const thumb = await makeThumbnail(file, { type: "IMAGE", durationMs: null });
    const meta = await sharp(thumb!).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 320, height: 180 });
  });

  it("does not enlarge a small image", async () => {
    const file = await writeBytes(at("small.png"), makePng(300, 310));
    const meta = await sharp((await makeThumbnail(file, { type: "IMAGE", durationMs: null }))!).metadata();
    expect([meta.width, meta.height]).toEqual([300, 310]);
  });

  it("takes a frame from a video", async () => {
    await makeVideo(at("clip.mp4"), { width: 720, height: 1280, fps: "25", seconds: 2 });
    const thumb = await makeThumbnail(at("clip.mp4"), { type: "VIDEO", durationMs: 2000 });
    const meta = await sharp(thumb!).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 180, height: 320 });
  });

  it("makes none for audio", async () => {
    const file = await writeBytes(at("a.wav"), makeWav(2));
    expect(await makeThumbnail(file, { type: "AUDIO", durationMs: 2000 })).toBeNull();
  });

  it("throws on a damaged image", async () => {
    const png = makePng(800, 800, 7);
    const file = await writeBytes(at("cut.png"), png.subarray(0, Math.floor(png.length / 2)));
    await expect(makeThumbnail(file, { type: "IMAGE", durationMs: null })).rejects.toThrow();
  });
});
