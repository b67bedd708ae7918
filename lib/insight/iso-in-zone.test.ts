import { describe, expect, it } from "vitest";
import { isoInZone } from "@/lib/insight/iso-in-zone";

describe("isoInZone", () => {
  it("writes local time with the zone's offset", () => {
    const instant = new Date("2026-12-04T12:30:05Z");
    expect(isoInZone(instant, "Asia/Shanghai")).toBe("2026-12-04T20:30:05+08:00");
    expect(isoInZone(instant, "America/New_York")).toBe("2026-12-04T07:30:05-05:00");
    expect(isoInZone(instant, "UTC")).toBe("2026-12-04T12:30:05+00:00");
    expect(new Date(isoInZone(instant, "Asia/Kolkata")).getTime()).toBe(instant.getTime());
  });
});
