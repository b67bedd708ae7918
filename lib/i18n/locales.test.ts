import { describe, expect, it } from "vitest";
import { chooseLocale, isTimeZone, negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale", () => {
  it("picks the highest-weighted language we speak", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.5,zh;q=0.4")).toBe("en");
    expect(negotiateLocale("en;q=0.2,zh-TW;q=0.7")).toBe("zh");
  });
  it("falls back to English", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("fr,de;q=0.5")).toBe("en");
    expect(negotiateLocale("zh;q=0")).toBe("en");
  });
});

describe("chooseLocale", () => {
  it("prefers the saved choice, then the cookie, then the header", () => {
    expect(chooseLocale("zh", "en", "en")).toBe("zh");
    expect(chooseLocale(null, "zh", "en")).toBe("zh");
    expect(chooseLocale(null, "xx", "zh-CN")).toBe("zh");
    expect(chooseLocale("xx", undefined, undefined)).toBe("en");
  });
});

describe("isTimeZone", () => {
  it("knows real zones only", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
