import { expect, test, type Browser, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { DEMO_PASSWORD, demo, signIn, uniqueEmail, waitForHydration } from "./helpers";

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** An admin adds a member with a known password (so no demo account gets locked). */
async function addMember(browser: Browser, email: string, password: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demo.admin);
  await page.goto("/settings/team");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("CREATOR");
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();
  await context.close();
}

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
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.creator);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is wrong.");
  await expect(page).toHaveURL(/\/sign-in/);
  // What was typed stays in the form, and the fields point at the message.
  await expect(page.getByLabel("Email")).toHaveValue(demo.creator);
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-describedby", "sign-in-error");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form is a POST form: it signs in and returns to the page asked for, with no credential in any URL", async ({ page }) => {
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fjobs/);
    await expect(page.locator("form").filter({ has: page.getByLabel("Password") })).toHaveAttribute("method", /post/i);
    await page.getByLabel("Email").fill(demo.creator);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(urls.filter((u) => u.includes(DEMO_PASSWORD) || u.includes("password="))).toEqual([]);
  });

  test("a wrong password shows the error on the page that comes back, with the email kept", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demo.lead);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is wrong.");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByLabel("Email")).toHaveValue(demo.lead);
  });
});

const hostileReturnPaths = ["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "%2F%2Fevil.example"];

test("open-redirect return paths land on / when already signed in", async ({ page }) => {
  await signIn(page, demo.creator);
  for (const value of hostileReturnPaths) {
    const path = `/sign-in?callbackUrl=${value}`;
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(new URL(response.headers().location!, baseURL).href, path).toBe(`${baseURL}/`);
    await page.goto(path);
    await expect(page, path).toHaveURL(`${baseURL}/`);
  }
  // A repeated callbackUrl is an array: no error page, the first value counts.
  const repeated = await page.request.get("/sign-in?callbackUrl=/jobs&callbackUrl=//evil.example", { maxRedirects: 0 });
  expect(repeated.status()).toBe(307);
  expect(repeated.headers().location).toBe("/jobs");
});

test("open-redirect return paths land on / after signing in", async ({ browser }) => {
  for (const value of hostileReturnPaths) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/sign-in?callbackUrl=${value}`);
    await page.getByLabel("Email").fill(demo.creator);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user"), value).toBeVisible();
    await expect(page, value).toHaveURL(`${baseURL}/`);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto("/sign-in?callbackUrl=/jobs&callbackUrl=//evil.example");
  expect(response?.status()).toBe(200);
  await page.getByLabel("Email").fill(demo.creator);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await context.close();
});

test("eleven wrong passwords, each from a different X-Forwarded-For, lock the account; the right one is refused too", async ({ page, browser }) => {
  const email = uniqueEmail("guessed");
  const password = "correct-horse-battery";
  await addMember(browser, email, password);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  for (let i = 1; i <= 11; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` });
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const expected = i <= 10 ? "The email or password is wrong." : "Too many attempts. Try again in 15 minutes.";
    await expect(page.getByTestId("sign-in-error"), `try ${i}`).toHaveText(expected);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.77" });
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Too many attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an unknown email is throttled the same way, with the same message", async ({ page }) => {
  const email = uniqueEmail("nobody");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  for (let i = 1; i <= 11; i++) {
    await page.getByLabel("Password").fill(`guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const expected = i <= 10 ? "The email or password is wrong." : "Too many attempts. Try again in 15 minutes.";
    await expect(page.getByTestId("sign-in-error"), `try ${i}`).toHaveText(expected);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
});

test("a signed-out visit to a dashboard page lands on sign-in and returns after signing in", async ({ page }) => {
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fjobs/);
  await page.getByLabel("Email").fill(demo.creator);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
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

test("pages hydrate under the Content-Security-Policy and no violation is reported", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to|nonce|Permissions-Policy/i.test(text)) problems.push(`${page.url()}: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const hydrated = () => waitForHydration(page);

  const signInPage = await page.goto("/sign-in");
  const csp = signInPage!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(signInPage!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signInPage!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(signInPage!.headers()["permissions-policy"]).toContain("camera=()");
  await hydrated();

  await signIn(page, demo.admin);
  for (const path of ["/", "/upload", "/gallery", "/generate", "/jobs", "/review", "/settings", "/settings/team", "/forbidden"]) {
    const response = await page.goto(path);
    expect(response!.headers()["content-security-policy"], path).toMatch(/'nonce-/);
    await hydrated();
  }
  // Two responses never share a nonce.
  const [a, b] = await Promise.all([page.request.get("/"), page.request.get("/")]);
  expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]);
  expect(problems).toEqual([]);
});

test("API routes and static files carry the security headers too", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(health.headers()["permissions-policy"]).toBeTruthy();
  expect(health.headers()["strict-transport-security"]).toBeUndefined();
  const overHttps = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toContain("max-age=");
  const file = await request.get("/files/does-not-exist.png");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  const icon = await request.get("/icon.svg");
  expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.components.database.status).toBe("ok");
});
