import { expect, type Page } from "@playwright/test";
import { freshSeed } from "./helpers";
import { makePng } from "@/lib/media/test-media";

/**
 * Uploads images through the Upload page into a new group and waits until the simulator's
 * review has decided every one (names with "real-person" fail for privacy, the rest pass).
 * Returns the assets as the gallery's route lists them.
 */
export async function uploadReviewed(page: Page, group: string, names: string[], search: string) {
  await page.goto("/upload");
  await page.getByRole("radio", { name: "New group" }).click();
  await page.getByLabel("Group name").fill(group);
  const seed = freshSeed();
  await page.getByTestId("upload-input").setInputFiles(names.map((name, i) => ({ name: `${name}.png`, mimeType: "image/png", buffer: makePng(512, 576, seed + i) })));
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(names.length, { timeout: 60_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("submitted-note")).toBeVisible({ timeout: 60_000 });
  let items: { id: string; name: string; state: string }[] = [];
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/assets?q=${encodeURIComponent(search)}`);
        items = ((await res.json()) as { items: { id: string; name: string; state: string }[] }).items;
        return items.filter((i) => i.state === "APPROVED" || i.state === "REJECTED").length;
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(names.length);
  return items;
}
