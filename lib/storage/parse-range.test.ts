import { describe, expect, it } from "vitest";
import { parseRangeHeader } from "@/lib/storage/parse-range";

describe("parseRangeHeader", () => {
  it("reads one byte range", () => {
    expect(parseRangeHeader("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRangeHeader("bytes=500-", 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRangeHeader("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRangeHeader("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRangeHeader("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRangeHeader("bytes=999-999", 1000)).toEqual({ start: 999, end: 999 });
  });

  it("answers unsatisfiable past the end", () => {
    expect(parseRangeHeader("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=1000-2000", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=-0", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=0-", 0)).toBe("unsatisfiable");
  });

  it("ignores what it does not serve", () => {
    expect(parseRangeHeader(null, 1000)).toBeNull();
    expect(parseRangeHeader("", 1000)).toBeNull();
    expect(parseRangeHeader("items=0-1", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=0-1,5-6", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=5-1", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=-", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=a-b", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=99999999999999999999-", 1000)).toBeNull();
  });
});
