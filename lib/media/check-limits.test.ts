import { describe, expect, it } from "vitest";
import { checkLimits, type MediaFacts } from "@/lib/media/check-limits";
import { formatMegabytes } from "@/lib/media/describe-media";
import { BYTES_PER_MB } from "@/lib/media/limits";

const MB = BYTES_PER_MB;

const image = (over: Partial<MediaFacts> = {}): MediaFacts => ({
  type: "IMAGE",
  format: "png",
  sizeBytes: 1 * MB,
  width: 1000,
  height: 1000,
  ...over,
});
const video = (over: Partial<MediaFacts> = {}): MediaFacts => ({
  type: "VIDEO",
  format: "mp4",
  sizeBytes: 10 * MB,
  width: 1280,
  height: 720,
  durationMs: 5000,
  fps: 30,
  ...over,
});
const audio = (over: Partial<MediaFacts> = {}): MediaFacts => ({
  type: "AUDIO",
  format: "mp3",
  sizeBytes: 1 * MB,
  durationMs: 5000,
  ...over,
});

const codes = (facts: MediaFacts, complete = false) => checkLimits(facts, { complete }).map((v) => v.code);

describe("checkLimits: images", () => {
  it("accepts a file inside every limit", () => {
    expect(checkLimits(image())).toEqual([]);
  });

  it("accepts every image format and refuses others", () => {
    for (const format of ["jpeg", "png", "webp", "bmp", "tiff", "gif", "heic", "heif"] as const) {
      expect(codes(image({ format }))).toEqual([]);
    }
    expect(codes(image({ format: null }))).toEqual(["FORMAT_NOT_ACCEPTED"]);
    const [mismatch] = checkLimits(image({ format: "mp4" }));
    expect(mismatch?.message).toBe(
      "MP4 is not accepted for images. Images must be JPEG, PNG, WebP, BMP, TIFF, GIF, HEIC or HEIF.",
    );
  });

  it("checks each side is 300–6000 px, both bounds allowed", () => {
    expect(codes(image({ width: 300, height: 300 }))).toEqual([]);
    expect(codes(image({ width: 6000, height: 6000 }))).toEqual([]);
    expect(codes(image({ width: 299, height: 300 }))).toEqual(["IMAGE_SIDE_OUT_OF_RANGE"]);
    expect(codes(image({ width: 300, height: 299 }))).toEqual(["IMAGE_SIDE_OUT_OF_RANGE"]);
    expect(codes(image({ width: 6001, height: 6000 }))).toEqual(["IMAGE_SIDE_OUT_OF_RANGE"]);
    expect(codes(image({ width: 6000, height: 6001 }))).toEqual(["IMAGE_SIDE_OUT_OF_RANGE"]);
    expect(checkLimits(image({ width: 100, height: 100 }))).toEqual([
      expect.objectContaining({ code: "IMAGE_SIDE_OUT_OF_RANGE", message: "The image is 100×100 px; each side must be 300–6000 px." }),
    ]);
  });

  it("checks the width/height ratio is 0.4–2.5, both bounds allowed", () => {
    expect(codes(image({ width: 400, height: 1000 }))).toEqual([]);
    expect(codes(image({ width: 2500, height: 1000 }))).toEqual([]);
    expect(codes(image({ width: 399, height: 1000 }))).toEqual(["IMAGE_RATIO_OUT_OF_RANGE"]);
    expect(codes(image({ width: 2501, height: 1000 }))).toEqual(["IMAGE_RATIO_OUT_OF_RANGE"]);
    expect(checkLimits(image({ width: 3000, height: 1000 }))[0]?.message).toBe(
      "The image is 3000×1000 px, a width-to-height ratio of 3; the ratio must be 0.4–2.5.",
    );
  });

  it("reports a too-small, too-narrow image for both reasons", () => {
    expect(codes(image({ width: 100, height: 1000 }))).toEqual(["IMAGE_SIDE_OUT_OF_RANGE", "IMAGE_RATIO_OUT_OF_RANGE"]);
  });

  it("checks the size is under 30 MB", () => {
    expect(codes(image({ sizeBytes: 30 * MB - 1 }))).toEqual([]);
    expect(codes(image({ sizeBytes: 30 * MB }))).toEqual(["FILE_TOO_LARGE"]);
    expect(checkLimits(image({ sizeBytes: 31_200_000 }))[0]?.message).toBe("The image is 31.2 MB; it must be under 30 MB.");
    expect(checkLimits(image({ sizeBytes: 30 * MB }))[0]?.message).toBe("The image is 30 MB; it must be under 30 MB.");
  });

  it("refuses an empty file with one plain reason", () => {
    expect(checkLimits(image({ sizeBytes: 0 }))).toEqual([expect.objectContaining({ code: "EMPTY_FILE", message: "The file is empty." })]);
  });

  it("leaves unknown dimensions alone unless the facts are complete", () => {
    expect(codes(image({ width: null, height: null }))).toEqual([]);
    expect(codes(image({ width: null, height: null }), true)).toEqual(["UNKNOWN_DIMENSIONS"]);
  });
});

