import { describe, expect, it } from "vitest";
import { fromQueryValues, toQueryValues, zodQueryParsers } from "@/lib/url-state/zod-parsers";
import { jobsFiltered, jobsFiltersSchema, jobsQueryString } from "./jobs-filters";

describe("jobs filters", () => {
  const parsers = zodQueryParsers(jobsFiltersSchema.shape);

  it("reads the URL with the list route's schema", () => {
    expect(parsers.status.parse("failed")).toBe("failed");
    expect(parsers.status.parse("nope")).toBe("all");
    expect(parsers.mine.parse("1")).toBe(true);
    expect(parsers.mine.parse(parsers.mine.serialize(true))).toBe(true);
    expect(fromQueryValues(jobsFiltersSchema, { status: null, mine: null, model: null, q: null })).toEqual({ status: "all", mine: false });
    // What nuqs hands back is each parser's output (a boolean here), taken as it is.
    expect(fromQueryValues(jobsFiltersSchema, { status: "active", mine: true, model: null, q: "cat" })).toEqual({ status: "active", mine: true, q: "cat" });
    expect(fromQueryValues(jobsFiltersSchema, { status: "all", mine: false, model: null, q: null })).toEqual({ status: "all", mine: false });
  });

  it("leaves defaults out of the URL and of the route's query", () => {
    expect(toQueryValues(jobsFiltersSchema, { status: "all", mine: false, q: "" })).toEqual({ status: null, mine: null, model: null, q: null });
    expect(jobsQueryString({ status: "all", mine: false })).toBe("");
    expect(jobsQueryString({ status: "active", mine: true, model: "m1", q: " cat " }, { cursor: "c" })).toBe("cursor=c&status=active&mine=1&model=m1&q=cat");
  });

  it("tells when the list is narrowed", () => {
    expect(jobsFiltered({ status: "all", mine: false })).toBe(false);
    expect(jobsFiltered({ status: "all", mine: false, q: "x" })).toBe(true);
  });
});
