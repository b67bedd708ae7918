// Fault soak: 200 assets (images, videos, audio, some that fail review) in submissions and 30
// video jobs through the real app (a production build under `next start`) and one worker, with
// the provider simulator failing 30 % of its provider calls (429 with Retry-After, 500, a
// gateway's 502 HTML page, hangs before and after the request was handled, resets before,
// answers lost after the provider acted, malformed JSON). Everything on loopback, a throw-away
// database, bounded in time; it stops by itself and prints its figures. Not a test.
//
// The browser's paths are used: files go through `POST /api/uploads`, submissions and video
// jobs through their server actions (called over HTTP as the pages call them), approved assets
// are read from `GET /api/approved-assets`. The database and the simulator's admin API are read
// only to count, at the end.
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   E2E_PORT=3510 npx tsx scripts/soak-faults.ts [--seconds 600] [--seed 1]
//
// Last line: `soak: assets 200 lost L duplicated D stuck S; jobs 30 lost L duplicated D stuck S; in Ns`
// lost = rows that ended wrong, plus provider tasks no row records (orphans, each listed);
// duplicated = provider tasks made more than once for one submission or job;
// stuck = rows not finished when the time ran out.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./lib/free-port";
import { launch, stopOnSignals } from "./lib/launcher";
import { startEmbeddedPostgres } from "./lib/postgres";
import { waitForHealth } from "./lib/app-http";
import { runSoakLoad, type SoakFigures, soakLine, soakSettings } from "./lib/soak-load";
import { numberArg } from "./lib/number-arg";

const LIMIT_S = numberArg("seconds", 600);
const SEED = numberArg("seed", Date.now() % 100_000);
const PORT = Number(process.env.E2E_PORT ?? 3510);
const started = Date.now();
const deadline = started + LIMIT_S * 1000;

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-soak-"));
const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
const simPort = await freePort();
const sim = `http://127.0.0.1:${simPort}`;
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  SIMULATOR_PORT: String(simPort),
  SIMULATOR_STATE_FILE: "none",
  ...soakSettings(SEED),
  NODE_ENV: "production",
});

let figures: SoakFigures | undefined;

const stack = await launch({ mode: "start", dataDir: dir, persistentDatabase: false, port: PORT, seedDemo: true });
stopOnSignals(async () => {
  await stack.stop();
  await database.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});
process.env.UPSTREAM_BASE_URL = sim;
process.env.UPSTREAM_API_KEY = "sk-sim-demo";
try {
  const base = `http://localhost:${PORT}`;
  await waitForHealth(base);
  figures = await runSoakLoad({ base: () => base, sim, seed: SEED, started, deadline, dir, log });
} finally {
  await stack.stop();
  await database.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
if (!figures) process.exit(1);
console.log(soakLine(figures, Math.round((Date.now() - started) / 1000)));
process.exit(0);

function log(line: string) {
  console.log(`[soak]       ${line}`);
}
