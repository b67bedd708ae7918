import { describe, expect, it } from "vitest";
import { listVideoJobsQuerySchema } from "@/lib/generation/list-video-jobs.validation";
import { fromQueryValues, toQueryValues } from "@/lib/url-state/query-parsers";
import { jobsFiltered, jobsFilterParsers, jobsQueryString } from "./jobs-filters";

describe("jobs filters", () => {
  const parsers = jobsFilterParsers;

  it("reads the URL as the list route's schema does", () => {
    expect(parsers.status.parse("failed")).toBe("failed");
    expect(parsers.status.parse("nope")).toBeNull();
    expect(parsers.status.defaultValue).toBe("all");
    expect(parsers.mine.parse("1")).toBe(true);
    expect(parsers.mine.parse("0")).toBe(false);
    expect(parsers.mine.parse(parsers.mine.serialize(true))).toBe(true);
    expect(parsers.mine.defaultValue).toBe(false);
    expect(fromQueryValues({ status: "all", mine: false, model: null, q: null })).toEqual({ status: "all", mine: false });
    // What nuqs hands back is each parser's output (a boolean here), taken as it is.
    expect(fromQueryValues({ status: "active", mine: true, model: null, q: "cat" })).toEqual({ status: "active", mine: true, q: "cat" });
  });

  it("takes every value the route takes, as the route reads it, and drops the ones it refuses", () => {
    const raws = ["", " ", "all", "active", "succeeded", "failed", "FAILED", "nope", "1", "0", "true", "false", "yes", " cat ", "m".repeat(128), "m".repeat(129), "q".repeat(200), "q".repeat(201), "toString"];
    for (const [key, parser] of Object.entries(parsers)) {
      for (const raw of raws) {
        const inBrowser = parser.parse(raw) ?? ("defaultValue" in parser ? parser.defaultValue : undefined);
        const onServer = listVideoJobsQuerySchema.safeParse({ [key]: raw });
        const fallback = listVideoJobsQuerySchema.parse({})[key as keyof typeof parsers];
        expect(inBrowser, `${key}=${JSON.stringify(raw)}`).toEqual(onServer.success ? onServer.data[key as keyof typeof parsers] : fallback);
      }
    }
  });

  it("leaves defaults out of the URL and of the route's query", () => {
    expect(toQueryValues(parsers, { status: "all", mine: false, q: "" })).toEqual({ status: null, mine: null, model: null, q: null });
    expect(jobsQueryString({ status: "all", mine: false })).toBe("");
    expect(jobsQueryString({ status: "active", mine: true, model: "m1", q: " cat " }, { cursor: "c" })).toBe("cursor=c&status=active&mine=1&model=m1&q=cat");
  });

  it("tells when the list is narrowed", () => {
    expect(jobsFiltered({ status: "all", mine: false })).toBe(false);
    expect(jobsFiltered({ status: "all", mine: false, q: "x" })).toBe(true);
  });
});
