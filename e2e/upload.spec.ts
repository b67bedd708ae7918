import { expect, test } from "@playwright/test";
import { makePaddedMp4, makePng, makeWav, sha256 } from "@/lib/media/test-media";
import { delayScriptsAfterLoad, demo, signIn, freshSeed, waitForHydration } from "./helpers";

test.describe.configure({ mode: "serial" });

const groupName = `Launch avatars ${Date.now().toString(36)}`;
const row = (page: import("@playwright/test").Page, fileName: string) => page.locator(`[data-testid="file-row"][data-file-name="${fileName}"]`);

test("drop 25 images and 2 audio files: uploaded with progress, sent as 20 + 5 images and 2 audio into one group", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, demo.creator);
  await page.goto("/upload");
  await expect(page.getByRole("heading", { name: "Upload" })).toBeVisible();

  await page.getByRole("radio", { name: "New group" }).click();
  await page.getByLabel("Group name").fill(groupName);
  await page.getByLabel("Description").fill("Made by the browser test");

  const seed = freshSeed();
  const images = Array.from({ length: 25 }, (_, i) => ({
    name: `avatar-${String(i + 1).padStart(2, "0")}.png`,
    mimeType: "image/png",
    buffer: makePng(512, 512, seed + i),
  }));
  const audio = [1, 2].map((i) => ({ name: `voice-${i}.wav`, mimeType: "audio/wav", buffer: makeWav(3, 200 + 110 * i + (seed % 100_000) / 1000) }));

  const dropped = Date.now();
  await page.getByTestId("upload-input").setInputFiles([...images, ...audio]);
  await expect(page.getByTestId("file-row")).toHaveCount(27);
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(27, { timeout: 120_000 });
  const uploadedAt = Date.now();
  await expect(page.getByTestId("overall-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("upload-summary")).toContainText("27 of 27 uploaded");

  // Previews, facts and proposed names.
  const first = row(page, "avatar-01.png");
  await expect(first.getByRole("textbox")).toHaveValue("avatar-01");
  await expect(first).toContainText("512×512 px");
  await expect(first.locator("img")).toBeVisible();
  const voice = row(page, "voice-1.wav");
  await expect(voice).toContainText("3.0 s");
  await expect(voice.locator("audio")).toHaveCount(1);

  await expect(page.getByTestId("request-plan")).toHaveText(/Request 1\s*20 images\s*Request 2\s*5 images\s*Request 3\s*2 audio files/);

  await page.getByRole("button", { name: "Submit for review" }).click();
  const batch = page.getByTestId("submission-batch").filter({ hasText: groupName });
  await expect(batch).toHaveCount(1, { timeout: 60_000 });
  const requests = batch.getByTestId("submission-request");
  await expect(requests).toHaveCount(3);
  await expect(batch.getByTestId("task-id")).toHaveCount(3, { timeout: 60_000 });
  const acceptedAt = Date.now();
  console.log(
    `drop → all tasks accepted: ${acceptedAt - dropped} ms (27 files uploaded in ${uploadedAt - dropped} ms, submit → 3 tasks in ${acceptedAt - uploadedAt} ms including the click)`,
  );

  await expect(requests.nth(0)).toContainText("20 images");
  await expect(requests.nth(1)).toContainText("5 images");
  await expect(requests.nth(2)).toContainText("2 audio files");
  for (const state of await requests.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))) {
    expect(["SENT", "COMPLETED", "PARTIAL", "FAILED"]).toContain(state);
  }
  const taskIds = await batch.getByTestId("task-id").allTextContents();
  expect(new Set(taskIds).size).toBe(3);

  await expect(page.getByTestId("submitted-note")).toContainText(`27 assets submitted to “${groupName}” in 3 requests`);
  await expect(page.getByTestId("submitted-note").getByRole("link", { name: /gallery/ })).toHaveAttribute("href", "/gallery");
  // The submitted files leave the list; later files go to the same group by default.
  await expect(page.getByTestId("file-row")).toHaveCount(0);
  await expect(page.getByRole("radio", { name: "Existing group" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue(/.+/);
});

test("a too small image and a text file named .png are refused with their reasons and never sent", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles([
    { name: "tiny.png", mimeType: "image/png", buffer: makePng(100, 100, 5) },
    { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("These are plain text notes, not a picture.\n") },
  ]);
  const tiny = row(page, "tiny.png");
  const notes = row(page, "notes.png");
  await expect(tiny).toHaveAttribute("data-status", "refused");
  await expect(notes).toHaveAttribute("data-status", "refused");
  await expect(tiny.getByTestId("refusal-reasons")).toContainText("The image is 100×100 px; each side must be 300–6000 px.");
  await expect(notes.getByTestId("refusal-reasons")).toContainText("could not be read as a PNG image");
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeDisabled();
  await expect(page.getByTestId("upload-summary")).toContainText("2 refused");

  // A refused file can be replaced by a good one, which is then uploaded.
  const chooser = page.waitForEvent("filechooser");
  await tiny.getByRole("button", { name: "Replace" }).click();
  await (await chooser).setFiles({ name: "bigger.png", mimeType: "image/png", buffer: makePng(400, 400, freshSeed()) });
  await expect(row(page, "bigger.png")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await notes.getByRole("button", { name: /Remove/ }).click();
  await expect(notes).toHaveCount(0);
  await row(page, "bigger.png").getByRole("button", { name: /Remove/ }).click();
  await expect(page.getByTestId("file-row")).toHaveCount(0);
});

test("a file pasted while the drop area has focus is added once", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/upload");
  await waitForHydration(page);
  await page.getByTestId("dropzone").focus();
  const bytes = [...makePng(320, 320, freshSeed())];
  await page.getByTestId("dropzone").evaluate((zone, data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], "pasted.png", { type: "image/png" }));
    zone.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await expect(row(page, "pasted.png")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByText("1 file pasted")).toBeVisible();
  await expect(page.getByTestId("file-row")).toHaveCount(1);
  await row(page, "pasted.png").getByRole("button", { name: /Remove/ }).click();
  await expect(page.getByTestId("file-row")).toHaveCount(0);
});

