import { describe, expect, it } from "vitest";
import { galleryFiltersSchema, parseGalleryFilters, parseGalleryView } from "@/lib/assets/parse-gallery-filters";
import { fromQueryValues, toQueryValues } from "@/lib/url-state/query-parsers";
import { galleryFilterParsers, galleryLayoutParsers } from "./gallery-url-state";

/** URL values of every kind, good and bad, tried on every key. */
const raws = [
  "",
  " ",
  "all",
  "failed",
  "in_review",
  "Failed",
  "IMAGE",
  "image",
  "PDF",
  "g_1",
  " g_1 ",
  "bad id!",
  "a".repeat(64),
  "a".repeat(65),
  "me",
  "launch",
  "  hero ",
  "x".repeat(100),
  "x".repeat(101),
  "p".repeat(255),
  "p".repeat(256),
  "2026-02-03",
  " 2026-02-03",
  "2026-02-31x",
  "2026-13-45",
  "InputImageSensitiveContentDetected.PrivacyInformation",
  "code with spaces",
  "toString",
  "__proto__",
];

describe("the gallery's URL state", () => {
  it("has one parser per key of the server's schema", () => {
    expect(Object.keys(galleryFilterParsers).sort()).toEqual(Object.keys(galleryFiltersSchema.shape).sort());
  });

  it("reads every value of every key as the server does (a refused one is dropped, the tab falls back to all)", () => {
    for (const [key, parser] of Object.entries(galleryFilterParsers)) {
      for (const raw of raws) {
        const inBrowser = parser.parse(raw) ?? ("defaultValue" in parser ? parser.defaultValue : undefined);
        const onServer = parseGalleryFilters({ [key]: raw })[key as keyof typeof galleryFilterParsers];
        expect(inBrowser, `${key}=${JSON.stringify(raw)}`).toEqual(onServer);
      }
    }
  });

  it("reads what the server accepts and drops what it refuses", () => {
    const p = galleryFilterParsers;
    expect(p.type.parse("IMAGE")).toBe("IMAGE");
    expect(p.type.parse("PDF")).toBeNull();
    expect(p.from.parse("2026-02-03")).toBe("2026-02-03");
    expect(p.from.parse("2026-02-31x")).toBeNull();
    expect(p.group.parse("bad id!")).toBeNull();
    expect(p.q.parse("  hero ")).toBe("hero");
    expect(p.tab.defaultValue).toBe("all");
    expect(p.tab.parse("failed")).toBe("failed");
    expect(p.tab.parse("nonsense")).toBeNull();
  });

  it("reads the view and card size, falling back to grid and medium", () => {
    for (const raw of raws.concat(["list", "grid", "table"])) {
      expect(galleryLayoutParsers.view.parse(raw) ?? galleryLayoutParsers.view.defaultValue).toBe(parseGalleryView({ view: raw }));
    }
    expect(galleryLayoutParsers.density.parse("large")).toBe("large");
    expect(galleryLayoutParsers.density.parse("huge")).toBeNull();
    expect(galleryLayoutParsers.density.defaultValue).toBe("medium");
  });

  it("turns query values into filters and back, leaving defaults out", () => {
    const filters = fromQueryValues({ tab: "all", type: "IMAGE", group: "g_1", project: null, who: null, from: null, to: null, q: null, reason: null });
    expect(filters).toEqual({ tab: "all", type: "IMAGE", group: "g_1" });
    expect(toQueryValues(galleryFilterParsers, { tab: "all", type: "AUDIO", q: "" })).toMatchObject({ tab: null, type: "AUDIO", q: null, group: null });
    expect(toQueryValues(galleryFilterParsers, { tab: "failed" })).toMatchObject({ tab: "failed", type: null });
    expect(galleryFilterParsers.type.serialize("VIDEO")).toBe("VIDEO");
  });
});
