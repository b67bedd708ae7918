import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "avatar-demo";
export const demo = {
  admin: "admin@demo.local",
  lead: "lead@demo.local",
  creator: "creator@demo.local",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in once the shell names the user: in the sidebar on a desktop, inside the closed
  // phone menu on a phone (there, in the page but not shown).
  await expect(page.getByTestId("current-user").first()).toBeAttached();
}

/** A seed for `makePng` no other test in the run uses: the same bytes would be one upload, offered for reuse. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@demo.local`;
}

/**
 * Waits until React has hydrated the element (its node carries React's keys) and the client
 * navigation that showed it has committed. Interacting earlier is tested on purpose elsewhere
 * (the forms work before JavaScript has loaded); flows that test in-place behaviour wait here.
 */
export async function waitForHydration(page: Page, selector = "main") {
  await page.waitForFunction((css) => {
    const element = document.querySelector(css) ?? document.body.firstElementChild;
    return !!element && Object.keys(element).some((key) => key.startsWith("__react"));
  }, selector);
}

/**
 * Makes every script the page asks for after its load event come `ms` late, as on a slow
 * connection, for parts that hydrate after the load event (`hydrateAfterLoad`). Returns the
 * addresses of those late scripts as they are asked for.
 */
export async function delayScriptsAfterLoad(page: Page, ms = 1500): Promise<string[]> {
  let loaded = false;
  const late: string[] = [];
  await page.route("**/_next/static/chunks/**", async (route) => {
    if (loaded) {
      late.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    await route.continue();
  });
  page.on("load", () => (loaded = true));
  return late;
}
