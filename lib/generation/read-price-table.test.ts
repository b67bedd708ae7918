import { describe, expect, it } from "vitest";
import { readPriceTable } from "@/lib/generation/read-price-table";

describe("reading a saved price table", () => {
  it("reads a table with prices", () => {
    expect(readPriceTable({ currency: " USD ", perSecond: { m: { "720p": 0.12 } } })).toEqual({ currency: "USD", perSecond: { m: { "720p": 0.12 } } });
  });

  it("reads nothing from a missing, empty or broken table", () => {
    expect(readPriceTable(null)).toBeNull();
    expect(readPriceTable({ currency: "USD", perSecond: {} })).toBeNull();
    expect(readPriceTable({ currency: "USD", perSecond: { m: { "720p": -1 } } })).toBeNull();
    expect(readPriceTable("0.12")).toBeNull();
  });
});
