import { describe, expect, it } from "vitest";
import { pollDelayMs, pollSchedule, sendRetryDelayMs, sendRetry } from "@/lib/submissions/poll-delay";

describe("pollDelayMs", () => {
  it("looks every few seconds at first", () => {
    expect([0, 1, 2, 3].map((n) => pollDelayMs(n))).toEqual([3000, 3000, 3000, 3000]);
  });

  it("backs off by half each time, up to 30 s", () => {
    const delays = Array.from({ length: 14 }, (_, n) => pollDelayMs(n));
    expect(delays.slice(4, 9)).toEqual([4500, 6750, 10125, 15188, 22781]);
    expect(delays.slice(9)).toEqual([30000, 30000, 30000, 30000, 30000]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(pollDelayMs(10_000)).toBe(pollSchedule.maxDelayMs);
  });

  it("treats odd poll counts sensibly", () => {
    expect(pollDelayMs(-3)).toBe(3000);
    expect(pollDelayMs(2.7)).toBe(3000);
  });

  it("honours Retry-After when it is longer than the schedule", () => {
    expect(pollDelayMs(0, { retryAfterMs: 12_000 })).toBe(12_000);
    expect(pollDelayMs(20, { retryAfterMs: 45_000 })).toBe(45_000);
    expect(pollDelayMs(20, { retryAfterMs: 1_000 })).toBe(30_000);
    expect(pollDelayMs(0, { retryAfterMs: 3_600_000 })).toBe(pollSchedule.maxRetryAfterMs);
  });

  it("spreads looks by at most ±10 % and never past the ceiling", () => {
    expect(pollDelayMs(0, { random: () => 0 })).toBe(2700);
    expect(pollDelayMs(0, { random: () => 1 })).toBe(3300);
    expect(pollDelayMs(0, { random: () => 0.5 })).toBe(3000);
    expect(pollDelayMs(30, { random: () => 1 })).toBe(30_000);
  });
});

describe("sendRetryDelayMs", () => {
  it("doubles from 10 s up to 10 minutes", () => {
    expect([1, 2, 3, 4].map((n) => sendRetryDelayMs(n))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(sendRetryDelayMs(20)).toBe(sendRetry.maxDelayMs);
    expect(sendRetryDelayMs(0)).toBe(10_000);
  });

  it("waits at least as long as the provider asked", () => {
    expect(sendRetryDelayMs(1, 25_000)).toBe(25_000);
    expect(sendRetryDelayMs(1, 5_000)).toBe(10_000);
    expect(sendRetryDelayMs(1, 3_600_000)).toBe(sendRetry.maxDelayMs);
  });
});
