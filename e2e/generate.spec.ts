import { readFile } from "node:fs/promises";
import { type Page, expect, test } from "@playwright/test";
import { makePng, makeWav } from "@/lib/media/test-media";
import { delayScriptsAfterLoad, demo, signIn, freshSeed, waitForHydration } from "./helpers";

test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const avatars = [`gen-a-${tag}`, `gen-b-${tag}`, `gen-c-${tag}`];
const voice = `gen-voice-${tag}`;

/** Uploads files through the Upload page, submits them, and waits until the review approved them all. */
async function uploadApproved(page: Page) {
  await page.goto("/upload");
  await page.getByRole("radio", { name: "New group" }).click();
  await page.getByLabel("Group name").fill(`Generate ${tag}`);
  const seed = freshSeed();
  await page.getByTestId("upload-input").setInputFiles([
    ...avatars.map((name, i) => ({ name: `${name}.png`, mimeType: "image/png", buffer: makePng(512, 640, seed + i) })),
    { name: `${voice}.wav`, mimeType: "audio/wav", buffer: makeWav(3, 330 + (seed % 100_000) / 1000) },
  ]);
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(avatars.length + 1, { timeout: 60_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("submitted-note")).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/approved-assets?q=${tag}&limit=20`);
        const body = (await res.json()) as { items: { name: string }[] };
        return body.items.map((i) => i.name).sort();
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toEqual([...avatars, voice].sort());
}

async function expectVideoPlaysAndDownloads(page: Page) {
  const video = page.getByTestId("job-video");
  await expect(video).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId("stored-copy-note")).toContainText("after the provider's link");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download MP4" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^avatar-video-.+\.mp4$/);
  const bytes = await readFile((await file.path())!);
  expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
  expect(bytes.length).toBeGreaterThan(1_000);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  await signIn(page, demo.creator);
  await uploadApproved(page);
  await page.close();
});

test("on Generate, two approved avatars and a prompt make one job with both references", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.creator);
  await page.goto("/generate");
  await page.getByLabel("Search approved assets").fill(tag);
  await page.getByRole("button", { name: `Pick ${avatars[1]}` }).click();
  await page.getByRole("button", { name: `Pick ${avatars[2]}` }).click();
  await expect(page.getByTestId("selected-references").getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Prompt").fill("The two avatars wave at each other");
  await expect(page.getByTestId("prompt-counter")).toHaveText("34/4000");
  await page.getByRole("radio", { name: "9:16" }).click();
  await page.getByRole("button", { name: "Generate video" }).click();

  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 30_000 });
  const jobId = page.url().split("/").pop()!;
  await expect(page.getByTestId("job-progress")).toBeVisible();
  const references = page.getByTestId("job-references").getByRole("listitem");
  await expect(references).toHaveCount(2);
  await expect(references.nth(0)).toContainText(avatars[1]!);
  await expect(references.nth(1)).toContainText(avatars[2]!);
  await expect(page.getByTestId("job-prompt")).toHaveText("The two avatars wave at each other");
  const api = (await (await page.request.get(`/api/video-jobs/${jobId}`)).json()) as {
    job: { references: { name: string; role: string }[]; params: { aspectRatio: string } };
  };
  expect(api.job.references.map((r) => [r.name, r.role])).toEqual([
    [avatars[1], "reference_image"],
    [avatars[2], "reference_image"],
  ]);
  expect(api.job.params.aspectRatio).toBe("9:16");
  await expectVideoPlaysAndDownloads(page);

  // Duplicate opens the form with the same references and prompt.
  await page.getByRole("link", { name: "Duplicate" }).click();
  await expect(page).toHaveURL(new RegExp(`/generate\\?from=${jobId}$`));
  await expect(page.getByTestId("selected-references").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByLabel("Prompt")).toHaveValue("The two avatars wave at each other");
});

test("a first frame together with an audio reference is refused with the reason", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/generate");
  await page.getByLabel("Search approved assets").fill(tag);
  await page.getByRole("button", { name: `Pick ${avatars[0]}` }).click();
  await page.getByRole("button", { name: `Pick ${voice}` }).click();
  await page.getByLabel("Prompt").fill("Speak the line");
  await expect(page.getByRole("button", { name: "Generate video" })).toBeEnabled();

  await page.getByLabel(`Role of ${avatars[0]}`).selectOption("first_frame");
  const reason = page.getByTestId("rule-violations");
  await expect(reason).toContainText("A first or last frame can't be combined with video or audio references.");
  await expect(page.getByRole("button", { name: "Generate video" })).toBeDisabled();

  // Removing the audio makes it valid again; nothing was sent meanwhile.
  await page.getByRole("button", { name: `Remove ${voice}` }).click();
  await expect(reason).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate video" })).toBeEnabled();
});

test("a job the provider fails says why in plain words, and Retry starts it again", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.creator);
  await page.goto("/generate");
  await page.getByLabel("Search approved assets").fill(tag);
  await page.getByRole("button", { name: `Pick ${avatars[0]}` }).click();
  await page.getByLabel("Prompt").fill("A real-person dancing");
  await page.getByRole("button", { name: "Generate video" }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 30_000 });
  const failedUrl = page.url();
  await expect(page.getByTestId("job-error")).toContainText("may show a real person", { timeout: 60_000 });
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-state", "FAILED");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page).not.toHaveURL(failedUrl, { timeout: 30_000 });
  await expect(page.getByText("It retries")).toBeVisible();
});

test("the Generate page works on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.creator);
  await page.goto("/generate");
  await page.getByLabel("Search approved assets").fill(tag);
  await page.getByRole("button", { name: `Pick ${avatars[0]}` }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Generate video" })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("an approved avatar becomes a video in one click: progress, then a playing video and an MP4 download", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.creator);
  await page.goto(`/gallery?q=${avatars[0]}`);
  await page.getByRole("button", { name: `Open ${avatars[0]}` }).first().click();
  await page.getByTestId("asset-drawer").getByRole("button", { name: "Generate video" }).click();

  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("job-progress")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Generation progress" })).toBeVisible();
  await expect(page.getByTestId("job-references")).toContainText(avatars[0]!);
  await expectVideoPlaysAndDownloads(page);
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-state", "SUCCEEDED");
  await expect(page.getByTestId("job-parameters")).toContainText("Model");

  // The Jobs page lists it, finished, with its reference's thumbnail.
  await page.goto("/jobs");
  const row = page.getByTestId("job-row").first();
  await expect(row.getByTestId("job-status")).toHaveAttribute("data-state", "SUCCEEDED");
  await expect(row.getByTestId("reference-thumbnails").locator("img")).toHaveCount(1);
});

test("a video that finishes while the user is on another page is announced there", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.creator);
  await page.goto("/generate");
  await page.getByLabel("Search approved assets").fill(tag);
  await page.getByRole("button", { name: `Pick ${avatars[0]}` }).click();
  await page.getByLabel("Prompt").fill("The avatar nods");
  await page.getByRole("button", { name: "Generate video" }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 30_000 });
  await page.goto("/gallery");
  await expect(page.getByText("Your video is ready")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/);
  await expect(page.getByTestId("job-video")).toBeVisible();
});

test("the aspect ratio radios hydrate after the page has loaded, and a click made before is not lost", async ({ page }) => {
  await signIn(page, demo.creator);
  const late = await delayScriptsAfterLoad(page);
  await page.goto("/generate");
  await waitForHydration(page);
  // The server drew the radios; their code is among the scripts asked for after the load event.
  const portrait = page.getByRole("radio", { name: "9:16" });
  await expect(portrait).toHaveAttribute("aria-checked", "false");
  await portrait.click();
  await expect(portrait).toHaveAttribute("aria-checked", "true");
  expect(late.length).toBeGreaterThan(0);
  await page.getByRole("radio", { name: "1:1" }).click();
  await expect(page.getByRole("radio", { name: "1:1" })).toHaveAttribute("aria-checked", "true");
  await expect(portrait).toHaveAttribute("aria-checked", "false");
  await expect(portrait).toBeVisible();
  // The picker's type filter is one too.
  const images = page.getByRole("radio", { name: "Images" });
  await images.click();
  await expect(images).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("radio", { name: "All" })).toBeVisible();

  // Reached by a client navigation, the page draws them at once (their code has come).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Generate" }).click();
  const landscape = page.getByRole("radio", { name: "4:3" });
  await landscape.click();
  await expect(landscape).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("radio", { name: "21:9" })).toBeVisible();
});
