// `npm test`: unit and integration tests (vitest, real PostgreSQL), a production build, then
// browser tests (Playwright in Chromium against `next start`). Prints one closing count.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { playwrightFailures, vitestFailures } from "./lib/test-report";

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function run(label: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  console.log(`\n=== ${label}`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } as NodeJS.ProcessEnv,
    });
    child.on("exit", (code) => {
      console.log(`=== ${label}: exit ${code} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      resolve(code ?? 1);
    });
  });
}

const only = process.argv[2]; // optional: "unit" or "e2e"
let passed = 0;
let failed = 0;
let exit = 0;
// Names of what failed, printed again at the end so that the tail of a long log says what broke.
const failures: string[] = [];

if (!only) {
  const code = await run("type check (tsc)", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
  if (code !== 0) {
    exit = 1;
    failed += 1;
    failures.push("type check (tsc): see its output above");
  }
}

if (!only || only === "unit") {
  const code = await run("unit and integration tests (vitest)", [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.join(resultsDir, "unit.json")}`,
  ]);
  const file = path.join(resultsDir, "unit.json");
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests ?? 0;
    // Each failed test counts once, and so does a test file that failed with no test failing
    // in it (it did not load); vitest's suite count would count the file and its describes again.
    const unitFailures = vitestFailures(report, root);
    failed += unitFailures.length;
    if ((report.numFailedTestSuites ?? 0) > 0 || report.success === false) exit = 1;
    failures.push(...unitFailures);
  }
  if (code !== 0) exit = 1;
}

if (!only || only === "e2e") {
  const build = await run("production build (next build)", ["node_modules/next/dist/bin/next", "build"], { SKIP_ENV_VALIDATION: "1" });
  if (build !== 0) {
    exit = 1;
    failed += 1;
    failures.push("production build (next build): see its output above");
  } else {
    const code = await run("browser tests (Playwright)", ["node_modules/@playwright/test/cli.js", "test"]);
    const file = path.join(resultsDir, "e2e.json");
    if (existsSync(file)) {
      const report = JSON.parse(readFileSync(file, "utf8"));
      const stats = report.stats ?? {};
      failures.push(...playwrightFailures(report.suites ?? []));
      passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
      failed += stats.unexpected ?? 0;
    }
    if (code !== 0) exit = 1;
  }
}

if (exit !== 0 && failed === 0) failed = 1; // a runner that failed before counting still fails the run
if (failures.length > 0) {
  console.log("\nFailed:");
  for (const line of failures) console.log(`  ✗ ${line}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exit);
