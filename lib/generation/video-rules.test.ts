import { describe, expect, it } from "vitest";
import { type RuleId, type RuleInput, checkVideoRules, describeReferenceCounts } from "@/lib/generation/video-rules";

type Ref = RuleInput["references"][number];
const img = (role: Ref["role"] = "reference_image", id?: string): Ref => ({ type: "IMAGE", role, assetId: id });
const vid = (durationMs: number | null = 5_000): Ref => ({ type: "VIDEO", role: "reference_video", durationMs });
const aud = (durationMs: number | null = 5_000): Ref => ({ type: "AUDIO", role: "reference_audio", durationMs });
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

const cases: { name: string; prompt?: string; refs: Ref[]; broken: RuleId[] }[] = [
  // Valid
  { name: "one avatar as reference image", refs: [img()], broken: [] },
  { name: "a prompt alone", prompt: "A sunrise", refs: [], broken: [] },
  { name: "9 images, 3 videos... (12 in all with 0 audio)", refs: [...times(9, () => img()), ...times(3, () => vid(4_000))], broken: [] },
  { name: "images, videos and audio together", refs: [img(), img(), vid(3_000), aud(3_000)], broken: [] },
  { name: "audio with a video only", refs: [vid(), aud()], broken: [] },
  { name: "first frame alone", refs: [img("first_frame")], broken: [] },
  { name: "first and last frame", refs: [img("first_frame"), img("last_frame")], broken: [] },
  { name: "videos totalling exactly 15 s", refs: [vid(5_000), vid(5_000), vid(5_000)], broken: [] },
  { name: "video lengths unknown are not judged", refs: [vid(null), vid(null)], broken: [] },
  { name: "audio totalling exactly 15 s", refs: [img(), aud(10_000), aud(5_000)], broken: [] },
  { name: "a prompt of 4000 characters", prompt: "x".repeat(4000), refs: [img()], broken: [] },
  // Invalid
  { name: "nothing at all", prompt: "   ", refs: [], broken: ["prompt-or-reference"] },
  { name: "a prompt of 4001 characters", prompt: "x".repeat(4001), refs: [img()], broken: ["prompt-too-long"] },
  { name: "10 images", refs: times(10, () => img()), broken: ["too-many-images"] },
  { name: "4 videos", refs: [img(), ...times(4, () => vid(3_000))], broken: ["too-many-videos"] },
  { name: "4 audio clips", refs: [img(), ...times(4, () => aud(3_000))], broken: ["too-many-audios"] },
  { name: "13 references", refs: [...times(9, () => img()), ...times(3, () => vid(4_000)), aud(2_000)], broken: ["too-many-references"] },
  { name: "audio alone", refs: [aud()], broken: ["audio-needs-visual"] },
  { name: "first frame with audio", refs: [img("first_frame"), aud()], broken: ["frames-with-video-or-audio"] },
  { name: "last frame with a video", refs: [img("first_frame"), img("last_frame"), vid()], broken: ["frames-with-video-or-audio"] },
  { name: "first frame with a reference image", refs: [img("first_frame"), img()], broken: ["frames-with-reference-images"] },
  { name: "two first frames", refs: [img("first_frame"), img("first_frame")], broken: ["one-first-frame"] },
  { name: "two last frames", refs: [img("first_frame"), img("last_frame"), img("last_frame")], broken: ["one-last-frame"] },
  { name: "a last frame without a first frame", refs: [img("last_frame")], broken: ["last-frame-needs-first"] },
  { name: "videos shorter than 2 s in all", refs: [vid(1_500)], broken: ["video-too-short"] },
  { name: "videos longer than 15 s in all", refs: [vid(8_000), vid(8_000)], broken: ["video-too-long"] },
  { name: "audio longer than 15 s in all", refs: [img(), aud(10_000), aud(6_000)], broken: ["audio-too-long"] },
  { name: "a video given an image role", refs: [img(), { type: "VIDEO", role: "first_frame", durationMs: 3_000 }], broken: ["wrong-role"] },
  { name: "an image given the audio role", refs: [{ type: "IMAGE", role: "reference_audio" }], broken: ["wrong-role"] },
  { name: "the same asset twice", refs: [img("reference_image", "a1"), img("reference_image", "a1")], broken: ["duplicate"] },
  {
    name: "several rules at once",
    prompt: "",
    refs: [img("last_frame"), aud(20_000)],
    broken: ["frames-with-video-or-audio", "last-frame-needs-first", "audio-too-long"],
  },
];

describe("checkVideoRules", () => {
  it.each(cases)("$name", ({ prompt = "Wave at the camera", refs, broken }) => {
    const violations = checkVideoRules({ prompt, references: refs });
    expect(violations.map((v) => v.rule).sort()).toEqual([...broken].sort());
    for (const v of violations) expect(v.message).toMatch(/^[A-Z].+\.$/);
  });

  it("says why first frame and audio cannot go together", () => {
    const [violation] = checkVideoRules({ prompt: "", references: [img("first_frame"), aud()] });
    expect(violation?.message).toContain("can't be combined with video or audio");
  });
});

describe("describeReferenceCounts", () => {
  it("counts by kind", () => {
    expect(describeReferenceCounts([img(), img(), aud()])).toBe("2 images, 1 audio clip");
    expect(describeReferenceCounts([])).toBe("no references");
  });
});
