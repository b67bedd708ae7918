import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";

test("an admin saves a provider key, sees it masked, and tests the connection", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/settings");
  // A wrong key typed in is tested before saving: a clear failure.
  await page.getByLabel("API key").fill("sk-wrong-key-9999");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("did not accept the API key");

  // The right key is saved, masked, and works.
  await page.getByLabel("API key").fill("sk-sim-demo");
  await page.getByRole("button", { name: "Save provider settings" }).click();
  await expect(page.getByText("Provider settings saved")).toBeVisible();
  await expect(page.getByLabel("API key")).toHaveValue("");
  await expect(page.getByTestId("api-key-mask")).toContainText("••••demo");
  await page.reload();
  await expect(page.getByTestId("api-key-mask")).toContainText("••••demo");
  expect(await page.content()).not.toContain("sk-sim-demo");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Connected");
});