test("failed uploads are retried alone or all at once, and finished uploads survive a reload", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/upload");
  // The network drops the first uploads of the "flaky" files.
  await page.getByLabel("Group name").fill("Retries");
  await page.route(/\/api\/uploads\?name=flaky/, (route) => route.abort("connectionreset"));
  const seed = freshSeed();
  await page.getByTestId("upload-input").setInputFiles([
    { name: "steady.png", mimeType: "image/png", buffer: makePng(320, 480, seed) },
    ...[1, 2, 3].map((i) => ({ name: `flaky-${i}.png`, mimeType: "image/png", buffer: makePng(480, 320, seed + i) })),
  ]);
  await expect(row(page, "steady.png")).toHaveAttribute("data-status", "done");
  await expect(page.locator('[data-testid="file-row"][data-status="failed"]')).toHaveCount(3);
  await expect(row(page, "flaky-1.png")).toContainText("The connection was lost");
  // Failed uploads do not hold the others back.
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeEnabled();

  await page.unrouteAll();
  await row(page, "flaky-1.png").getByRole("button", { name: "Retry" }).click();
  await expect(row(page, "flaky-1.png")).toHaveAttribute("data-status", "done");
  await expect(page.locator('[data-testid="file-row"][data-status="failed"]')).toHaveCount(2);
  await page.getByRole("button", { name: /Retry all failed/ }).click();
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(4);

  await row(page, "flaky-2.png").getByRole("textbox").fill("renamed");
  await page.reload();
  await expect(page.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(4);
  await expect(row(page, "flaky-2.png").getByRole("textbox")).toHaveValue("renamed");
  for (const name of ["steady.png", "flaky-1.png", "flaky-2.png", "flaky-3.png"]) await row(page, name).getByRole("button", { name: /Remove/ }).click();
  await expect(page.getByTestId("file-row")).toHaveCount(0);
});

test("after a reload the page shows what was submitted and its state", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/upload");
  await page.reload();
  const batch = page.getByTestId("submission-batch").filter({ hasText: groupName });
  await expect(batch).toHaveCount(1);
  await expect(batch.getByTestId("submission-request")).toHaveCount(3);
  await expect(batch.getByTestId("task-id")).toHaveCount(3);
  await expect(batch).toContainText("27 assets in 3 requests");
});

test("a 40 MB video goes through the upload route and is stored byte for byte", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.creator);
  const body = makePaddedMp4(40_000_000);
  const expected = sha256(body);
  const res = await page.request.post(`/api/uploads?name=${encodeURIComponent("big clip.mp4")}`, {
    data: body,
    headers: { "content-type": "video/mp4" },
    timeout: 150_000,
  });
  expect(res.status(), await res.text()).toBe(201);
  const { upload } = (await res.json()) as { upload: { url: string; sha256: string; sizeBytes: number; type: string; width: number; height: number } };
  expect(upload).toMatchObject({ sha256: expected, sizeBytes: 40_000_000, type: "VIDEO", width: 1280, height: 720 });
  const stored = await page.request.get(new URL(upload.url).pathname, { timeout: 120_000 });
  expect(stored.status()).toBe(200);
  const bytes = await stored.body();
  expect(bytes.length).toBe(40_000_000);
  expect(sha256(bytes)).toBe(expected);
});

