// How many provider status calls an open review task costs, with 1 and with 20 browser tabs
// open on the gallery. Runs the real stack (production build, worker, simulator with a long
// review, a throw-away database), opens tasks, then for each case starts N "tabs": concurrent
// pollers of GET /api/assets with a signed-in session cookie, every 2.5 s as the page does
// while something is in review. Counts the simulator's own request stats per task. Prints
// figures; it is not a test. Needs `next build` first and the shared e2e lock:
//
//   flock /tmp/avatar-studio-e2e.lock sh -c 'SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build && npx tsx scripts/measure-status-calls.ts'
//
// Last line: `status calls per open task per minute: 1 tab A, 20 tabs B`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch } from "./lib/launcher";
import { freePort } from "./lib/free-port";
import { startEmbeddedPostgres } from "./lib/postgres";
import { signIn, waitForHealth } from "./lib/app-http";
import { numberArg } from "./lib/number-arg";

const WINDOW_S = numberArg("seconds", 60);
const TASKS = numberArg("tasks", 5);
const TAB_POLL_MS = 2_500;
const PORT = Number(process.env.E2E_PORT ?? 3210);

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-measure-"));
const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
const simPort = await freePort();
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  SIMULATOR_PORT: String(simPort),
  SIMULATOR_STATE_FILE: "none",
  // Reviews outlast the measurement, so every task stays open.
  SIMULATOR_REVIEW_MS: String(30 * 60_000),
  SIMULATOR_LOG_LEVEL: "warn",
  LOG_LEVEL: "warn",
  NODE_ENV: "production",
});

const stack = await launch({ mode: "start", dataDir: dir, persistentDatabase: false, port: PORT, seedDemo: true });
// The launcher started the simulator on SIMULATOR_PORT; this process talks to it too (to open tasks).
process.env.UPSTREAM_BASE_URL = `http://127.0.0.1:${simPort}`;
process.env.UPSTREAM_API_KEY = "sk-sim-demo";
let last = "";
try {
  const base = `http://localhost:${PORT}`;
  await waitForHealth(base);
  const cookie = await signIn(base, "creator@demo.local", "avatar-demo");

  const { prisma } = await import("@/lib/db");
  const { submitAssets: submitAssetsForTeam } = await import("@/lib/submissions/submit-assets");
  const { startMediaServer } = await import("@/test/integration-kit");
  const media = await startMediaServer();
  const creator = await prisma.user.findUniqueOrThrow({ where: { email: "creator@demo.local" }, include: { membership: true } });
  const actor = { teamId: creator.membership!.teamId, userId: creator.id };

  async function openTasks(label: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < TASKS; i++) {
      const result = await submitAssetsForTeam(
        {
          target: { kind: "new", name: `${label} ${i}` },
          projectName: "default",
          items: [1, 2, 3].map((n) => ({ source: "url" as const, type: "IMAGE" as const, name: `${label}-${i}-${n}`, url: `${media.url}/${label}-${i}-${n}.png` })),
        },
        actor,
      );
      const row = await prisma.submission.findUniqueOrThrow({ where: { id: result.submissions[0]!.id } });
      if (!row.providerTaskId) throw new Error(`submission ${row.id} was not sent (${row.state})`);
      ids.push(row.providerTaskId);
    }
    return ids;
  }

  async function taskCalls(): Promise<Record<string, number>> {
    const stats = (await (await fetch(`http://127.0.0.1:${simPort}/_admin/stats`)).json()) as { tasks: Record<string, number> };
    return stats.tasks;
  }

  /** `tabs` pollers of our own route for the window; returns how many answers they got. */
  async function runTabs(tabs: number, ms: number): Promise<{ requests: number; failures: number }> {
    let requests = 0;
    let failures = 0;
    const until = Date.now() + ms;
    await Promise.all(
      Array.from({ length: tabs }, async (_, i) => {
        await sleep((i * TAB_POLL_MS) / Math.max(1, tabs));
        while (Date.now() < until) {
          const res = await fetch(`${base}/api/assets`, { headers: { cookie } }).catch(() => null);
          requests++;
          if (!res?.ok) failures++;
          else await res.arrayBuffer();
          await sleep(TAB_POLL_MS);
        }
      }),
    );
    return { requests, failures };
  }

  const results: { tabs: number; perTaskPerMinute: number; tasks: number; pageRequests: number; failures: number; allProviderCalls: number }[] = [];
  for (const tabs of [1, 20]) {
    const before = await taskCalls();
    const beforeTotal = Object.values(before).reduce((a, b) => a + b, 0);
    const tasks = await openTasks(`tabs${tabs}`);
    const polled = await runTabs(tabs, WINDOW_S * 1000);
    const after = await taskCalls();
    const calls = tasks.map((t) => (after[t] ?? 0) - (before[t] ?? 0));
    const afterTotal = Object.values(after).reduce((a, b) => a + b, 0);
    results.push({
      tabs,
      tasks: tasks.length,
      perTaskPerMinute: calls.reduce((a, b) => a + b, 0) / tasks.length / (WINDOW_S / 60),
      pageRequests: polled.requests,
      failures: polled.failures,
      allProviderCalls: afterTotal - beforeTotal,
    });
  }
  await media.close();
  await prisma.$disconnect();

  console.log(`\nProvider status calls per open review task, first ${WINDOW_S} s after submission (${TASKS} tasks per case)\n`);
  console.log(`${"tabs".padStart(5)} ${"calls/task/min".padStart(15)} ${"GET /api/assets".padStart(16)} ${"failed".padStart(7)}`);
  for (const r of results) {
    console.log(`${String(r.tabs).padStart(5)} ${r.perTaskPerMinute.toFixed(1).padStart(15)} ${String(r.pageRequests).padStart(16)} ${String(r.failures).padStart(7)}`);
  }
  console.log("\nThe worker alone calls the provider (3 s at first, backing off to 30 s); tabs read Postgres only.");
  const per = (tabs: number) => results.find((r) => r.tabs === tabs)!.perTaskPerMinute.toFixed(1);
  last = `status calls per open task per minute: 1 tab ${per(1)}, 20 tabs ${per(20)}`;
} finally {
  await stack.stop();
  await database.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
console.log(last);
process.exit(last ? 0 : 1);

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