describe("checkLimits: videos", () => {
  it("accepts a file inside every limit, landscape or portrait, 480p or 720p", () => {
    expect(codes(video())).toEqual([]);
    expect(codes(video({ width: 720, height: 1280 }))).toEqual([]);
    expect(codes(video({ width: 854, height: 480 }))).toEqual([]);
    expect(codes(video({ width: 480, height: 480, format: "mov" }))).toEqual([]);
  });

  it("checks the duration is 2–15 s, both bounds allowed", () => {
    expect(codes(video({ durationMs: 2000 }))).toEqual([]);
    expect(codes(video({ durationMs: 15000 }))).toEqual([]);
    expect(codes(video({ durationMs: 1999 }))).toEqual(["DURATION_OUT_OF_RANGE"]);
    expect(codes(video({ durationMs: 15001 }))).toEqual(["DURATION_OUT_OF_RANGE"]);
    expect(checkLimits(video({ durationMs: 1500 }))[0]?.message).toBe("The video is 1.5 s long; it must be 2–15 s.");
  });

  it("checks the frame rate is 24–60 fps, both bounds allowed", () => {
    expect(codes(video({ fps: 24 }))).toEqual([]);
    expect(codes(video({ fps: 60 }))).toEqual([]);
    expect(codes(video({ fps: 23.976 }))).toEqual(["FPS_OUT_OF_RANGE"]);
    expect(codes(video({ fps: 60.1 }))).toEqual(["FPS_OUT_OF_RANGE"]);
    expect(checkLimits(video({ fps: 23.976 }))[0]?.message).toBe(
      "The video runs at 23.976 frames per second; it must be 24–60 fps.",
    );
  });

  it("checks the shorter side is exactly 480 or 720 px", () => {
    expect(codes(video({ width: 1920, height: 1080 }))).toEqual(["VIDEO_RESOLUTION_NOT_ACCEPTED"]);
    expect(codes(video({ width: 640, height: 360 }))).toEqual(["VIDEO_RESOLUTION_NOT_ACCEPTED"]);
    expect(codes(video({ width: 1280, height: 721 }))).toEqual(["VIDEO_RESOLUTION_NOT_ACCEPTED"]);
    expect(checkLimits(video({ width: 1920, height: 1080 }))[0]?.message).toBe(
      "The video is 1920×1080 px; it must be 480p or 720p, that is, its shorter side must be 480 or 720 px.",
    );
  });

  it("caps the longer side, so a 720 × 16000 frame is refused from its header", () => {
    expect(codes(video({ width: 720, height: 16000 }))).toEqual(["VIDEO_SIDE_TOO_LONG"]);
    expect(codes(video({ width: 2560, height: 720 }))).toEqual([]);
    expect(checkLimits(video({ width: 720, height: 16000 }))[0]?.message).toBe("The video is 720×16000 px; its longer side may be at most 2560 px.");
  });

  it("checks the size is 50 MB or less", () => {
    expect(codes(video({ sizeBytes: 50 * MB }))).toEqual([]);
    expect(codes(video({ sizeBytes: 50 * MB + 1 }))).toEqual(["FILE_TOO_LARGE"]);
    expect(checkLimits(video({ sizeBytes: 50 * MB + 1 }))[0]?.message).toBe(
      "The video is 50.000001 MB; it must be 50 MB or less.",
    );
  });

  it("accepts only MP4 and MOV", () => {
    expect(codes(video({ format: "mov" }))).toEqual([]);
    expect(checkLimits(video({ format: null }))[0]?.message).toBe(
      "This file's format is not accepted for videos. Videos must be MP4 or MOV.",
    );
  });

  it("asks for duration, frame rate and dimensions only when the facts are complete", () => {
    const unknown = video({ durationMs: null, fps: null, width: null, height: null });
    expect(codes(unknown)).toEqual([]);
    expect(codes(unknown, true)).toEqual(["UNKNOWN_DURATION", "UNKNOWN_FPS", "UNKNOWN_DIMENSIONS"]);
  });
});

describe("checkLimits: audio", () => {
  it("accepts WAV and MP3 inside the limits", () => {
    expect(codes(audio())).toEqual([]);
    expect(codes(audio({ format: "wav" }))).toEqual([]);
    expect(codes(audio({ format: "png" }))).toEqual(["FORMAT_NOT_ACCEPTED"]);
  });

  it("checks the duration is 2–15 s, both bounds allowed", () => {
    expect(codes(audio({ durationMs: 2000 }))).toEqual([]);
    expect(codes(audio({ durationMs: 15000 }))).toEqual([]);
    expect(codes(audio({ durationMs: 1999 }))).toEqual(["DURATION_OUT_OF_RANGE"]);
    expect(codes(audio({ durationMs: 15001 }))).toEqual(["DURATION_OUT_OF_RANGE"]);
    expect(checkLimits(audio({ durationMs: 20_000 }))[0]?.message).toBe(
      "The audio file is 20 s long; it must be 2–15 s.",
    );
  });

  it("checks the size is 15 MB or less", () => {
    expect(codes(audio({ sizeBytes: 15 * MB }))).toEqual([]);
    expect(codes(audio({ sizeBytes: 15 * MB + 1 }))).toEqual(["FILE_TOO_LARGE"]);
  });

  it("asks for the duration only when the facts are complete", () => {
    expect(codes(audio({ durationMs: null }))).toEqual([]);
    expect(codes(audio({ durationMs: null }), true)).toEqual(["UNKNOWN_DURATION"]);
    expect(checkLimits(audio({ durationMs: null }), { complete: true })[0]?.message).toBe(
      "The audio file's length could not be read.",
    );
  });
});

describe("formatMegabytes", () => {
  it("rounds to one decimal unless that hides the difference from the limit", () => {
    expect(formatMegabytes(12_345_678)).toBe("12.3 MB");
    expect(formatMegabytes(30_000_001, 30)).toBe("30.000001 MB");
    expect(formatMegabytes(30_040_000, 30)).toBe("30.04 MB");
  });
});