test("URLs: usable lines become rows named from their file, the others stay in the box with their reason", async ({ page }) => {
  await signIn(page, demo.creator);
  await page.goto("/upload");
  const box = page.getByLabel("Public URLs, one per line");
  const good = `https://cdn.example.com/avatars/hero-${freshSeed()}.png`;
  await box.fill([good, "ftp://cdn.example.com/a.png", "https://someone:secret@cdn.example.com/b.png"].join("\n"));
  await page.getByRole("button", { name: "Add URLs" }).click();
  const rows = page.getByTestId("url-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(good);
  await expect(page.getByRole("alert").filter({ hasText: "These lines cannot be used" })).toContainText("ftp://cdn.example.com/a.png");
  await expect(box).toHaveValue(/ftp:\/\/cdn\.example\.com\/a\.png\nhttps:\/\/someone:secret@cdn\.example\.com\/b\.png/);
  await rows.first().getByRole("button", { name: `Remove ${good}` }).click();
  await expect(rows).toHaveCount(0);
});

test("the group kind radios hydrate after the page has loaded, a click made before is not lost, and a saved choice comes back", async ({ page }) => {
  await signIn(page, demo.creator);
  const late = await delayScriptsAfterLoad(page, 5_000);
  await page.goto("/upload");
  await waitForHydration(page);
  // The server drew the radios; their code is among the scripts asked for after the load event.
  const existing = page.getByRole("radio", { name: "Existing group" });
  await expect(existing).toHaveAttribute("aria-checked", "false");
  expect(await existing.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps")))).toBe(false);
  await existing.click();
  await expect(existing).toHaveAttribute("aria-checked", "true");
  expect(late.length).toBeGreaterThan(0);
  await expect(page.getByLabel("Group", { exact: true })).toBeVisible();
  // Hydrated, the radios keep their boxes and answer the keyboard: one tab stop, arrows move.
  for (const name of ["New group", "Existing group", "Provider id"]) {
    const box = await page.getByRole("radio", { name }).boundingBox();
    expect(box?.width ?? 0, name).toBeGreaterThan(20);
  }
  await existing.focus();
  // Held for a moment, as a hand does: Radix checks the radio only while an arrow key is down.
  await page.keyboard.press("ArrowRight", { delay: 80 });
  await expect(page.getByRole("radio", { name: "Provider id" })).toBeFocused();
  await expect(page.getByRole("radio", { name: "Provider id" })).toHaveAttribute("aria-checked", "true");

  // The choice is kept in this browser: a reload brings it back, the radios showing it once hydrated.
  await page.reload();
  await expect(page.getByRole("radio", { name: "Provider id" })).toHaveAttribute("aria-checked", "true", { timeout: 15_000 });
  await page.getByRole("radio", { name: "New group" }).click();
  await expect(page.getByLabel("Group name")).toBeVisible();
});

test("files dropped, chosen or a click made before the drop area has hydrated are not lost", async ({ page }) => {
  await signIn(page, demo.creator);
  const late = await delayScriptsAfterLoad(page, 5_000);
  await page.goto("/upload");
  await waitForHydration(page);
  const dropzone = page.getByTestId("dropzone");
  const hydrated = () => dropzone.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps")));
  // The server drew the drop area; react-dropzone is among the scripts asked for after the load event.
  await expect(dropzone).toContainText("Drop");
  expect(await hydrated()).toBe(false);
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], "early-drop.png", { type: "image/png" }));
    return data;
  }, [...makePng(100, 100, freshSeed())]);
  await dropzone.dispatchEvent("drop", { dataTransfer });
  await expect(row(page, "early-drop.png")).toHaveAttribute("data-status", "refused", { timeout: 15_000 });
  await expect(row(page, "early-drop.png").getByTestId("refusal-reasons")).toContainText("The image is 100×100 px");
  expect(late.length).toBeGreaterThan(0);
  // The browser did not open the file in place of the page.
  await expect(page).toHaveURL(/\/upload$/);

  // Chosen through the drop area's input before it has hydrated: added all the same.
  await page.reload();
  await waitForHydration(page);
  expect(await hydrated()).toBe(false);
  await page.getByTestId("upload-input").setInputFiles({ name: "early-choice.png", mimeType: "image/png", buffer: makePng(120, 120, freshSeed()) });
  await expect(row(page, "early-choice.png")).toHaveAttribute("data-status", "refused", { timeout: 15_000 });

  // A click before hydration opens the file chooser once the area has hydrated (within the
  // browser's few seconds of user activation; here the late scripts take one more second).
  await page.unrouteAll({ behavior: "wait" });
  const soon = await delayScriptsAfterLoad(page, 1_000);
  await page.reload();
  await waitForHydration(page);
  expect(await hydrated()).toBe(false);
  const chooser = page.waitForEvent("filechooser", { timeout: 15_000 });
  await dropzone.click();
  await (await chooser).setFiles({ name: "early-click.png", mimeType: "image/png", buffer: makePng(110, 110, freshSeed()) });
  await expect(row(page, "early-click.png")).toHaveAttribute("data-status", "refused", { timeout: 15_000 });
  expect(soon.length).toBeGreaterThan(0);
});
