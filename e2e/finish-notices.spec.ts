import { expect, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { demo, signIn, freshSeed } from "./helpers";

test("a review that finishes while the creator is on another page is announced there", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const groupName = `Notice ${stamp}`;
  await signIn(page, demo.creator);
  await page.goto("/upload");
  await page.getByRole("radio", { name: "New group" }).click();
  await page.getByLabel("Group name").fill(groupName);
  await page.getByTestId("upload-input").setInputFiles([
    { name: `calm-${stamp}.png`, mimeType: "image/png", buffer: makePng(512, 512, freshSeed()) },
    { name: `real-person-${stamp}.png`, mimeType: "image/png", buffer: makePng(512, 512, freshSeed()) },
  ]);
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(2, { timeout: 60_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("submitted-note")).toBeVisible({ timeout: 30_000 });

  // Away from the upload page and the gallery: the jobs list.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByText(`Review finished in “${groupName}”: 1 approved, 1 failed`)).toBeVisible({ timeout: 45_000 });
});
