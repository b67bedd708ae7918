import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { baseURL } from "../playwright.config";
import { demo, signIn, freshSeed, waitForHydration } from "./helpers";

const run = promisify(execFile);

/** The `curl` lines of the README's "API" section, in order, as written there. */
function readmeCurlLines(): string[] {
  const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## API\n"), readme.indexOf("\n## ", readme.indexOf("\n## API\n") + 5));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) => b.split("\n")).filter((line) => line.startsWith("curl "));
}

/** Runs one README line in a shell, against this test's server, with the token in the environment. */
async function curl(line: string, env: Record<string, string>, cwd: string): Promise<{ status: number; json: any }> {
  const command = `${line.replaceAll("http://localhost:3000", baseURL)} -sS -w '\\n%{http_code}'`;
  const { stdout } = await run("bash", ["-c", command], { cwd, env: { ...process.env, ...env } });
  const cut = stdout.lastIndexOf("\n");
  const body = stdout.slice(0, cut);
  return { status: Number(stdout.slice(cut + 1)), json: body ? JSON.parse(body) : null };
}

test("a member makes a token, copies it once, and the README's curl examples work with it until it is revoked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signIn(page, demo.creator);
  await page.getByRole("link", { name: "API", exact: true }).click();
  await expect(page).toHaveURL(/\/api-tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  const name = `Render farm ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/^Submit:/).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toBeVisible();
  const token = (await shown.textContent())!.trim();
  expect(token).toMatch(/^ast_[A-Za-z0-9]{43}$/);
  await page.getByRole("button", { name: "Copy token" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // Shown once: after a reload only its beginning is listed.
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 10));
  expect(await page.content()).not.toContain(token);

  // The README's examples, as written, with this token.
  const lines = readmeCurlLines();
  expect(lines.length).toBeGreaterThanOrEqual(4);
  const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-readme-"));
  try {
    writeFileSync(path.join(dir, "avatar.png"), makePng(640, 640, freshSeed()));
    const env: Record<string, string> = { AVATAR_STUDIO_TOKEN: token };
    const assets = await curl(lines[0]!, env, dir);
    expect(assets.status).toBe(200);
    expect(assets.json).toMatchObject({ items: expect.any(Array) });

    const upload = lines.find((l) => l.includes("/api/v1/uploads"))!;
    const uploaded = await curl(upload, env, dir);
    expect(uploaded.status).toBe(201);
    env.UPLOAD_ID = uploaded.json.upload.id;

    const submit = lines.find((l) => l.includes("-X POST") && l.includes("/api/v1/submissions"))!;
    const submitted = await curl(submit, env, dir);
    expect(submitted.status).toBe(201);
    expect(submitted.json.submissions[0].assets[0]).toMatchObject({ name: "avatar" });
    // The same Idempotency-Key and body answer the same submit again.
    const again = await curl(submit, env, dir);
    expect(again.json).toEqual(submitted.json);

    const list = lines.find((l) => !l.includes("-X POST") && l.includes("/api/v1/submissions"))!;
    const listed = await curl(list, env, dir);
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((s: { id: string }) => s.id)).toContain(submitted.json.submissions[0].id);

    // Revoked in the page, refused at once.
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Revoke “${name}”?`);
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");
    const refused = await curl(lines[0]!, env, dir);
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe("UNAUTHENTICATED");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the API reference lists every endpoint from the OpenAPI document", async ({ page, request }) => {
  await signIn(page, demo.lead);
  await page.goto("/api-docs");
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  for (const [route, methods] of Object.entries(doc.paths as Record<string, Record<string, { summary: string }>>)) {
    for (const [method, op] of Object.entries(methods)) {
      await expect(page.locator("section h2").filter({ hasText: route }).filter({ hasText: method.toUpperCase() }).first(), `${method} ${route}`).toBeVisible();
      await expect(page.getByText(op.summary, { exact: true }).first()).toBeVisible();
    }
  }
});

