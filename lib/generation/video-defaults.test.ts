import { describe, expect, it } from "vitest";
import { explainVideoFailure } from "@/lib/generation/explain-video-failure";
import { describeStored } from "@/lib/i18n/sentence-in";
import { fallbackPrompt, pickModel, readVideoDefaults } from "@/lib/generation/video-defaults";
import { providerDefaultParams } from "@/lib/generation/video-rules";

describe("one-click defaults", () => {
  it("fall back to the provider's defaults and the built-in prompt when unset", () => {
    expect(readVideoDefaults(null, null)).toEqual({ ...providerDefaultParams, model: null, prompt: fallbackPrompt });
    expect(readVideoDefaults({}, "   ").prompt).toBe(fallbackPrompt);
  });

  it("keep every good field and drop only the bad ones", () => {
    const read = readVideoDefaults({ duration: 30, aspectRatio: "9:16", resolution: "4k", generateAudio: false, seed: 7, model: "m2" }, "Hello");
    expect(read).toEqual({ ...providerDefaultParams, aspectRatio: "9:16", generateAudio: false, seed: 7, model: "m2", prompt: "Hello" });
  });

  it("use the saved model only while it is offered", () => {
    expect(pickModel("m2", ["m1", "m2"])).toBe("m2");
    expect(pickModel("gone", ["m1", "m2"])).toBe("m1");
    expect(pickModel(null, ["m1"])).toBe("m1");
  });
});

describe("failure reasons", () => {
  it.each([
    [{ code: "OutputVideoSensitiveContentDetected.PrivacyInformation", message: "x" }, "may show a real person"],
    [{ code: "InputTextSensitiveContentDetected", message: "x" }, "flagged the prompt"],
    [{ code: "InputImageSensitiveContentDetected.Other" }, "flagged one of the references"],
    [{ code: "InternalServiceError", message: "boom" }, "ran into a problem"],
    [{ message: "task expired" }, "expire"],
    [{ code: "Whatever", message: "unheard of" }, "gave no reason we recognise"],
    [null, "gave no reason we recognise"],
  ])("%j → plain words", async (error, words) => {
    expect(await describeStored({ key: explainVideoFailure(error) }, "en")).toContain(words);
  });
});
