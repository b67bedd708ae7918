import { describe, expect, it } from "vitest";
import { galleryFiltersSchema } from "@/lib/assets/gallery-filters";
import { defaultOf, fromQueryValues, toQueryValues, zodQueryParser, zodQueryParsers } from "./zod-parsers";
import { z } from "zod";

describe("zod query parsers", () => {
  const parsers = zodQueryParsers(galleryFiltersSchema.shape);

  it("makes one parser per key of the schema", () => {
    expect(Object.keys(parsers).sort()).toEqual(Object.keys(galleryFiltersSchema.shape).sort());
  });

  it("reads what the schema accepts and drops what it refuses", () => {
    expect(parsers.type.parse("IMAGE")).toBe("IMAGE");
    expect(parsers.type.parse("PDF")).toBeNull();
    expect(parsers.from.parse("2026-02-03")).toBe("2026-02-03");
    expect(parsers.from.parse("2026-02-31x")).toBeNull();
    expect(parsers.group.parse("bad id!")).toBeNull();
    expect(parsers.q.parse("  hero ")).toBe("hero");
  });

  it("gives a schema's fallback as the default, so it stays out of the URL", () => {
    expect(defaultOf(galleryFiltersSchema.shape.tab)).toBe("all");
    expect(defaultOf(galleryFiltersSchema.shape.type)).toBeUndefined();
    expect((parsers.tab as unknown as { defaultValue: string }).defaultValue).toBe("all");
    expect(parsers.tab.parse("failed")).toBe("failed");
    expect(parsers.tab.parse("nonsense")).toBe("all");
  });

  it("serialises values as their string form", () => {
    expect(zodQueryParser(z.coerce.number().int()).serialize(12)).toBe("12");
    expect(parsers.type.serialize("VIDEO")).toBe("VIDEO");
  });

  it("turns query values into the schema's output and back", () => {
    const filters = fromQueryValues(galleryFiltersSchema, { tab: null, type: "IMAGE", q: null, group: "g_1" });
    expect(filters).toEqual({ tab: "all", type: "IMAGE", group: "g_1" });
    expect(toQueryValues(galleryFiltersSchema, { tab: "all", type: "AUDIO", q: "" })).toMatchObject({ tab: null, type: "AUDIO", q: null, group: null });
    expect(toQueryValues(galleryFiltersSchema, { tab: "failed" })).toMatchObject({ tab: "failed", type: null });
  });
});
