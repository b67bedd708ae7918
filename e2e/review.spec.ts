import { expect, type Page, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { delayScriptsAfterLoad, demo, signIn, freshSeed, waitForHydration } from "./helpers";

/**
 * Following reviews to the end: a creator submits 6 images, 2 of them of "real persons"; the
 * gallery turns 4 approved and 2 failed with the privacy reason on its own; the lead replaces
 * one failed file and dismisses the other in Review; the replacement is approved; creators
 * cannot open Review.
 */
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const groupName = `Review flow ${stamp}`;
const good = [1, 2, 3, 4].map((i) => `hero-${stamp}-${i}`);
const bad = [1, 2].map((i) => `real-person-${stamp}-${i}`);
const fixed = `hero-${stamp}-fixed`;

const card = (page: Page, name: string) => page.locator(`[data-testid="asset-card"][data-asset-name="${name}"]`);

test("a creator's 6 images: the gallery shows 4 approved and 2 failed with the privacy reason, without a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.creator);
  await page.goto("/upload");
  await page.getByRole("radio", { name: "New group" }).click();
  await page.getByLabel("Group name").fill(groupName);
  const seed = freshSeed();
  await page.getByTestId("upload-input").setInputFiles(
    [...good, ...bad].map((name, i) => ({ name: `${name}.png`, mimeType: "image/png", buffer: makePng(512, 512, seed + i) })),
  );
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(6, { timeout: 60_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("submitted-note")).toBeVisible({ timeout: 30_000 });

  // To the gallery by the sidebar: a client-side move, and from here on nothing reloads the page.
  await page.getByRole("link", { name: "Gallery" }).first().click();
  await expect(page).toHaveURL(/\/gallery/);
  await page.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));
  await page.getByLabel("Search by name").fill(stamp);
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  await expect(page.getByTestId("asset-card")).toHaveCount(6);

  for (const name of good) await expect(card(page, name)).toHaveAttribute("data-status", "approved", { timeout: 45_000 });
  for (const name of bad) {
    await expect(card(page, name)).toHaveAttribute("data-status", "failed", { timeout: 45_000 });
    await expect(card(page, name).getByTestId("asset-failure")).toHaveText("Looks like a real person");
  }
  await expect(page.getByText(`Review finished in “${groupName}”: 4 approved, 2 failed`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  await expect(page.getByTestId("live-indicator")).toHaveCount(0);

  // Tabs and the drawer: the asset:// URL of an approved one, the reason of a failed one.
  await page.getByTestId("tab-failed").click();
  await expect(page).toHaveURL(/tab=failed/);
  await expect(page.getByTestId("asset-card")).toHaveCount(2);
  await card(page, bad[0]!).getByRole("button", { name: `Open ${bad[0]}` }).click();
  const drawer = page.getByTestId("asset-drawer");
  await expect(drawer.getByTestId("drawer-failure")).toContainText("shows a real person");
  await expect(drawer.getByTestId("drawer-raw")).toHaveCount(0);
  await drawer.getByRole("button", { name: "Close" }).click();

  await page.getByTestId("tab-approved").click();
  await expect(page.getByTestId("asset-card")).toHaveCount(4);
  await card(page, good[0]!).getByRole("button", { name: `Open ${good[0]}` }).click();
  await expect(drawer.getByTestId("drawer-asset-url")).toHaveText(/^asset:\/\/asset-/);
  await expect(drawer.getByRole("button", { name: "Copy URL" })).toBeVisible();
});

test("a file dropped or chosen on a failed row before its drop target has hydrated is checked all the same", async ({ page }) => {
  await signIn(page, demo.lead);
  const late = await delayScriptsAfterLoad(page, 5_000);
  await page.goto("/review");
  await waitForHydration(page);
  const row = page.locator(`[data-testid="failed-item"][data-asset-name="${bad[0]}"]`);
  const target = row.locator('[data-testid^="replace-drop-"]');
  // A picture too small for the provider, dropped while the row's drop target is still the server's HTML.
  const png = [...makePng(100, 100, freshSeed())];
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], "tiny.png", { type: "image/png" }));
    return data;
  }, png);
  // Not hydrated yet: React has not attached its props to the element.
  expect(await target.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps")))).toBe(false);
  await target.dispatchEvent("drop", { dataTransfer });
  const problems = row.getByRole("alert");
  await expect(problems).toContainText("The image is 100×100 px; each side must be 300–6000 px.");
  expect(late.length).toBeGreaterThan(0);
  // The page is still the Review page (the browser did not open the file in its place).
  await expect(page).toHaveURL(/\/review$/);

  // Chosen through the file input before hydration: the same check.
  await page.reload();
  await waitForHydration(page);
  expect(await target.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps")))).toBe(false);
  await row.locator('input[type="file"]').setInputFiles({ name: "small.png", mimeType: "image/png", buffer: makePng(120, 120, freshSeed()) });
  await expect(problems).toContainText("The image is 120×120 px; each side must be 300–6000 px.");
  // Nothing was replaced.
  await expect(row).toHaveCount(1);
});

