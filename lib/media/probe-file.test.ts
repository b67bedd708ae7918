import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLimits } from "@/lib/media/check-limits";
import { heifSizeFromMeta } from "@/lib/media/read-heif-size";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/load-messages";
import { violationSentence, type LimitViolation } from "@/lib/media/limit-violation";
import { probeFile } from "@/lib/media/probe-file";
import { makeHeicContainer, makeMp3, makePng, makeVideo, makeWav, writeBytes } from "@/lib/media/test-media";

let dir: string;

type Translate = (key: string, values?: Record<string, string | number>) => string;
let english: Translate;
let chinese: Translate;

/** probeFile, checking that a refusal's catalogue sentence says in English what its message says. */
async function probe(...args: Parameters<typeof probeFile>) {
  const result = await probeFile(...args);
  if (!result.ok) expectWords(result.violation);
  return result;
}

function expectWords(v: LimitViolation) {
  const s = violationSentence(v);
  expect(v.key).toBeDefined();
  expect(english(s.key, s.values)).toBe(v.message);
  expect(chinese(s.key, s.values)).not.toBe(v.message);
}
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-probe-"));
  english = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
  chinese = createTranslator({ locale: "zh", messages: await loadMessages("zh") }) as unknown as Translate;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("probeFile: images", () => {
  it("reads a PNG's format and size", async () => {
    const file = await writeBytes(at("a.png"), makePng(800, 600));
    const result = await probe(file);
    expect(result).toEqual({
      ok: true,
      media: expect.objectContaining({ type: "IMAGE", format: "png", mimeType: "image/png", extension: "png", width: 800, height: 600, durationMs: null, fps: null }),
    });
  });

  it("goes by the bytes, not the name", async () => {
    const jpeg = await sharp({ create: { width: 400, height: 500, channels: 3, background: "#333" } }).jpeg().toBuffer();
    const result = await probe(await writeBytes(at("really-a-jpeg.png"), jpeg), { claimedType: "IMAGE" });
    expect(result.ok && result.media.format).toBe("jpeg");
  });

  it("reports the upright size of an image with an EXIF rotation", async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#333" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const result = await probe(await writeBytes(at("rotated.jpg"), jpeg));
    expect(result.ok && [result.media.width, result.media.height]).toEqual([600, 1200]);
  });

  it("refuses a text file named .png as not a real image", async () => {
    const file = await writeBytes(at("notes.png"), "These are my notes, not a picture.\n".repeat(20));
    expect(await probe(file, { claimedType: "IMAGE" })).toEqual({
      ok: false,
      violation: expect.objectContaining({
        code: "NOT_REAL_MEDIA",
        message: "The file is not a real image: its contents are not in any accepted format (JPEG, PNG, WebP, BMP, TIFF, GIF, HEIC or HEIF).",
      }),
    });
    const unclaimed = await probe(file);
    expect(!unclaimed.ok && unclaimed.violation.message).toBe(
      "The file is not a real image, video or audio file: its contents are not in any accepted format.",
    );
  });

  it("names what another kind of file really is", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);
    const result = await probe(await writeBytes(at("photo.jpg"), zip), { claimedType: "IMAGE" });
    expect(!result.ok && result.violation).toMatchObject({ code: "NOT_REAL_MEDIA", message: "The file is not a real image: its contents are a ZIP file." });
  });

  it("refuses image formats the provider does not take", async () => {
    const avif = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#333" } }).avif().toBuffer();
    const result = await probe(await writeBytes(at("a.avif"), avif), { claimedType: "IMAGE" });
    expect(!result.ok && result.violation).toMatchObject({
      code: "FORMAT_NOT_ACCEPTED",
      message: "AVIF files are not accepted. Images must be JPEG, PNG, WebP, BMP, TIFF, GIF, HEIC or HEIF.",
    });
  });

  it("refuses an empty file", async () => {
    const result = await probe(await writeBytes(at("empty.png"), ""));
    expect(!result.ok && result.violation.code).toBe("EMPTY_FILE");
  });

  it("reads a HEIC photo's size from its container, turned upright", async () => {
    const upright = await probe(await writeBytes(at("photo.heic"), makeHeicContainer(4032, 3024)));
    expect(upright).toEqual({
      ok: true,
      media: expect.objectContaining({ type: "IMAGE", format: "heic", mimeType: "image/heic", width: 4032, height: 3024 }),
    });
    const turned = await probe(await writeBytes(at("turned.heic"), makeHeicContainer(4032, 3024, true)));
    expect(turned.ok && [turned.media.width, turned.media.height]).toEqual([3024, 4032]);
  });

  it("refuses a HEIC file whose size cannot be read", async () => {
    const broken = makeHeicContainer(4032, 3024).subarray(0, 40);
    const result = await probe(await writeBytes(at("broken.heic"), broken));
    expect(!result.ok && result.violation.code).toBe("DAMAGED_FILE");
  });

  it("reads ispe without associations as the largest extent", () => {
    const meta = makeHeicContainer(2000, 1000);
    // Drop pitm by renaming it: the parser must fall back to the largest extent.
    const renamed = Buffer.from(meta);
    renamed.write("xxxx", renamed.indexOf("pitm"), "latin1");
    const metaStart = renamed.indexOf("meta") + 4;
    expect(heifSizeFromMeta(renamed.subarray(metaStart))).toEqual({ width: 2000, height: 1000 });
  });
});

