// The stack that browser tests run against: a production build (served by scripts/server.ts), a fresh
// throw-away database, the simulator with short review and video times, and the worker.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_BROKEN_RECORD_ID } from "../e2e/broken-record";
import { launch, stopOnSignals } from "./lib/launcher";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-e2e-"));
const port = Number(process.env.E2E_PORT ?? 3210);
const { url, stop } = await launch({
  mode: "start",
  dataDir,
  persistentDatabase: false,
  port,
  seedDemo: true,
  env: {
    NODE_ENV: "production",
    // Production refuses development secrets: this throw-away stack gets fresh ones.
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    SIMULATOR_REVIEW_MS: process.env.SIMULATOR_REVIEW_MS ?? "1500",
    // The job page fails for this id, so the browser tests can see the app's error page.
    E2E_BROKEN_RECORD_ID: E2E_BROKEN_RECORD_ID,
    SIMULATOR_VIDEO_MS: process.env.SIMULATOR_VIDEO_MS ?? "4000",
  },
});
stopOnSignals(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});
console.log(`e2e stack ready at ${url}`);
