import { expect, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { DEMO_PASSWORD, demo, freshSeed } from "./helpers";
import { isFocused, tabTo } from "./keyboard";

/**
 * Keyboard only: a creator signs in, uploads an avatar, follows it to the gallery, makes a
 * video from its card in one press and plays it. No mouse click anywhere; files come through
 * the browser's file chooser, opened from the keyboard.
 */
const stamp = Date.now().toString(36);
const avatar = `kb-${stamp}`;

test("keyboard only: upload, gallery, Generate video on the card, play the video", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(demo.creator);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-user")).toBeVisible();

  // To Upload by the navigation.
  await tabTo(page, page.getByRole("link", { name: "Upload", exact: true }).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/upload$/);

  // The file chooser opens from the keyboard.
  const chooser = page.waitForEvent("filechooser");
  await tabTo(page, page.getByTestId("dropzone"));
  await page.keyboard.press("Enter");
  await (await chooser).setFiles([{ name: `${avatar}.png`, mimeType: "image/png", buffer: makePng(512, 640, freshSeed()) }]);
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(1, { timeout: 60_000 });

  // The target is a radio group: one tab stop, arrows move the choice.
  const newGroup = page.getByRole("radio", { name: "New group" });
  await tabTo(page, page.getByRole("radio", { checked: true }));
  if (!(await isFocused(newGroup))) {
    await page.keyboard.press("Home");
    await expect(newGroup).toBeFocused();
  }
  // A key held for a moment, as a hand does: Radix moves the focus on the next tick and checks
  // the radio only while an arrow key is down.
  await page.keyboard.press("ArrowRight", { delay: 80 });
  await expect(page.getByRole("radio", { name: "Existing group" })).toBeChecked();
  await page.keyboard.press("ArrowLeft", { delay: 80 });
  await expect(newGroup).toBeChecked();
  await tabTo(page, page.getByLabel("Group name"));
  await page.keyboard.type(`Keyboard ${stamp}`);
  await tabTo(page, page.getByRole("button", { name: "Submit for review" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("submitted-note")).toBeVisible({ timeout: 60_000 });

  // The gallery, searched for the new avatar; its card turns approved without a reload.
  await tabTo(page, page.getByRole("link", { name: "Gallery", exact: true }).first(), { backwards: true, max: 120 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/gallery/);
  await tabTo(page, page.getByLabel("Search by name"));
  await page.keyboard.type(avatar);
  await expect(page).toHaveURL(new RegExp(`q=${avatar}`));
  const card = page.locator(`[data-testid="asset-card"][data-asset-name="${avatar}"]`);
  await expect(card).toHaveAttribute("data-status", "approved", { timeout: 60_000 });

  // The status tabs: one tab stop, arrow keys move, Enter chooses.
  await tabTo(page, page.getByRole("tab", { selected: true }), { backwards: true });
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tab", { name: /^Failed/ })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(page.getByRole("tab", { name: /^Approved/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/tab=approved/);
  await expect(card).toHaveAttribute("data-status", "approved");

  // Generate video on the card: shown when the keyboard reaches it, one press starts the job.
  const generate = card.getByRole("button", { name: `Generate video from ${avatar}` });
  await tabTo(page, generate);
  await expect(generate).toBeVisible();
  // Fully shown once its fade-in ends.
  await expect.poll(() => generate.evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/, { timeout: 30_000 });

  // The video plays from the keyboard.
  const video = page.getByTestId("job-video");
  await expect(video).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 }).toBeGreaterThan(0);
  await tabTo(page, video);
  await page.keyboard.press("Space");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused || v.currentTime > 0), { timeout: 10_000 }).toBe(true);
});