describe("probeFile: audio", () => {
  it("reads a hand-written WAV's duration", async () => {
    const result = await probe(await writeBytes(at("voice.wav"), makeWav(3.5)));
    expect(result).toEqual({
      ok: true,
      media: expect.objectContaining({ type: "AUDIO", format: "wav", mimeType: "audio/wav", durationMs: 3500, width: null, fps: null }),
    });
  });

  it("reads an MP3's duration and lets checkLimits refuse a long one", async () => {
    await makeMp3(at("long.mp3"), 16);
    const result = await probe(at("long.mp3"));
    if (!result.ok) throw new Error(result.violation.message);
    expect(result.media.format).toBe("mp3");
    expect(result.media.durationMs).toBeGreaterThan(15_500);
    expect(checkLimits(result.media, { complete: true }).map((v) => v.code)).toEqual(["DURATION_OUT_OF_RANGE"]);
  });
});

describe("probeFile: video", () => {
  it("reads an MP4's picture size, frame rate and duration", async () => {
    await makeVideo(at("clip.mp4"), { width: 1280, height: 720, fps: "30", seconds: 3, audio: true });
    const result = await probe(at("clip.mp4"), { claimedType: "VIDEO" });
    if (!result.ok) throw new Error(result.violation.message);
    expect(result.media).toMatchObject({ type: "VIDEO", format: "mp4", mimeType: "video/mp4", width: 1280, height: 720, fps: 30 });
    expect(result.media.durationMs).toBeGreaterThanOrEqual(2900);
    expect(result.media.durationMs).toBeLessThanOrEqual(3100);
    expect(checkLimits(result.media, { complete: true })).toEqual([]);
  });

  it("reads a MOV and leaves 1080p at 23.98 fps to checkLimits to refuse", async () => {
    await makeVideo(at("clip.mov"), { width: 1920, height: 1080, fps: "24000/1001", seconds: 2.5, format: "mov" });
    const result = await probe(at("clip.mov"));
    if (!result.ok) throw new Error(result.violation.message);
    expect(result.media).toMatchObject({ format: "mov", mimeType: "video/quicktime", width: 1920, height: 1080, fps: 23.98 });
    expect(checkLimits(result.media, { complete: true }).map((v) => v.code)).toEqual(["FPS_OUT_OF_RANGE", "VIDEO_RESOLUTION_NOT_ACCEPTED"]);
  });

  it("refuses a damaged video", async () => {
    const head = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom", "latin1"), Buffer.alloc(100, 7)]);
    await writeFile(at("broken.mp4"), head);
    const result = await probe(at("broken.mp4"));
    expect(!result.ok && result.violation.code).toBe("DAMAGED_FILE");
  });
});
