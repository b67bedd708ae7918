import { expect, type Page, test } from "@playwright/test";
import { delayScriptsAfterLoad, demo, signIn, waitForHydration } from "./helpers";
import { uploadReviewed } from "./seed-assets";

/**
 * The gallery's state is in its URL: filters, view and card size survive back and forward
 * without a reload; `?asset=<id>` opens the drawer and back closes it; approved cards carry
 * Generate video; the page fits a phone.
 */
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const good = [`url-a-${stamp}`, `url-b-${stamp}`];
const bad = `real-person-url-${stamp}`;
let assets: { id: string; name: string; state: string }[] = [];

const cards = (page: Page) => page.getByTestId("asset-card");
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
const samePage = (page: Page) => page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage === true);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await browser.newPage();
  await signIn(page, demo.creator);
  assets = await uploadReviewed(page, `URL state ${stamp}`, [...good, bad], stamp);
  await page.close();
});

test("back and forward restore the gallery's filters, with no reload", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto(`/gallery?q=${stamp}`);
  await expect(cards(page)).toHaveCount(3);
  await markPage(page);

  await page.getByRole("tab", { name: /^Failed/ }).click();
  await expect(page).toHaveURL(/tab=failed/);
  await expect(cards(page)).toHaveCount(1);
  await page.getByLabel("Type").selectOption("VIDEO");
  await expect(page).toHaveURL(/type=VIDEO/);
  await expect(page.getByTestId("gallery-empty")).toBeVisible();
  await page.getByRole("radio", { name: "List view" }).click();
  await expect(page).toHaveURL(/view=list/);

  await page.goBack();
  await expect(page).not.toHaveURL(/view=list/);
  await expect(page.getByRole("radio", { name: "Grid view" })).toHaveAttribute("aria-checked", "true");
  await page.goBack();
  await expect(page).not.toHaveURL(/type=/);
  await expect(page.getByLabel("Type")).toHaveValue("");
  await expect(cards(page)).toHaveCount(1);
  await expect(page.getByRole("tab", { name: /^Failed/ })).toHaveAttribute("aria-selected", "true");
  await page.goBack();
  await expect(page).not.toHaveURL(/tab=/);
  await expect(page.getByRole("tab", { name: /^All/ })).toHaveAttribute("aria-selected", "true");
  await expect(cards(page)).toHaveCount(3);
  await expect(page.getByLabel("Search by name")).toHaveValue(stamp);

  await page.goForward();
  await expect(page).toHaveURL(/tab=failed/);
  await expect(cards(page)).toHaveCount(1);
  await page.goForward();
  await expect(page.getByLabel("Type")).toHaveValue("VIDEO");
  await expect(page.getByTestId("gallery-empty")).toBeVisible();
  expect(await samePage(page)).toBe(true);

  // A bookmarked view opens as it was left.
  await page.goto(`/gallery?q=${stamp}&tab=approved&density=large`);
  await expect(cards(page)).toHaveCount(2);
  await expect(page.getByTestId("asset-grid")).toHaveAttribute("data-density", "large");
  await expect(page.getByRole("radio", { name: "Large cards" })).toHaveAttribute("aria-checked", "true");
});

test("?asset=<id> opens the drawer; opening a card puts it in the URL and back closes it", async ({ page }) => {
  await signIn(page, demo.creator);
  const approved = assets.find((a) => a.name === good[0])!;
  await page.goto(`/gallery?q=${stamp}&asset=${approved.id}`);
  const drawer = page.getByTestId("asset-drawer");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId("drawer-asset-name")).toHaveText(good[0]!);
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(drawer).toHaveCount(0);
  await expect(page).not.toHaveURL(/asset=/);
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));

  await markPage(page);
  await page.getByRole("button", { name: `Open ${bad}` }).click();
  await expect(drawer.getByTestId("drawer-asset-name")).toHaveText(bad);
  const failed = assets.find((a) => a.name === bad)!;
  await expect(page).toHaveURL(new RegExp(`asset=${failed.id}`));
  await page.goBack();
  await expect(drawer).toHaveCount(0);
  await expect(page).not.toHaveURL(/asset=/);
  await page.goForward();
  await expect(drawer.getByTestId("drawer-asset-name")).toHaveText(bad);
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  expect(await samePage(page)).toBe(true);

  // An id of nothing the team has says so in the drawer instead of failing the page.
  await page.goto(`/gallery?asset=does-not-exist`);
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(/not|found/i);
});

test("every approved card carries Generate video; failed ones do not", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto(`/gallery?q=${stamp}`);
  for (const name of good) await expect(page.getByRole("button", { name: `Generate video from ${name}` })).toHaveCount(1);
  await expect(page.getByRole("button", { name: `Generate video from ${bad}` })).toHaveCount(0);
  // With a mouse, the card shows it on hover.
  const card = page.locator(`[data-testid="asset-card"][data-asset-name="${good[0]}"]`);
  await card.hover();
  await expect(card.getByTestId("card-generate")).toHaveCSS("opacity", "1");
});

