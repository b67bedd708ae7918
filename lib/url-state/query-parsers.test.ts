import { describe, expect, it } from "vitest";
import { fromQueryValues, queryParser, toQueryValues } from "./query-parsers";
import { oneOf, trimmedText } from "./query-readers";

describe("query parsers", () => {
  const parsers = {
    tab: queryParser(oneOf(["all", "failed"])).withDefault("all"),
    q: queryParser(trimmedText(10)),
    mine: queryParser((raw) => (raw === "1" || raw === "true" ? true : raw === "0" || raw === "false" ? false : null)).withDefault(false),
  };

  it("reads what the reader takes and drops what it refuses", () => {
    expect(parsers.tab.parse("failed")).toBe("failed");
    expect(parsers.tab.parse("nonsense")).toBeNull();
    expect(parsers.q.parse("  hero ")).toBe("hero");
    expect(parsers.q.parse("far too long a search")).toBeNull();
    expect(parsers.mine.parse("true")).toBe(true);
    expect(parsers.mine.parse("maybe")).toBeNull();
  });

  it("keeps a default out of the URL and serialises values as their string form", () => {
    expect(parsers.tab.defaultValue).toBe("all");
    expect(parsers.tab.serialize("failed")).toBe("failed");
    expect(parsers.mine.serialize(true)).toBe("true");
    expect(parsers.mine.parse(parsers.mine.serialize(true))).toBe(true);
  });

  it("turns query values into an object without the absent keys, and back", () => {
    expect(fromQueryValues({ tab: "all", q: null, mine: false })).toEqual({ tab: "all", mine: false });
    expect(fromQueryValues({ tab: "failed", q: "hero", mine: true })).toEqual({ tab: "failed", q: "hero", mine: true });
    expect(toQueryValues(parsers, { tab: "all", q: "", mine: false })).toEqual({ tab: null, q: null, mine: null });
    expect(toQueryValues(parsers, { tab: "failed" })).toEqual({ tab: "failed", q: null, mine: null });
    expect(toQueryValues(parsers, { q: "hero", mine: true })).toEqual({ tab: null, q: "hero", mine: true });
  });
});
