import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";
import { checkOutboundUrl, type OutboundPolicy } from "@/lib/net/guarded-fetch";
import { OutboundError } from "@/lib/net/outbound-error";

type Translate = (key: string, values?: Record<string, string | number>) => string;

describe("outbound refusals in the catalogue", () => {
  it("say in English exactly what their message says", async () => {
    const en = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
    const policy: OutboundPolicy = { allowPrivate: false, allowedHosts: [] };
    const noHost = async () => {
      throw new Error("ENOTFOUND");
    };
    const urls = ["not a url", "ftp://example.com/x", "https://user:pw@example.com/", "https://127.0.0.1/hook", "https://localhost/hook", "https://nowhere.example/"];
    let seen = 0;
    for (const url of urls) {
      const error = await checkOutboundUrl(url, policy, noHost).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OutboundError);
      const refusal = error as OutboundError;
      expect(refusal.sentence).toBeDefined();
      expect(en(refusal.sentence!.key, refusal.sentence!.values)).toBe(refusal.message);
      seen++;
    }
    expect(seen).toBe(urls.length);
  });
});
