import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { call, simulatorPool, waitForTask } from "./test-helpers";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const pool = simulatorPool();
afterAll(() => pool.closeAll());

describe("rendered videos in a browser", () => {
  it.skipIf(!existsSync(CHROMIUM))("play in Chromium with a finite duration", async () => {
    const { chromium } = await import("@playwright/test");
    const sim = await pool.start({ videoMs: 100 });
    const created = await call(sim.url, "POST", "/v1/videos/generations", { body: { prompt: "play me", duration: 4 } });
    const data = await waitForTask(sim.url, created.json.data[0].task_id);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(data.result.thumbnail_url);
      const result = await page.evaluate(
        (src) =>
          new Promise<{ duration?: number; width?: number; error?: string }>((resolve) => {
            const video = document.createElement("video");
            video.muted = true;
            video.onloadedmetadata = () => resolve({ duration: video.duration, width: video.videoWidth });
            video.onerror = () => resolve({ error: video.error?.message ?? "error" });
            video.src = src;
            setTimeout(() => resolve({ error: "timeout" }), 10_000);
          }),
        data.result.videos[0].url[0],
      );
      expect(result.error).toBeUndefined();
      expect(Number.isFinite(result.duration)).toBe(true);
      expect(result.duration).toBeGreaterThan(0);
      expect(result.width).toBe(1280);
    } finally {
      await browser.close();
    }
  });
});
