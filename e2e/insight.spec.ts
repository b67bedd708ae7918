import { type Page, expect, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { demo, signIn, freshSeed } from "./helpers";

test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const rejected = `real-person-insight-${tag}`;
const approved = `insight-ok-${tag}`;
const PRIVACY = "InputImageSensitiveContentDetected.PrivacyInformation";

/** Uploads images through the Upload page into a new group and submits them. */
async function uploadAndSubmit(page: Page, names: string[]) {
  await page.goto("/upload");
  await expect(page.getByTestId("usage-card")).toBeVisible();
  await page.getByRole("radio", { name: "New group" }).click();
  await page.getByLabel("Group name").fill(`Insight ${tag}`);
  const seed = freshSeed();
  await page.getByTestId("upload-input").setInputFiles(names.map((name, i) => ({ name: `${name}.png`, mimeType: "image/png", buffer: makePng(512, 640, seed + i) })));
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(names.length, { timeout: 60_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("submitted-note")).toBeVisible({ timeout: 60_000 });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  await signIn(page, demo.creator);
  await uploadAndSubmit(page, [rejected, approved]);
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/approved-assets?q=${approved}&limit=5`);
        return ((await res.json()) as { items: { name: string }[] }).items.map((i) => i.name);
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toEqual([approved]);
  await page.close();
});

test("a lead opens the Overview, clicks a rejection reason and lands on the gallery filtered by it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.lead);
  // The review's verdict comes in the background: reload until the reason is counted.
  await expect
    .poll(
      async () => {
        await page.goto("/?days=7");
        return page.locator(`[data-testid="rejection-reasons"] a[data-reason="${PRIVACY}"]`).count();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(1);
  await expect(page.getByTestId("overview-range").getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("review-chart")).toBeVisible();
  await expect(page.getByTestId("review-time")).not.toContainText("—");
  await page.locator(`[data-testid="rejection-reasons"] a[data-reason="${PRIVACY}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/gallery\\?tab=failed&reason=${PRIVACY.replace(".", "\\.")}$`));
  await expect(page.locator(`[data-testid="asset-card"][data-asset-name="${rejected}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="asset-card"][data-asset-name="${approved}"]`)).toHaveCount(0);
  // Every card shown failed for that reason.
  for (const failure of await page.getByTestId("asset-failure").allTextContents()) expect(failure).toMatch(/real person/i);
});

test("the Audit page is for leads and admins: filters in the URL and a CSV of the same list", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  try {
    const creator = await creatorContext.newPage();
    await signIn(creator, demo.creator);
    await creator.goto("/audit");
    await expect(creator).toHaveURL(/\/forbidden/);
    expect((await creator.request.get("/api/audit/export")).status()).toBe(403);
  } finally {
    await creatorContext.close();
  }

  await signIn(page, demo.lead);
  await page.goto("/audit");
  await page.getByLabel("What").selectOption("assets.submitted");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=assets\.submitted/);
  const rows = page.getByTestId("audit-events").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")))) expect(action).toBe("assets.submitted");
  const csv = await page.request.get("/api/audit/export?action=assets.submitted");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain('"action"');
  expect(lines.length - 1).toBe(await rows.count());
});

test("an admin sets a member's budget to 0 and that member's Generate is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.admin);
  await page.goto("/settings");
  const creatorBudget = page.getByLabel("Monthly limit of Cleo Creator");
  await creatorBudget.fill("0");
  await creatorBudget.locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Budget of Cleo Creator saved")).toBeVisible();

  const creatorContext = await browser.newContext();
  const creator = await creatorContext.newPage();
  try {
    await signIn(creator, demo.creator);
    await creator.goto("/generate");
    await creator.getByLabel("Search approved assets").fill(approved);
    await creator.getByRole("button", { name: `Pick ${approved}` }).click();
    await creator.getByLabel("Prompt").fill("The avatar waves");
    await creator.getByRole("button", { name: "Generate video" }).click();
    await expect(creator.getByTestId("server-error")).toContainText(/monthly budget|spending is limited/);
    await expect(creator).toHaveURL(/\/generate/);
  } finally {
    // Other tests generate as this member: the limit is removed again.
    await page.reload();
    await page.getByLabel("Monthly limit of Cleo Creator").fill("");
    await page.getByLabel("Monthly limit of Cleo Creator").locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Budget of Cleo Creator saved")).toBeVisible();
    await creatorContext.close();
  }
});
