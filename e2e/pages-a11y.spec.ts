import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";
import { uploadReviewed } from "./seed-assets";

/**
 * Accessibility of the working pages (Gallery with and without its drawer, Upload, Review,
 * Jobs, a job, Generate) by axe: no serious or critical violation, light and dark, on a phone
 * and on a laptop, with approved and failed avatars and a finished video on screen. Each page
 * also reflows: nothing wider than the screen.
 */
// Not serial: each theme and width reports on its own, whatever another found.

const stamp = Date.now().toString(36);
const names = [`a11y-${stamp}`, `real-person-a11y-${stamp}`];
const paths: Record<string, string> = {};

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  await signIn(page, demo.lead);
  const assets = await uploadReviewed(page, `A11y ${stamp}`, names, stamp);
  const approved = assets.find((a) => a.name === names[0])!;
  await page.goto(`/gallery?q=${stamp}`);
  await page.getByRole("button", { name: `Generate video from ${names[0]}` }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 90_000 });
  Object.assign(paths, {
    gallery: `/gallery?q=${stamp}`,
    "gallery list": `/gallery?q=${stamp}&view=list`,
    "gallery drawer": `/gallery?q=${stamp}&asset=${approved.id}`,
    upload: "/upload",
    review: "/review",
    jobs: "/jobs",
    job: new URL(page.url()).pathname,
    generate: "/generate",
  });
  await page.close();
});

const pageNames = ["gallery", "gallery list", "gallery drawer", "upload", "review", "jobs", "job", "generate"];
const widths = [390, 1280];
const schemes = ["light", "dark"] as const;

for (const scheme of schemes) {
  for (const width of widths) {
    test(`${pageNames.length} pages, ${scheme}, ${width} px: no serious or critical axe violation, no sideways scroll`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 844 });
      await signIn(page, demo.lead);
      const problems: string[] = [];
      for (const name of pageNames) {
        await page.goto(paths[name]!);
        if (name === "gallery drawer") await expect(page.getByTestId("drawer-asset-name")).toHaveText(names[0]!);
        await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        // Let transitions end, so colours are measured as they settle.
        await page.waitForTimeout(300);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          problems.push(`${name}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 90)} ${n.any.map((a) => a.message).join(" ")}`).slice(0, 4).join(" | ")}`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${name}: ${overflow} px wider than the screen`);
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}
