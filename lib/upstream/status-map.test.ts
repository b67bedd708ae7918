import { describe, expect, it } from "vitest";
import { toleratedStatuses } from "@/lib/upstream/fixtures/review-tasks";
import { isTerminal, mapProviderStatus } from "@/lib/upstream/status-map";

describe("mapProviderStatus", () => {
  it.each(toleratedStatuses)("maps %s to %s", (raw, expected) => {
    const mapped = mapProviderStatus(raw);
    expect(mapped.status).toBe(expected);
    expect(mapped.unknownStatus).toBe(false);
    expect(mapped.rawStatus).toBe(raw);
  });

  it("accepts spaces and dashes for underscores", () => {
    expect(mapProviderStatus("in-progress").status).toBe("running");
    expect(mapProviderStatus(" In Progress ").status).toBe("running");
    expect(mapProviderStatus("canceled").status).toBe("cancelled");
  });

  it("treats unknown, missing and non-string statuses as running, flagged", () => {
    for (const raw of ["Verifying", "", undefined, null, 42, {}, "constructor", "__proto__"]) {
      const mapped = mapProviderStatus(raw);
      expect(mapped.status).toBe("running");
      expect(mapped.unknownStatus).toBe(true);
    }
  });
});

describe("isTerminal", () => {
  it("is true only for completed, failed and cancelled", () => {
    expect(isTerminal("completed")).toBe(true);
    expect(isTerminal("failed")).toBe(true);
    expect(isTerminal("cancelled")).toBe(true);
    expect(isTerminal("pending")).toBe(false);
    expect(isTerminal("running")).toBe(false);
  });
});
