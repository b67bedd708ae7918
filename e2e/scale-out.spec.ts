import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { makePng } from "@/lib/media/test-media";
import { createS3Client } from "@/lib/storage/s3-storage";
import { type Cluster, startCluster } from "../scripts/lib/cluster";
import { demo, freshSeed } from "./helpers";

/**
 * Two app hosts (`next start` on two ports) and two workers on one PostgreSQL and one bucket
 * (STORAGE_DRIVER=s3 against a real S3 server), beside the stack the other browser tests use.
 * A file uploaded through app A is served by app B (with Range) and reviewed by the provider,
 * which downloads it from the bucket; a video job created on B is finished by whichever worker
 * claims it, and its video lands in the bucket; no provider task is polled twice in one period.
 */
test.describe.configure({ mode: "serial" });

const tag = `scale-${Date.now().toString(36)}`;
const avatar = `${tag}-avatar`;
const png = makePng(512, 640, freshSeed());
let cluster: Cluster;
let dataDir: string;
let appA: string;
let appB: string;

/** Status calls per task, sampled from the simulator's own counts while the tests run. */
const samples: { at: number; tasks: Record<string, number> }[] = [];
let sampler: NodeJS.Timeout | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-scale-out-"));
  cluster = await startCluster({
    apps: 2,
    workers: 2,
    dataDir,
    env: { SIMULATOR_REVIEW_MS: "8000", SIMULATOR_VIDEO_MS: "10000", LOG_LEVEL: "info" },
  });
  [appA, appB] = cluster.appUrls as [string, string];
  const sample = async () => {
    const res = await fetch(`${cluster.simulatorUrl}/_admin/stats`).catch(() => null);
    if (res?.ok) samples.push({ at: Date.now(), tasks: ((await res.json()) as { tasks: Record<string, number> }).tasks });
  };
  sampler = setInterval(() => void sample(), 200);
});

test.afterAll(async () => {
  if (sampler) clearInterval(sampler);
  await cluster?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signInAt(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.creator);
  await page.getByLabel("Password").fill("avatar-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  return page;
}

test("a file uploaded through app A is stored in the bucket, served by app B with Range, and reviewed", async ({ browser }) => {
  test.setTimeout(150_000);
  const pageA = await signInAt(browser, appA);
  await pageA.goto("/upload");
  await pageA.getByRole("radio", { name: "New group" }).click();
  await pageA.getByLabel("Group name").fill(`Scale out ${tag}`);
  await pageA.getByTestId("upload-input").setInputFiles([{ name: `${avatar}.png`, mimeType: "image/png", buffer: png }]);
  await expect(pageA.locator('[data-testid="file-row"][data-status="done"]')).toHaveCount(1, { timeout: 60_000 });
  await pageA.getByRole("button", { name: "Submit for review" }).click();
  await expect(pageA.getByTestId("submitted-note")).toBeVisible({ timeout: 30_000 });

  // On app B: the gallery shows it approved (the provider fetched it from the bucket).
  const pageB = await signInAt(browser, appB);
  await pageB.goto(`/gallery?q=${tag}`);
  const card = pageB.locator(`[data-testid="asset-card"][data-asset-name="${avatar}"]`);
  await expect(card).toHaveAttribute("data-status", "approved", { timeout: 60_000 });

  const list = (await (await pageB.request.get(`/api/assets?q=${tag}`)).json()) as { items: { name: string; fileUrl: string }[] };
  const item = list.items.find((i) => i.name === avatar)!;
  const fileUrl = new URL(item.fileUrl);
  expect(fileUrl.origin).toBe(appB);
  expect(fileUrl.pathname).toMatch(/^\/files\//);
  const whole = await pageB.request.get(fileUrl.pathname);
  expect(whole.status()).toBe(200);
  expect(whole.headers()["content-type"]).toBe("image/png");
  expect(sha256(await whole.body())).toBe(sha256(png));
  const part = await pageB.request.get(fileUrl.pathname, { headers: { range: "bytes=0-7" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 0-7/${png.length}`);
  expect(Buffer.compare(await part.body(), png.subarray(0, 8))).toBe(0);

  // It is in the bucket, and on no host's disk.
  const key = decodeURIComponent(fileUrl.pathname.slice("/files/".length));
  const client = createS3Client({ ...s3Settings() });
  const head = await client.send(new HeadObjectCommand({ Bucket: cluster.s3.bucket, Key: key }));
  expect(head.ContentLength).toBe(png.length);
  expect(filesOnDisk()).toEqual([]);
});

test("a video job created on app B is finished by whichever worker claims it, its video in the bucket", async ({ browser }) => {
  test.setTimeout(150_000);
  const pageB = await signInAt(browser, appB);
  await pageB.goto("/generate");
  await pageB.getByLabel("Search approved assets").fill(tag);
  await pageB.getByRole("button", { name: `Pick ${avatar}` }).click();
  await pageB.getByLabel("Prompt").fill("The avatar waves from another host");
  await pageB.getByRole("button", { name: "Generate video" }).click();
  await expect(pageB).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 30_000 });
  const jobId = pageB.url().split("/").pop()!;
  const video = pageB.getByTestId("job-video");
  await expect(video).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 }).toBeGreaterThan(0);

  // The stored copy is served by app A as well.
  const job = (await (await pageB.request.get(`/api/video-jobs/${jobId}`)).json()) as { job: { video: { url: string } | null } };
  const videoPath = new URL(job.job.video!.url).pathname;
  const fromA = await fetch(`${appA}${videoPath}`, { headers: { range: "bytes=4-7" } });
  expect(fromA.status).toBe(206);
  expect(Buffer.from(await fromA.arrayBuffer()).toString("latin1")).toBe("ftyp");
  expect(filesOnDisk()).toEqual([]);
});

test("no provider task was polled twice in one period, with two workers following them", async () => {
  // Two workers that both polled a task would show two calls within milliseconds. The
  // schedules (review and video) never ask again sooner than 2.7 s.
  const MIN_GAP_MS = 2_000;
  expect(samples.length).toBeGreaterThan(50);
  const tasks = new Set(samples.flatMap((s) => Object.keys(s.tasks)));
  expect(tasks.size).toBeGreaterThanOrEqual(2); // the review task and the video task
  let polls = 0;
  for (const task of tasks) {
    let previous = 0;
    let lastCallAt = -Infinity;
    for (const sample of samples) {
      const count = sample.tasks[task] ?? 0;
      const added = count - previous;
      if (added > 0) {
        polls += added;
        expect(added, `task ${task}: ${added} status calls within one 200 ms sample`).toBe(1);
        expect(sample.at - lastCallAt, `task ${task}: two status calls ${sample.at - lastCallAt} ms apart`).toBeGreaterThanOrEqual(MIN_GAP_MS);
        lastCallAt = sample.at;
      }
      previous = count;
    }
  }
  expect(polls).toBeGreaterThanOrEqual(4);
  // Both workers were there to race for them.
  for (const name of ["worker-1", "worker-2"]) expect(cluster.processes.find((p) => p.name === name)).toBeTruthy();
});

function s3Settings() {
  return {
    endpoint: cluster.s3.endpoint,
    accessKeyId: cluster.s3.accessKeyId,
    secretAccessKey: cluster.s3.secretAccessKey,
    forcePathStyle: true,
  };
}

/** Stored files that ended up on an app's or worker's own disk instead of the bucket. */
function filesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".staging") walk(full);
      } else found.push(path.relative(dataDir, full));
    }
  };
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.endsWith("-disk")) walk(path.join(dataDir, entry.name));
  }
  return found;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