test("selecting cards docks the bar of actions with their count; clearing the selection takes it away", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto(`/gallery?q=${stamp}`);
  const bar = page.getByText(/^\d+ selected$/);
  await expect(cards(page)).toHaveCount(3);
  await expect(bar).toHaveCount(0);
  await page.getByLabel(`Select ${good[0]}`).check({ force: true });
  await expect(bar).toHaveText("1 selected");
  await page.getByLabel(`Select ${bad}`).check({ force: true });
  await expect(bar).toHaveText("2 selected");
  await expect(page.getByRole("button", { name: "Resubmit 1 failed" })).toBeVisible();
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(bar).toHaveCount(0);
  // And again, with the bar's code already loaded.
  await page.getByLabel(`Select ${good[1]}`).check({ force: true });
  await expect(bar).toHaveText("1 selected");
});

for (const width of [320, 390, 1280]) {
  test(`the gallery fits ${width} px: no sideways page scroll, every status tab reachable, cards fill the row`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await signIn(page, demo.creator);
    await page.goto(`/gallery?q=${stamp}`);
    await expect(cards(page)).toHaveCount(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const name of ["Approved", "In review", "Failed", "All"]) {
      const tab = page.getByRole("tab", { name: new RegExp(`^${name}`) });
      await tab.scrollIntoViewIfNeeded();
      await expect(tab).toBeInViewport({ ratio: 0.9 });
    }
    // Cards share the row's width: the grid leaves no more than one card's width empty.
    const fill = await page.getByTestId("asset-grid").evaluate((grid) => {
      const columns = getComputedStyle(grid).gridTemplateColumns.split(" ").length;
      const first = grid.querySelector("li")!.getBoundingClientRect().width;
      return { columns, first, width: grid.getBoundingClientRect().width };
    });
    expect(fill.first * fill.columns).toBeGreaterThan(fill.width * 0.85);
    if (width >= 1280) expect(fill.columns).toBeGreaterThanOrEqual(4);
  });
}

test("the Jobs page keeps its filters in the URL too, and opens with its list, not a spinner", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/jobs?status=failed&mine=1");
  await expect(page.getByRole("tab", { name: "Failed" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Only mine")).toBeChecked();
  // Server-rendered: the list or its empty note is in the first HTML, not fetched after.
  const html = await (await page.request.get("/jobs?status=all")).text();
  expect(html).toMatch(/data-testid="jobs-list"|No videos yet|No job matches/);
  await markPage(page);
  await page.getByRole("tab", { name: "Running" }).click();
  await expect(page).toHaveURL(/status=active/);
  await page.getByLabel("Only mine").uncheck();
  await expect(page).not.toHaveURL(/mine=/);
  await page.goBack();
  await expect(page.getByLabel("Only mine")).toBeChecked();
  await page.goBack();
  await expect(page.getByRole("tab", { name: "Failed" })).toHaveAttribute("aria-selected", "true");
  expect(await samePage(page)).toBe(true);
});

test("the status tabs and the view buttons hydrate after the page has loaded, and clicks made before are not lost", async ({ page }) => {
  await signIn(page, demo.creator);
  const late = await delayScriptsAfterLoad(page);
  await page.goto("/gallery");
  await waitForHydration(page);
  // The server drew the tabs; their code is among the scripts asked for after the load event.
  const failed = page.getByRole("tab", { name: /^Failed/ });
  await expect(failed).toHaveAttribute("aria-selected", "false");
  await failed.click();
  await expect(page).toHaveURL(/tab=failed/);
  await expect(failed).toHaveAttribute("aria-selected", "true");
  expect(late.length).toBeGreaterThan(0);
  // The results are the chosen tab's panel.
  await expect(page.getByRole("tabpanel", { name: /^Failed/ })).toBeVisible();
  // One tab stop, arrow keys move, Enter chooses.
  await failed.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /^All/ })).toBeFocused();
  await page.keyboard.press("Enter");
  // All is the gallery's default: the URL drops the tab.
  await expect(page).not.toHaveURL(/tab=/);
  await expect(page.getByRole("tabpanel", { name: /^All/ })).toBeVisible();

  // The view buttons, after a reload with late scripts again: a click before they hydrate is kept.
  await page.reload();
  await waitForHydration(page);
  await page.getByRole("radio", { name: "List view" }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByRole("radio", { name: "List view" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("radio", { name: "Grid view" })).toBeVisible();
});

test("the Jobs page's status tabs work before and after a client navigation", async ({ page }) => {
  await signIn(page, demo.creator);
  await delayScriptsAfterLoad(page);
  await page.goto("/jobs");
  await waitForHydration(page);
  await page.getByRole("tab", { name: "Failed" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByRole("tabpanel", { name: "Failed" })).toBeVisible();
  // Reached by a client navigation, the tabs are drawn at once and work.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
  await expect(page).toHaveURL(/\/gallery/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await page.getByRole("tab", { name: "Running" }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(page.getByRole("tab", { name: "Running" })).toHaveAttribute("aria-selected", "true");
});
