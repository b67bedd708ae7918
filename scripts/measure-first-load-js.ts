// First-load JavaScript per dashboard page: a production build under `next start` (with a
// worker, embedded PostgreSQL and the simulator), a real browser (Chromium through
// Playwright), signed in as the demo admin (who sees every page). Each page is opened in a
// fresh browser context (empty cache), and every script requested before the page's load
// event is summed, as gzip (each body gzipped here at level 9, as a server would send it).
// Scripts asked for later (the router prefetching the routes the page links to, chunks
// loaded on a click) are listed apart, not counted. Prints a table and, last, the largest.
// Not a test.
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   npx tsx scripts/measure-first-load-js.ts
//
// Last line: `first-load js: max K kB (page)`.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { signIn } from "./lib/app-http";
import { startBenchStack } from "./lib/bench-stack";

const PAGES = ["/", "/gallery", "/upload", "/review", "/generate", "/jobs", "/settings", "/settings/team"];
const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-first-load-"));
const stack = await startBenchStack(dir);
let last = "";
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumPath ? ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] : [],
});
try {
  const cookie = await signIn(stack.base, "admin@demo.local", "avatar-demo");
  const host = new URL(stack.base).hostname;
  const cookies = cookie.split(/;\s*/).map((pair) => {
    const i = pair.indexOf("=");
    return { name: pair.slice(0, i), value: pair.slice(i + 1), domain: host, path: "/" };
  });
  const rows: { page: string; scripts: number; raw: number; gzip: number; laterScripts: number; laterGzip: number }[] = [];
  for (const page of PAGES) {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const tab = await context.newPage();
    // The scripts' addresses, before and after the load event; their bytes are fetched once the
    // page is done (a response body read from the browser can be gone, which would undercount).
    const earlyUrls: string[] = [];
    const laterUrls: string[] = [];
    let loaded = false;
    tab.on("request", (request) => {
      if (request.resourceType() === "script") (loaded ? laterUrls : earlyUrls).push(request.url());
    });
    tab.on("load", () => (loaded = true));
    const answer = await tab.goto(`${stack.base}${page}`, { waitUntil: "networkidle" });
    if (!answer || answer.status() !== 200 || new URL(tab.url()).pathname !== page) {
      throw new Error(`${page}: HTTP ${answer?.status()} at ${tab.url()} (not signed in?)`);
    }
    const fetchAll = (urls: string[]) =>
      Promise.all(
        [...new Set(urls)].map(async (url) => {
          const res = await fetch(url, { headers: { cookie } });
          if (!res.ok) throw new Error(`${page}: ${url} answered ${res.status}`);
          return Buffer.from(await res.arrayBuffer());
        }),
      );
    const scripts = await fetchAll(earlyUrls);
    const afterwards = await fetchAll(laterUrls);
    rows.push({
      page,
      scripts: scripts.length,
      raw: scripts.reduce((s, b) => s + b.length, 0),
      gzip: scripts.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
      laterScripts: afterwards.length,
      laterGzip: afterwards.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    });
    await context.close();
  }
  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  console.log(`\n${"page".padEnd(16)} ${"scripts".padStart(8)} ${"raw kB".padStart(9)} ${"gzip kB".padStart(9)}   after load (prefetch, lazy; not counted)`);
  for (const r of rows) {
    console.log(`${r.page.padEnd(16)} ${String(r.scripts).padStart(8)} ${kb(r.raw).padStart(9)} ${kb(r.gzip).padStart(9)}   ${r.laterScripts} scripts, ${kb(r.laterGzip)} kB`);
  }
  const max = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  last = `first-load js: max ${kb(max.gzip)} kB (${max.page})`;
} finally {
  await browser.close();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(last);
process.exit(last ? 0 : 1);
