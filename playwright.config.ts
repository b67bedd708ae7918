import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium where it is installed (CI, this project's machines); Playwright's own otherwise.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium;
const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: executablePath
        ? [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ]
        : [],
    },
  },
  webServer: {
    // The real server processes (PostgreSQL, simulator, worker, `next start`) on a fresh database.
    command: "node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts",
    // Ready once the launcher says so (the app answers, and the demo samples are in), not
    // when the app first answers: Playwright takes whichever of `url` and `wait` comes first.
    wait: { stdout: /e2e stack ready/ },
    timeout: 180_000,
    reuseExistingServer: false,
    // The launcher stops its processes in order (app, worker, simulator, database) on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: process.env.E2E_SERVER_LOGS ? "pipe" : "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
