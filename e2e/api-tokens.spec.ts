import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { baseURL } from "../playwright.config";
import { demo, signIn } from "./helpers";

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
    writeFileSync(path.join(dir, "avatar.png"), makePng(640, 640, Date.now() % 100_000));
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
