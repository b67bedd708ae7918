import { describe, expect, it } from "vitest";
import { estimateCost, formatMoney } from "@/lib/generation/price-table";
import { readPriceTable } from "@/lib/generation/read-price-table";

describe("price table", () => {
  const table = readPriceTable({ currency: "USD", perSecond: { "doubao-seedance-2.0": { "720p": 0.12, "1080p": 0.3 } } });

  it("estimates duration × the price per second of the model at the resolution", () => {
    expect(estimateCost(table, { model: "doubao-seedance-2.0", resolution: "720p", duration: 5 })).toEqual({ amount: 0.6, ratePerSecond: 0.12, currency: "USD" });
    expect(estimateCost(table, { model: "doubao-seedance-2.0", resolution: "480p", duration: 5 })).toBeNull();
    expect(estimateCost(table, { model: "other", resolution: "720p", duration: 5 })).toBeNull();
    expect(estimateCost(null, { model: "doubao-seedance-2.0", resolution: "720p", duration: 5 })).toBeNull();
  });

  it("formats currency codes and other units", () => {
    expect(formatMoney(0.6, "USD")).toBe("$0.60");
    expect(formatMoney(1.5, "EUR")).toBe("€1.50");
    expect(formatMoney(12, "CREDITS")).toBe("12 CREDITS");
  });
});
