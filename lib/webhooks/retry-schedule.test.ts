import { describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";

setTestEnv();
const { retryDelayMs, retryDelaysMs } = await import("@/lib/webhooks/deliver-webhook");
const { RETRY_WINDOW_MS } = await import("@/lib/webhooks/emit-webhook-event");

describe("webhook retry schedule", () => {
  it("grows with each failure and fits about ten tries into a day, then stops", () => {
    for (let i = 1; i < retryDelaysMs.length; i++) expect(retryDelaysMs[i]!).toBeGreaterThanOrEqual(retryDelaysMs[i - 1]!);
    expect(retryDelayMs(1)).toBe(5_000);
    expect(retryDelayMs(99)).toBe(retryDelaysMs.at(-1));
    // Attempt times after the event: the tries that fall inside the day are made, the next one is not.
    let at = 0;
    let tries = 1;
    while (at + retryDelayMs(tries) <= RETRY_WINDOW_MS) {
      at += retryDelayMs(tries);
      tries += 1;
    }
    expect(tries).toBeGreaterThanOrEqual(9);
    expect(at).toBeGreaterThan(RETRY_WINDOW_MS / 2);
  });
});
