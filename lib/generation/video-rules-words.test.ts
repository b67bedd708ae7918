import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";
import { checkVideoRules, type RuleInput } from "@/lib/generation/video-rules";

const image = (role: RuleInput["references"][number]["role"] = "reference_image") => ({ type: "IMAGE" as const, role });
const video = (durationMs: number) => ({ type: "VIDEO" as const, role: "reference_video" as const, durationMs });
const audio = (durationMs: number) => ({ type: "AUDIO" as const, role: "reference_audio" as const, durationMs });

const cases: RuleInput[] = [
  { prompt: "", references: [] },
  { prompt: "x".repeat(4001), references: [] },
  { prompt: "p", references: Array.from({ length: 10 }, () => image()) },
  { prompt: "p", references: [video(1000), video(1000), video(1000), video(20_000)] },
  { prompt: "p", references: [audio(9000), audio(9000), audio(1000), audio(1000)] },
  { prompt: "p", references: [...Array.from({ length: 9 }, () => image()), video(5000), video(5000), audio(1000), audio(1000)] },
  { prompt: "p", references: [image("first_frame"), image("first_frame"), image("last_frame"), image("last_frame"), image(), audio(1000)] },
  { prompt: "p", references: [image("last_frame"), { type: "VIDEO", role: "first_frame", durationMs: 1000 }] },
  { prompt: "p", references: [{ assetId: "a", ...image() }, { assetId: "a", ...image() }] },
  { prompt: "p", references: [audio(1000)] },
];

describe("video rule violations in the catalogue", () => {
  it("say in English exactly what their message says, and every rule is reached", async () => {
    type Translate = (key: string, values?: Record<string, string | number>) => string;
    const en = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
    const zh = createTranslator({ locale: "zh", messages: await loadMessages("zh") }) as unknown as Translate;
    const rules = new Set<string>();
    for (const input of cases) {
      for (const v of checkVideoRules(input)) {
        expect(en(v.key, v.values)).toBe(v.message);
        expect(zh(v.key, v.values)).not.toBe(v.message);
        rules.add(v.rule);
      }
    }
    expect(rules.size).toBe(17);
  });
});
