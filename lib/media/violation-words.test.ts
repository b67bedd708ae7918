import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";
import { checkLimits, type MediaFacts } from "@/lib/media/check-limits";
import { formatLabels, formatLabelsIn } from "@/lib/media/describe-media";
import { findFileNameProblem } from "@/lib/media/file-name-rules";
import { violationSentence } from "@/lib/media/limit-violation";

const cases: MediaFacts[] = [
  { type: "IMAGE", format: "png", sizeBytes: 0 },
  { type: "IMAGE", format: null, sizeBytes: 10 },
  { type: "VIDEO", format: "png", sizeBytes: 10 },
  { type: "AUDIO", format: "mp4", sizeBytes: 10 },
  { type: "IMAGE", format: "png", sizeBytes: 40 * 1024 * 1024, width: 100, height: 9000 },
  { type: "IMAGE", format: "png", sizeBytes: 10 },
  { type: "VIDEO", format: "mp4", sizeBytes: 900 * 1024 * 1024, width: 1000, height: 3000, durationMs: 1000, fps: 10 },
  { type: "VIDEO", format: "mp4", sizeBytes: 10 },
  { type: "AUDIO", format: "mp3", sizeBytes: 900 * 1024 * 1024, durationMs: 999_999 },
  { type: "AUDIO", format: "wav", sizeBytes: 10 },
];

describe("limit violations in the catalogue", () => {
  it("say in English exactly what their message says", async () => {
    type Translate = (key: string, values?: Record<string, string | number>) => string;
    const t = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
    const zh = createTranslator({ locale: "zh", messages: await loadMessages("zh") }) as unknown as Translate;
    let seen = 0;
    for (const facts of cases) {
      for (const v of checkLimits(facts, { complete: true })) {
        const s = violationSentence(v);
        expect(v.key).toBeDefined();
        expect(t(s.key, s.values)).toBe(v.message);
        expect(zh(s.key, s.values)).not.toBe(v.message);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(12);
  });
});

describe("file name problems in the catalogue", () => {
  it("say in English exactly what their message says", async () => {
    type Translate = (key: string, values?: Record<string, string | number>) => string;
    const t = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
    const names = ["  ", "a/b.png", "..", "a\u0000.png", "photo\u202Egnp.exe", "x".repeat(300)];
    for (const name of names) {
      const problem = findFileNameProblem(name);
      expect(problem).not.toBeNull();
      expect(t(problem!.key, problem!.values)).toBe(problem!.message);
    }
  });
});

describe("formatLabelsIn", () => {
  it("keeps the English wording and joins in Chinese with the Chinese list words", () => {
    expect(formatLabelsIn("VIDEO", "en")).toBe(formatLabels("VIDEO"));
    expect(formatLabelsIn("IMAGE", "en")).toBe("JPEG, PNG, WebP, BMP, TIFF, GIF, HEIC or HEIF");
    expect(formatLabelsIn("VIDEO", "zh")).toBe("MP4或MOV");
  });
});
