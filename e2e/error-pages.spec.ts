import { expect, test } from "@playwright/test";
import { E2E_BROKEN_RECORD_ID } from "./broken-record";
import { demo, signIn } from "./helpers";

test("a page that fails to render shows the app's error page in the shell, with a reference and a Retry", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto(`/jobs/${E2E_BROKEN_RECORD_ID}`);
  const error = page.getByTestId("error-page");
  await expect(error.getByRole("heading", { name: "This page could not be shown" })).toBeVisible();
  // The reference is the digest the server logged the error under.
  await expect(error.getByTestId("error-reference")).toHaveText(/^\S{5,}$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(error.getByRole("button", { name: "Retry" })).toBeVisible();
  // Nothing of the error itself reaches the browser.
  await expect(page.locator("body")).not.toContainText("broken record");

  // Retry renders the page again (it fails again, so the same page is back).
  await error.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("error-page")).toBeVisible();

  // The shell still works: the sidebar leads away.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
  await expect(page).toHaveURL(/\/gallery/);
  await expect(page.getByTestId("error-page")).toHaveCount(0);

  // The panel's way back moves within the app, as a link of the app's does (no new page load).
  await page.goto(`/jobs/${E2E_BROKEN_RECORD_ID}`);
  await expect(page.getByTestId("error-page")).toBeVisible();
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await page.getByTestId("error-page").getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("error-page")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});

test("an unknown job, or an unknown address, shows not found in the shell", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/jobs/cmunknownjob00000000000000");
  await expect(page.getByTestId("not-found-page").getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.goto("/no-such-page");
  await expect(page.getByTestId("not-found-page")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("keyboard: the skip link, the theme menu and the phone menu", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/jobs");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // Theme menu: Light / Dark / System, by keyboard.
  await page.getByRole("button", { name: "Theme" }).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitemradio", { name: "System" })).toBeVisible();
  await menu.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Theme" }).click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);

  // On a phone the menu is a dialog: closed, its links are not in the page; open, focus stays inside; Esc closes.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.getByRole("button", { name: "Open menu" }).click();
  const sheet = page.getByRole("dialog", { name: "Avatar Studio" });
  await expect(sheet.getByRole("link", { name: "Gallery" })).toBeVisible();
  for (let i = 0; i < 15; i++) await page.keyboard.press("Tab");
  expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();
});