test("an admin adds a webhook endpoint, copies its secret once, rotates it, and removes it after confirming", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/settings");
  await page.getByRole("link", { name: /Webhooks/ }).click();
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
  // The form is sent in place from here on: wait until the navigation has committed and React owns it.
  await page.waitForURL(/\/settings\/webhooks$/);
  await waitForHydration(page, "#hook-url");

  // A link-local target is refused by the outbound guard; the error sits on the URL field and what was typed stays.
  const url = page.getByLabel("URL");
  await url.fill("http://169.254.169.254/latest");
  await page.getByLabel("Description").fill("Render farm");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await url.getAttribute("aria-describedby")}`)).toBeVisible();
  await expect(url).toHaveValue("http://169.254.169.254/latest");
  await expect(page.getByLabel("Description")).toHaveValue("Render farm");

  const target = `https://93.184.215.14/hooks/${Date.now()}`;
  await url.fill(target);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = page.getByTestId("webhook-secret");
  await expect(secret).toHaveText(/^whsec_/);
  const first = (await secret.textContent())!;
  await expect(url).toHaveValue("");
  const card = page.getByTestId("webhook-endpoint").filter({ hasText: target });
  await expect(card).toBeVisible();

  await card.getByRole("button", { name: `Rotate the signing secret of ${target}` }).click();
  const rotated = card.getByTestId("rotated-secret");
  await expect(rotated).toHaveText(/^whsec_/);
  expect(await rotated.textContent()).not.toBe(first);
  await expect(card.getByTestId("secret-overlap")).toBeVisible();

  await card.getByRole("button", { name: `Remove ${target}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Remove this endpoint?");
  await dialog.getByRole("button", { name: "Remove endpoint" }).click();
  await expect(card).toHaveCount(0);
});

/**
 * Before JavaScript has loaded: the app's script files never arrive (the HTML's own inline
 * lines still run, as they do before the bundles load), so nothing is hydrated and every
 * form is the browser's own POST.
 */
test.describe("before JavaScript has loaded", () => {
  test.beforeEach(async ({ page }) => {
    await page.route(/\/_next\/static\/.*\.js(\?.*)?$/, (route) => route.abort());
  });

  test("the token form is a POST form: the page that comes back shows the new token once, or why none was made", async ({ page }) => {
    await signIn(page, demo.creator);
    await page.goto("/api-tokens");
    await expect(page.locator("form").filter({ has: page.getByLabel("Name") })).toHaveAttribute("method", /post/i);

    // No scope chosen: refused, the message tied to the scopes.
    const name = `No-JS farm ${Date.now()}`;
    await page.getByLabel("Name").fill(name);
    await page.getByLabel(/^Read:/).uncheck();
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Choose at least one scope.")).toBeVisible();
    await expect(page.getByRole("group", { name: "Scopes" })).toHaveAttribute("aria-describedby", "token-scopes-error");

    await page.getByLabel("Name").fill(name);
    await page.getByLabel(/^Generate:/).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token");
    await expect(shown).toHaveText(/^ast_[A-Za-z0-9]{43}$/);
    const token = (await shown.textContent())!;
    await expect(page.getByTestId("token-row").filter({ hasText: name })).toContainText(token.slice(0, 10));
    await page.goto("/api-tokens");
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
  });

  test("the webhook form and the rotate button are POST forms: the secret is shown on the page that comes back", async ({ page, browser }) => {
    await signIn(page, demo.admin);
    await page.goto("/settings/webhooks");
    const url = page.getByLabel("URL");
    await url.fill("http://169.254.169.254/latest");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(url).toHaveValue("http://169.254.169.254/latest");

    const target = `https://93.184.215.14/no-js/${Date.now()}`;
    await url.fill(target);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
    const card = page.getByTestId("webhook-endpoint").filter({ hasText: target });
    await expect(card).toBeVisible();

    await card.getByRole("button", { name: `Rotate the signing secret of ${target}` }).click();
    await expect(page.getByTestId("rotated-secret")).toHaveText(/^whsec_/);
    await expect(page.getByTestId("webhook-endpoint").filter({ hasText: target }).getByTestId("secret-overlap")).toBeVisible();

    // Tidy up with a page that runs JavaScript (removing asks in a dialog).
    const context = await browser.newContext();
    const tidy = await context.newPage();
    await signIn(tidy, demo.admin);
    await tidy.goto("/settings/webhooks");
    const tidyCard = tidy.getByTestId("webhook-endpoint").filter({ hasText: target });
    await tidyCard.getByRole("button", { name: `Remove ${target}` }).click();
    await tidy.getByRole("alertdialog").getByRole("button", { name: "Remove endpoint" }).click();
    await expect(tidyCard).toHaveCount(0);
    await context.close();
  });
});
