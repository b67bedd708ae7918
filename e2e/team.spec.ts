import { expect, test } from "@playwright/test";
import { demo, signIn, uniqueEmail } from "./helpers";

test("a creator cannot open team management, by link either", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/settings/team");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("an admin adds a user who can then sign in", async ({ page, browser }) => {
  const email = uniqueEmail("newcomer");
  await signIn(page, demo.admin);
  await page.goto("/settings/team");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name").fill("New Comer");
  await page.getByLabel("Role", { exact: true }).selectOption("LEAD");
  await page.getByLabel("Initial password").fill("welcome-aboard");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, email, "welcome-aboard");
  await expect(other.getByTestId("current-role")).toHaveText("Team lead");
  await context.close();
});

test("a removed user's open session stops working, and a role change applies at the next request", async ({ page, browser }) => {
  const email = uniqueEmail("leaver");
  await signIn(page, demo.admin);
  await page.goto("/settings/team");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("LEAD");
  await page.getByLabel("Initial password").fill("temporary-pass");
  await page.getByRole("button", { name: "Add member" }).click();
  const row = page.getByTestId(`member-${email}`);
  await expect(row).toBeVisible();

  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signIn(theirs, email, "temporary-pass");
  await theirs.goto("/review");
  await expect(theirs.getByRole("heading", { name: "Review" })).toBeVisible();

  // Demoted to creator: the next request no longer opens Review.
  await row.getByLabel(`Role of ${email}`).selectOption("CREATOR");
  await expect(page.getByText(`Role of ${email} changed`)).toBeVisible();
  await theirs.goto("/review");
  await expect(theirs.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();

  // Removed: the open session ends at the next request.
  await row.getByRole("button", { name: "Remove" }).click();
  const confirmation = page.getByRole("alertdialog", { name: `Remove ${email}?` });
  await expect(confirmation.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirmation.getByRole("button", { name: "Remove from the team" }).click();
  await expect(row).toHaveCount(0);
  await theirs.goto("/gallery");
  await expect(theirs).toHaveURL(/\/sign-in/);
  const api = await theirs.request.get("/api/health");
  expect(api.ok()).toBe(true);
  await context.close();
});

test("the last admin cannot be removed or demoted", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/settings/team");
  const row = page.getByTestId(`member-${demo.admin}`);
  await expect(row.getByText("You")).toBeVisible();
  await row.getByLabel(`Role of ${demo.admin}`).selectOption("LEAD");
  await expect(page.getByText("A team needs at least one admin")).toBeVisible();
});
