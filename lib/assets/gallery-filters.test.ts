import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parsePageSize } from "@/lib/assets/gallery-filters";

describe("gallery cursor", () => {
  it("round-trips the last row's time and id", () => {
    const cursor = { createdAt: new Date("2026-03-04T05:06:07.089Z"), id: "cmabc123_x-y" };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it("refuses anything it did not make", () => {
    for (const value of [null, undefined, "", "!!!", "abc", encodeURIComponent("1.2.3"), "x".repeat(201)]) {
      expect(decodeCursor(value)).toBeNull();
    }
    const forged = btoa("12345.id with spaces").replaceAll("=", "");
    expect(decodeCursor(forged)).toBeNull();
    expect(decodeCursor(btoa("notanumber.abc").replaceAll("=", ""))).toBeNull();
  });
});

describe("parsePageSize", () => {
  it("keeps the page size within bounds", () => {
    expect(parsePageSize(null)).toBe(48);
    expect(parsePageSize("10")).toBe(10);
    expect(parsePageSize("1000")).toBe(100);
    expect(parsePageSize("0")).toBe(48);
    expect(parsePageSize("2.5")).toBe(48);
    expect(parsePageSize("abc")).toBe(48);
  });
});
