import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function runMain(env: Record<string, string>): { lines: string[]; exited: Promise<number | null>; kill: (signal: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    cwd: ROOT,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("SIMULATOR_"))),
      NODE_ENV: "test",
      SIMULATOR_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (text: string) => lines.push(...text.split("\n").filter(Boolean)));
  }
  return {
    lines,
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
  };
}

describe("npm run simulator", () => {
  it("prints its URL, answers, and stops cleanly on SIGTERM", async () => {
    const run = runMain({ SIMULATOR_PORT: "0", SIMULATOR_STATE_FILE: "" });
    let url: string | undefined;
    const deadline = Date.now() + 15_000;
    while (!url && Date.now() < deadline) {
      url = run.lines.map((line) => /listening on (http:\/\/\S+)/.exec(line)?.[1]).find(Boolean);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(url).toBeDefined();
    const health = await fetch(`${url}/_admin/health`);
    expect((await health.json()).ok).toBe(true);
    const unknownTask = await fetch(`${url}/v1/tasks/task_x`, { headers: { authorization: "Bearer sk-sim-demo" } });
    expect(unknownTask.status).toBe(404);
    run.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });

  it("refuses to start with a bad variable and names it", async () => {
    const run = runMain({ SIMULATOR_PORT: "99999" });
    expect(await run.exited).toBe(1);
    expect(run.lines.join("\n")).toContain("SIMULATOR_PORT");
  });
});
