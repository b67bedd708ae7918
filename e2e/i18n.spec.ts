import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { demo, signIn, uniqueEmail, freshSeed } from "./helpers";

/**
 * The product in Chinese and in the user's zone: a member who chose Chinese uploads, and reads
 * the gallery, a failure reason and a finished video job in Chinese, with no English left on
 * the pages but names; a member in Asia/Shanghai filters the gallery by their today.
 * Expected words are read from the catalogues, so rewording a message does not break the test.
 */
test.describe.configure({ mode: "serial" });

type Catalogue = Record<string, string>;
function loadCatalogue(locale: string): Catalogue {
  const out: Catalogue = {};
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === "string") out[prefix] = value;
    else for (const [key, inner] of Object.entries(value as object)) walk(inner, prefix ? `${prefix}.${key}` : key);
  };
  const dir = path.join(process.cwd(), "messages", locale);
  for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, file), "utf8")), file.replace(/\.json$/, ""));
  return out;
}
const zhCatalogue = loadCatalogue("zh");
/** A Chinese message, its placeholders filled. */
function zh(key: string, values: Record<string, string> = {}): string {
  const message = zhCatalogue[key];
  if (message === undefined) throw new Error(`no message ${key}`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

const stamp = Date.now().toString(36);
const group = `Zh ${stamp}`;
const good = `zh-hero-${stamp}`;
const bad = `real-person-zh-${stamp}`;
const password = "ni-hao-avatar";
const memberEmail = uniqueEmail("zh-member");

/** Words that stay as they are in Chinese: names, ids, units, file types. */
const names = ["Avatar Studio", "Seedance 2.0", "Seedance", "API", "URL", "CSV", "Webhook", "PNG", "JPEG", "WEBP", "WebP", "BMP", "TIFF", "GIF", "HEIC", "HEIF", "WAV", "MP3", "MP4", "MOV", "GMT", "UTC", "KB", "MB", "GB", "px", "fps"];
/** What people typed, not the product: the demo team's members, groups, samples and project, and this test's member. */
const data = [
  "Zh Member",
  "Ada Admin",
  "Lee Lead",
  "Cleo Creator",
  "Demo samples",
  "Sample avatars the demo starts with.",
  "Aurora orbit",
  "Coral tiles",
  "Mint waves",
  "Violet prism",
  "Flagged sample (real-person)",
  "Demo Studio",
  "default",
];

/** English words left in the page's main text and navigation, once names, ids, emails and links are taken out. */
async function englishLeft(page: Page, own: string[]): Promise<string[]> {
  // Groups other tests of the run made are the team's data too.
  const groups = ((await (await page.request.get("/api/groups")).json()) as { groups: { name: string }[] }).groups.map((g) => g.name);
  // So are the assets they named (the Generate picker lists the team's latest approved ones).
  const assets = ((await (await page.request.get("/api/assets?limit=100")).json()) as { items: { name: string }[] }).items.map((a) => a.name);
  own = [...own, ...groups, ...assets];
  const text = await page.evaluate(() => {
    // A video's prompt is what the team wrote for the model, the provider's own words are quoted
    // as received (beside our explanation), and zone ids and languages' own names are names:
    // none is the product's text.
    const typed = [
      ...document.querySelectorAll(
        '[data-testid="job-prompt"], [data-testid="job-row-prompt"], [data-provider-words], [data-testid="preferences-time-zone"], [data-testid="preferences-locale"]',
      ),
    ].map((e) => (e as HTMLElement).innerText);
    const all = [...document.querySelectorAll("main, nav, header")].map((e) => (e as HTMLElement).innerText).join("\n");
    return typed.reduce((rest, t) => rest.replaceAll(t, " "), all);
  });
  let rest = text
    // What a sentence quotes (“…”) is a name someone gave: a token, a group, an asset, an endpoint.
    .replace(/“[^”]*”/g, " ")
    .replace(/asset:\/\/\S*/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\S+@\S+/g, " ")
    .replace(/[A-Za-z]+\/[A-Za-z_]+/g, " ");
  for (const name of [...own, ...data, ...names].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(name, " ");
  // Model ids and other identifiers (letters, digits and dashes with a digit in them), and the
  // provider's reason codes ("InputImageSensitiveContentDetected.PrivacyInformation").
  rest = rest.replace(/\b[\w-]*\d[\w-]*\b/g, " ").replace(/\b(?:[A-Z][a-z]+){2,}(?:\.(?:[A-Z][a-z]+)+)*\b/g, " ");
  return [...new Set(rest.match(/[A-Za-z]{3,}/g) ?? [])];
}

async function addMember(browser: Browser, email: string) {
  const page = await browser.newPage();
  await signIn(page, demo.admin);
  await page.goto("/settings/team");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name").fill("Zh Member");
  await page.getByLabel("Role", { exact: true }).selectOption("LEAD");
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();
  await page.close();
}

test("a member who chose Chinese uploads and reads the gallery, a failure reason and a finished video in Chinese", async ({ browser }) => {
  test.setTimeout(240_000);
  await addMember(browser, memberEmail);
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signIn(page, memberEmail, password);

  // The language menu in the shell: the choice is saved, the same page comes back in Chinese.
  await page.goto("/gallery?view=list");
  await page.getByRole("button", { name: "Language" }).first().click();
  await page.getByRole("menuitemradio", { name: "简体中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/\/gallery\?view=list$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("gallery.title") })).toBeVisible();
  await expect(page.getByRole("link", { name: zh("shell.nav.upload") }).first()).toBeVisible();

  // Upload: two images into a new group, one of them of a "real person".
  await page.getByRole("link", { name: zh("shell.nav.upload") }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: zh("upload.title") })).toBeVisible();
  await page.getByRole("radio", { name: zh("upload.target.kinds.new") }).click();
  await page.getByLabel(zh("upload.target.groupName")).fill(group);
  const seed = freshSeed();
  await page.getByTestId("upload-input").setInputFiles(
    [good, bad].map((name, i) => ({ name: `${name}.png`, mimeType: "image/png", buffer: makePng(512, 576, seed + i) })),
  );
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(2, { timeout: 60_000 });
  expect(await englishLeft(page, [group, good, bad, `${good}.png`, `${bad}.png`])).toEqual([]);
  await page.getByRole("button", { name: zh("upload.submit.title") }).click();
  await expect(page.getByTestId("submitted-note")).toBeVisible({ timeout: 60_000 });

  // The gallery: one approved, one failed with our explanation in Chinese.
  await page.goto(`/gallery?q=${stamp}`);
  const card = (name: string) => page.locator(`[data-testid="asset-card"][data-asset-name="${name}"]`);
  await expect(card(good)).toHaveAttribute("data-status", "approved", { timeout: 60_000 });
  await expect(card(bad)).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
  const reason = card(bad).getByTestId("asset-failure");
  await expect(reason).toHaveText(/[\u4e00-\u9fff]/);
  await expect(reason).not.toHaveText(/real person/i);
  expect(await englishLeft(page, [group, good, bad])).toEqual([]);

  // The drawer of the failed one: the explanation and its fix, in Chinese.
  await card(bad).getByRole("button", { name: new RegExp(bad) }).first().click();
  const drawer = page.getByTestId("asset-drawer");
  await expect(drawer.getByTestId("drawer-failure")).toHaveText(/[\u4e00-\u9fff]/);
  await page.keyboard.press("Escape");

  // One click on the approved card makes a video job; its page follows it to the end in Chinese.
  await page.getByRole("button", { name: zh("gallery.grid.generateFrom", { name: good }) }).first().click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 90_000 });
  await expect(page.getByTestId("job-status")).toContainText(zh("jobs.states.SUCCEEDED"));
  expect(await englishLeft(page, [group, good, bad])).toEqual([]);

  // Other pages a lead opens, in Chinese with nothing English left.
  for (const route of ["/", "/jobs", "/review", "/generate", "/audit", "/api-tokens", "/preferences"]) {
    await page.goto(route);
    await expect(page.locator("main h1").first()).toHaveText(/[\u4e00-\u9fff]/);
    expect(await englishLeft(page, [group, good, bad]), route).toEqual([]);
  }
  await context.close();
});

test("a member in Asia/Shanghai filters the gallery by their today and finds what they uploaded after local midnight", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signIn(page, memberEmail, password);
  // The browser's zone was recorded on first sign-in (the first test); the preferences page shows it.
  await page.goto("/preferences");
  await expect(page.getByTestId("preferences-time-zone")).toHaveValue("Asia/Shanghai");

  const day = (offsetDays: number) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + offsetDays * 86_400_000));
  await page.goto(`/gallery?tab=all&q=${stamp}&from=${day(0)}&to=${day(0)}`);
  await expect(page.getByTestId("asset-card")).toHaveCount(2);
  await page.goto(`/gallery?tab=all&q=${stamp}&to=${day(-1)}`);
  await expect(page.getByTestId("asset-card")).toHaveCount(0);
  await page.goto(`/gallery?tab=all&q=${stamp}&from=${day(1)}`);
  await expect(page.getByTestId("asset-card")).toHaveCount(0);
  await context.close();
});

test("a signed-out visitor whose browser asks for Chinese gets the sign-in page in Chinese, and can switch to English without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Email")).toBeVisible();
  await context.close();
});
