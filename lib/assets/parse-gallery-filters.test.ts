import { describe, expect, it } from "vitest";
import { activeFilterCount, galleryFiltersToSearchParams } from "@/lib/assets/gallery-filters";
import { parseGalleryFilters, parseGalleryView } from "@/lib/assets/parse-gallery-filters";

describe("parseGalleryFilters", () => {
  it("reads every filter from URL search params", () => {
    const params = new URLSearchParams(
      "tab=failed&type=IMAGE&group=cgroup123&project=launch&who=me&from=2026-01-01&to=2026-02-28&q=%20hero%20",
    );
    expect(parseGalleryFilters(params)).toEqual({
      tab: "failed",
      type: "IMAGE",
      group: "cgroup123",
      project: "launch",
      who: "me",
      from: "2026-01-01",
      to: "2026-02-28",
      q: "hero",
    });
  });

  it("reads a page's searchParams object, taking the first of repeated values", () => {
    expect(parseGalleryFilters({ tab: ["approved", "failed"], q: "a", type: undefined })).toEqual({ tab: "approved", q: "a" });
  });

  it("defaults to all and drops malformed values instead of failing", () => {
    expect(parseGalleryFilters(new URLSearchParams(""))).toEqual({ tab: "all" });
    const bad = parseGalleryFilters(
      new URLSearchParams("tab=nope&type=PDF&group=a%20b&who=x'y&from=2026-13-45&to=yesterday&q=" + "x".repeat(101)),
    );
    expect(bad).toEqual({ tab: "all" });
    expect(parseGalleryFilters(new URLSearchParams("q=%20%20&project="))).toEqual({ tab: "all" });
  });

  it("round-trips through search params, leaving defaults out", () => {
    const filters = parseGalleryFilters(new URLSearchParams("tab=in_review&q=hero&project=launch"));
    const params = galleryFiltersToSearchParams(filters, "list");
    expect(params.toString()).toBe("tab=in_review&project=launch&q=hero&view=list");
    expect(parseGalleryFilters(params)).toEqual(filters);
    expect(galleryFiltersToSearchParams({ tab: "all" }, "grid").toString()).toBe("");
  });

  it("counts the filters set besides the tab", () => {
    expect(activeFilterCount(parseGalleryFilters(new URLSearchParams("tab=failed")))).toBe(0);
    expect(activeFilterCount(parseGalleryFilters(new URLSearchParams("type=VIDEO&q=a&who=me")))).toBe(3);
  });

  it("reads the view", () => {
    expect(parseGalleryView(new URLSearchParams("view=list"))).toBe("list");
    expect(parseGalleryView(new URLSearchParams("view=table"))).toBe("grid");
    expect(parseGalleryView({})).toBe("grid");
  });
});