test("the lead replaces one failed file and dismisses the other in Review; the replacement is approved", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.lead);
  await page.getByRole("link", { name: "Review" }).first().click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  const privacy = page.getByTestId("reason-privacy");
  await expect(privacy).toContainText("Looks like a real person");
  const row = (name: string) => page.locator(`[data-testid="failed-item"][data-asset-name="${name}"]`);
  for (const name of bad) await expect(row(name).getByTestId("failed-explanation")).toContainText("real person");

  // Replace the first: a new file dropped on its row, checked, uploaded and sent.
  await row(bad[0]!).locator('input[type="file"]').setInputFiles({ name: `${fixed}.png`, mimeType: "image/png", buffer: makePng(640, 640, freshSeed()) });
  await expect(page.getByText(`“${bad[0]}” replaced by ${fixed}.png`)).toBeVisible({ timeout: 30_000 });
  await expect(row(bad[0]!)).toHaveCount(0);

  // Dismiss the second, with a note.
  await row(bad[1]!).getByRole("button", { name: "Dismiss" }).click();
  await page.getByLabel(`Dismiss note for ${bad[1]}`).fill("A real photo; not needed");
  await row(bad[1]!).getByRole("button", { name: "Dismiss", exact: true }).last().click();
  await expect(row(bad[1]!)).toHaveCount(0);

  // The replacement is followed live until approved.
  const replacement = page.locator(`[data-testid="resubmitted-item"][data-asset-name="${fixed}"]`);
  await expect(replacement).toContainText(`replaces ${bad[0]}`);
  await expect(replacement).toHaveAttribute("data-status", "approved", { timeout: 45_000 });

  // Its history, and the raw payload a lead may see.
  await replacement.click();
  const drawer = page.getByTestId("asset-drawer");
  await expect(drawer.getByTestId("drawer-history")).toContainText(`Replaces ${bad[0]}`);
  await expect(drawer.getByTestId("drawer-asset-url")).toHaveText(/^asset:\/\//);
  await drawer.getByTestId("drawer-raw").locator("summary").click();
  await expect(drawer.getByTestId("drawer-raw")).toContainText('"usable_assets"');
  await drawer.getByRole("button", { name: "Close" }).click();

  // The Overview tells what happened, in words.
  await page.getByRole("link", { name: "Overview" }).first().click();
  const events = page.getByTestId("audit-events");
  await expect(events).toContainText(`Lee Lead replaced the failed “${bad[0]}” with “${fixed}” in “${groupName}”`);
  await expect(events).toContainText(`Lee Lead dismissed “${bad[1]}”: “A real photo; not needed”`);
  await expect(events).toContainText(`review finished in “${groupName}”: 4 approved, 2 failed`);
});

test("the gallery keeps the history: the old asset replaced, the other dismissed", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto(`/gallery?q=${stamp}&view=list`);
  await expect(page.getByTestId("asset-list")).toBeVisible();
  await expect(page.getByTestId("asset-card")).toHaveCount(7);
  await expect(card(page, bad[0]!)).toHaveAttribute("data-status", "replaced");
  await expect(card(page, bad[1]!)).toHaveAttribute("data-status", "dismissed");
  await expect(card(page, fixed)).toHaveAttribute("data-status", "approved");
  await expect(page.getByTestId("tab-count-failed")).toHaveText("0");
});

test("a creator cannot open Review, from the menu or by link", async ({ page, request }) => {
  await signIn(page, demo.creator);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" })).toHaveCount(0);
  await page.goto("/review");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const api = await page.request.get("/api/assets/rejected");
  expect(api.status()).toBe(403);
  // Signed out, the read routes answer 401.
  expect((await request.get("/api/assets")).status()).toBe(401);
});
