import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_TOKEN_DAYS } from "@/lib/api-tokens/create-api-token.validation";
import { videoLimits } from "@/lib/generation/video-rules";
import { MAX_ITEMS_PER_SUBMIT } from "@/lib/submissions/submit-assets.validation";
import { MAX_ASSET_NAME_LENGTH } from "@/lib/submissions/unique-names";

/** A form's message can take no values (the browser puts the key into words): the limits are written in it, and must match. */
describe("validation messages that name a limit", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  for (const locale of ["en", "zh"]) {
    it(`match the limits in ${locale}`, () => {
      const messages = JSON.parse(readFileSync(path.join(root, "messages", locale, "validation.json"), "utf8")) as Record<string, string>;
      expect(messages.promptTooLong).toContain(String(videoLimits.promptMaxChars));
      expect(messages.tokenMaxDays).toContain(String(MAX_TOKEN_DAYS));
      expect(messages.assetNameTooLong).toContain(String(MAX_ASSET_NAME_LENGTH));
      expect(messages.tooManyItems).toContain(String(MAX_ITEMS_PER_SUBMIT));
    });
  }
});
