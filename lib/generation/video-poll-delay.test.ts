import { describe, expect, it } from "vitest";
import { storeRetryDelayMs, videoErrorDelayMs, videoPollDelayMs, videoPollSchedule } from "@/lib/generation/video-poll-delay";

describe("video poll schedule", () => {
  it("starts at 3 s and backs off to 15 s", () => {
    const delays = Array.from({ length: 12 }, (_, n) => videoPollDelayMs(n));
    expect(delays[0]).toBe(3_000);
    expect(delays.every((d, i) => i === 0 || d >= delays[i - 1]!)).toBe(true);
    expect(delays.at(-1)).toBe(15_000);
    expect(Math.max(...delays)).toBe(videoPollSchedule.maxDelayMs);
  });

  it("honours Retry-After, up to five minutes", () => {
    expect(videoPollDelayMs(0, { retryAfterMs: 20_000 })).toBe(20_000);
    expect(videoPollDelayMs(0, { retryAfterMs: 60 * 60_000 })).toBe(5 * 60_000);
    expect(videoErrorDelayMs(1, 7_000)).toBe(7_000);
  });

  it("spreads looks by at most 10 %", () => {
    expect(videoPollDelayMs(0, { random: () => 0 })).toBe(2_700);
    expect(videoPollDelayMs(0, { random: () => 1 })).toBe(3_300);
  });

  it("backs off after errors and failed copies", () => {
    expect(videoErrorDelayMs(1)).toBe(10_000);
    expect(videoErrorDelayMs(2)).toBe(15_000);
    expect(videoErrorDelayMs(20)).toBe(60_000);
    expect([1, 2, 3, 10].map(storeRetryDelayMs)).toEqual([5_000, 10_000, 20_000, 120_000]);
  });
});
