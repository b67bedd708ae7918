import { describe, expect, it } from "vitest";
import { videoParamsSchema, videoRequestSchema } from "@/lib/generation/video-request-schema";
import { type VideoParamsInput, providerDefaultParams, videoParamProblems } from "@/lib/generation/video-rules";

describe("videoRequestSchema", () => {
  const base = {
    model: "doubao-seedance-2.0",
    prompt: "The avatar waves",
    references: [{ assetId: "a1", type: "IMAGE", role: "reference_image" }],
    duration: 5,
    aspectRatio: "16:9",
    resolution: "720p",
    generateAudio: true,
    seed: null,
    returnLastFrame: false,
  };

  it("accepts a valid request", () => {
    expect(videoRequestSchema.safeParse(base).success).toBe(true);
  });

  it.each([
    ["duration 3", { duration: 3 }, "duration"],
    ["duration 16", { duration: 16 }, "duration"],
    ["duration 5.5", { duration: 5.5 }, "duration"],
    ["an unknown aspect ratio", { aspectRatio: "2:1" }, "aspectRatio"],
    ["an unknown resolution", { resolution: "4k" }, "resolution"],
    ["a seed too large", { seed: 4_294_967_296 }, "seed"],
    ["no model", { model: " " }, "model"],
    ["first frame with audio", { references: [{ assetId: "a1", type: "IMAGE", role: "first_frame" }, { assetId: "a2", type: "AUDIO", role: "reference_audio" }] }, "references"],
  ])("refuses %s", (_name, change, path) => {
    const result = videoRequestSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(path);
  });
});

describe("videoParamProblems (the Generate form's check, without the validation library)", () => {
  const changes: Partial<VideoParamsInput>[] = [
    {},
    { duration: 4 },
    { duration: 15 },
    { duration: 3 },
    { duration: 16 },
    { duration: 5.5 },
    { duration: 3.5 },
    { duration: Number.NaN },
    { duration: Number.POSITIVE_INFINITY },
    { duration: 2 ** 53 },
    { aspectRatio: "adaptive" },
    { aspectRatio: "2:1" },
    { aspectRatio: "" },
    { resolution: "1080p" },
    { resolution: "4k" },
    { seed: null },
    { seed: -1 },
    { seed: 0 },
    { seed: 4_294_967_295 },
    { seed: 4_294_967_296 },
    { seed: -2 },
    { seed: 1.5 },
    { seed: -1.5 },
    { seed: Number.NaN },
    { seed: Number.NEGATIVE_INFINITY },
    { seed: 2 ** 60 },
    { duration: 0.5, aspectRatio: "x", resolution: "y", seed: Number.NaN },
  ];

  it.each(changes.map((change) => [JSON.stringify(change, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)), change] as const))(
    "finds what the server's schema finds: %s",
    (_name, change) => {
      const params = { ...providerDefaultParams, ...change };
      const bySchema = videoParamsSchema.safeParse(params).error?.issues.map((i) => i.message) ?? [];
      expect(videoParamProblems(params)).toEqual(bySchema);
    },
  );

  it("names the problems with catalogue keys", () => {
    expect(videoParamProblems(providerDefaultParams)).toEqual([]);
    expect(videoParamProblems({ ...providerDefaultParams, duration: 3.5 })).toEqual(["validation.videoDurationWhole"]);
    expect(videoParamProblems({ ...providerDefaultParams, duration: 16, resolution: "4k" })).toEqual(["validation.videoDurationRange", "validation.videoResolutionRequired"]);
    expect(videoParamProblems({ ...providerDefaultParams, seed: Number.NaN })).toEqual(["validation.videoSeedWhole"]);
  });
});
