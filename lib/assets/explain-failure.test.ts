import { beforeAll, describe, expect, it } from "vitest";
import { explainFailure as explain } from "@/lib/assets/explain-failure";
import { failureCategories, isFailureCategory } from "@/lib/assets/failure-categories";
import type { Sentence } from "@/lib/i18n/sentence";
import { sentencesIn } from "@/lib/i18n/sentence-in";

let english: (s: Sentence) => string;
beforeAll(async () => {
  english = await sentencesIn("en");
});

/** The explanation in English words. */
function explainFailure(input: Parameters<typeof explain>[0]) {
  const e = explain(input);
  return { ...e, title: english(e.title), explanation: english(e.explanation), advice: english(e.advice) };
}

describe("explainFailure", () => {
  it("words the same explanation in Chinese", async () => {
    const chinese = await sentencesIn("zh");
    const e = explain({ code: "InputImageSensitiveContentDetected.PrivacyInformation", type: "IMAGE" });
    expect(chinese(e.title)).toBe("疑似真人");
    expect(chinese(e.explanation)).toContain("图片");
    expect(chinese(explain({ code: "Weird.Thing", reason: "某个原因" }).explanation)).toContain("某个原因");
  });

  it("recognises real-person likeness for every type", () => {
    const image = explainFailure({
      code: "InputImageSensitiveContentDetected.PrivacyInformation",
      reason: "InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person",
      type: "IMAGE",
    });
    expect(image).toMatchObject({ category: "privacy", title: "Looks like a real person", suggestedAction: "replace" });
    expect(image.explanation).toContain("real person");
    expect(image.advice).toMatch(/illustrated, rendered or generated image/);

    const video = explainFailure({ code: "InputVideoSensitiveContentDetected.PrivacyInformation", type: "VIDEO" });
    expect(video.category).toBe("privacy");
    const audio = explainFailure({ reason: "InputAudioSensitiveContentDetected.PrivacyInformation: voice", type: "AUDIO" });
    expect(audio).toMatchObject({ category: "privacy" });
    expect(audio.explanation).toMatch(/voice/);
  });

  it("finds the code in the reason when no code was stored", () => {
    expect(explainFailure({ reason: "InputImageSensitiveContentDetected.PrivacyInformation" }).category).toBe("privacy");
    expect(explainFailure({ reason: "the image may contain a real person" }).category).toBe("privacy");
  });

  it("separates other sensitive content from privacy", () => {
    expect(explainFailure({ code: "InputImageSensitiveContentDetected.Violence" })).toMatchObject({ category: "sensitive", suggestedAction: "replace" });
  });

  it("advises resubmitting a failed download", () => {
    const e = explainFailure({ code: "InvalidParameter.DownloadFailed", reason: "InvalidParameter.DownloadFailed: HTTP 404", type: "IMAGE" });
    expect(e).toMatchObject({ category: "download", suggestedAction: "resubmit" });
    expect(explainFailure({ reason: "failed to download the file" }).category).toBe("download");
  });

  it("names the limits of the asset's type when a file is outside them", () => {
    const image = explainFailure({ code: "InvalidParameter.ImageSizeOutOfRange", reason: "the image is 200x200 px", type: "IMAGE" });
    expect(image).toMatchObject({ category: "limits", suggestedAction: "replace" });
    expect(image.advice).toContain("300–6000 px");
    const video = explainFailure({ code: "InvalidParameter.VideoFrameRateOutOfRange", type: "VIDEO" });
    expect(video.advice).toContain("24–60 fps");
    const audio = explainFailure({ code: "InvalidParameter.AudioFileTooLarge", type: "AUDIO" });
    expect(audio.advice).toContain("15 MB");
    for (const code of ["InvalidParameter.UnsupportedFormat", "InvalidParameter.AssetTypeMismatch", "InvalidParameter.FileDecodeFailed", "InvalidParameter.ImageAspectRatioOutOfRange", "InvalidParameter.VideoResolutionOutOfRange"]) {
      expect(explainFailure({ code }).category).toBe("limits");
    }
    expect(explainFailure({ code: "InvalidParameter", reason: "the file is too large" }).category).toBe("limits");
    expect(explainFailure({ reason: "Video duration exceeds 15 seconds" }).category).toBe("limits");
  });

  it("recognises trademarks", () => {
    expect(explainFailure({ reason: "Trademark detected in the image" }).category).toBe("trademark");
    expect(explainFailure({ code: "InputImageRisk.IntellectualProperty" }).category).toBe("trademark");
  });

  it("treats an unfinished review as something to resubmit", () => {
    for (const code of ["MissingFromResult", "TaskFailed", "TaskCancelled", "TaskExpired"]) {
      expect(explainFailure({ code, reason: "x" })).toMatchObject({ category: "incomplete", suggestedAction: "resubmit" });
    }
    expect(explainFailure({ code: "TaskExpired" }).explanation).toMatch(/7 days/);
  });

  it("keeps the provider's words for anything else", () => {
    const e = explainFailure({ code: "Weird.Thing", reason: "Weird.Thing: something odd" });
    expect(e.category).toBe("other");
    expect(e.explanation).toContain("something odd");
    expect(explainFailure({}).explanation).toBe("The provider did not say why.");
    expect(explainFailure({ code: null, reason: null }).category).toBe("other");
  });

  it("tells a category from anything else (the failed queue's `?reason=`)", () => {
    for (const c of failureCategories) expect(isFailureCategory(c)).toBe(true);
    for (const v of ["", "Privacy", " privacy", "privacy ", "toString", "constructor"]) expect(isFailureCategory(v)).toBe(false);
  });
});
