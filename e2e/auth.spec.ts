import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";

const sidebar = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

test("each demo user signs in and sees the sidebar for their role", async ({ browser }) => {
  const expected = {
    [demo.admin]: { role: "Admin", review: true, settings: true },
    [demo.lead]: { role: "Team lead", review: true, settings: false },
    [demo.creator]: { role: "Creator", review: false, settings: false },
  };
  for (const [email, want] of Object.entries(expected)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page.getByTestId("current-role")).toHaveText(want.role);
    await expect(page.getByTestId("current-team")).toHaveText("Demo Studio");
    for (const label of ["Overview", "Upload", "Gallery", "Generate", "Jobs"]) {
      await expect(sidebar(page).getByRole("link", { name: label })).toBeVisible();
    }
    await expect(sidebar(page).getByRole("link", { name: "Review" })).toHaveCount(want.review ? 1 : 0);
    await expect(sidebar(page).getByRole("link", { name: "Settings" })).toHaveCount(want.settings ? 1 : 0);
    await context.close();
  }
});

test("a wrong password shows a clear error", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.7" });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.creator);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is wrong.");
  await expect(page).toHaveURL(/\/sign-in/);
  // What was typed stays in the form.
  await expect(page.getByLabel("Email")).toHaveValue(demo.creator);
});

test("ten failed tries from one address in a minute are refused", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.lead);
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is wrong.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  // Even the right password is refused from that address for now.
  await page.getByLabel("Password").fill("avatar-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("Too many failed sign-in attempts");
});

test("a signed-out visit to a dashboard page lands on sign-in and returns after signing in", async ({ page }) => {
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fjobs/);
  await page.getByLabel("Email").fill(demo.creator);
  await page.getByLabel("Password").fill("avatar-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/gallery");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.components.database.status).toBe("ok");
});
