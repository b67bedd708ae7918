import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { migrateDeploy } from "./migrate";
import { freePort, portIsFree } from "./free-port";

export const root = path.resolve(import.meta.dirname, "../..");
const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");

export type LaunchOptions = {
  mode: "dev" | "start";
  /** Where PostgreSQL data, uploads and simulator state live. */
  dataDir: string;
  /** Keep the database between runs (dev) or throw it away (tests). */
  persistentDatabase: boolean;
  port: number;
  seedDemo: boolean;
  env?: Record<string, string>;
};

type Proc = { name: string; child: ChildProcess };

function log(name: string, line: string) {
  process.stdout.write(`${`[${name}]`.padEnd(12)} ${line}\n`);
}

function pipeOutput(name: string, child: ChildProcess) {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = "";
    stream?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) log(name, line);
    });
  }
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}

/** Secrets a developer need not invent: generated once and kept beside the data. */
function devSecrets(dataDir: string): { AUTH_SECRET: string; SETTINGS_ENCRYPTION_KEY: string } {
  const file = path.join(dataDir, "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Starts everything the app needs, in order: PostgreSQL (embedded unless DATABASE_URL is
 * set) with migrations and the demo seed, the upstream simulator (unless UPSTREAM_BASE_URL
 * is set), the worker, and Next.js. Returns a stop function that ends them in reverse.
 */
export async function launch(options: LaunchOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const procs: Proc[] = [];

  const stop = async () => {
    for (const { name, child } of [...procs].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      log(name, "stopping");
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => {
        // Still running after 8 s: kill its whole process group (a CLI wrapper's child too).
        const timer = setTimeout(() => (killGroup(child), resolve()), 8000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
      });
    }
  };

  // Should this process end some other way, its children do not outlive it.
  process.once("exit", () => {
    for (const { child } of procs) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });

  try {
    // 1. PostgreSQL
    if (!env.DATABASE_URL) {
      const port = Number(env.EMBEDDED_POSTGRES_PORT ?? 0) || (await freePort());
      const pgDir = path.join(dataDir, "postgres");
      const child = start("postgres", [tsxCli, path.join(root, "scripts/postgres-server.ts")], {
        ...env,
        POSTGRES_DATA_DIR: pgDir,
        POSTGRES_PORT: String(port),
        POSTGRES_PERSISTENT: options.persistentDatabase ? "1" : "0",
      });
      env.DATABASE_URL = await readyUrl(child, 60_000);
      log("postgres", `embedded PostgreSQL on port ${port} (data in ${path.relative(root, pgDir) || pgDir})`);
    } else {
      log("postgres", "using DATABASE_URL");
    }
    await migrateDeploy(env.DATABASE_URL);
    log("postgres", "migrations applied");
    if (options.seedDemo) {
      await runOnce("seed", [tsxCli, path.join(root, "prisma/seed.ts")], env);
    }

    // Settings the developer did not give. Never in production: there the app refuses to
    // start without secrets of the operator's own (lib/auth/production-secrets.ts).
    if (env.NODE_ENV !== "production") {
      const secrets = devSecrets(dataDir);
      env.AUTH_SECRET ||= secrets.AUTH_SECRET;
      env.SETTINGS_ENCRYPTION_KEY ||= secrets.SETTINGS_ENCRYPTION_KEY;
    }
    env.PORT = String(options.port);
    env.PUBLIC_BASE_URL ||= `http://localhost:${options.port}`;
    env.AUTH_URL ||= env.PUBLIC_BASE_URL;
    env.STORAGE_DIR ||= path.join(dataDir, "uploads");

    // 2. The upstream simulator, standing in for the provider.
    if (!env.UPSTREAM_BASE_URL) {
      // In dev the simulator keeps its documented port (4010) when it is free, so a base URL
      // saved on the Settings page stays valid across restarts.
      const simPort = Number(env.SIMULATOR_PORT ?? 0) || (options.mode === "dev" && (await portIsFree(4010)) ? 4010 : await freePort());
      env.SIMULATOR_PORT = String(simPort);
      env.SIMULATOR_STATE_FILE ||= path.join(dataDir, "simulator/state.json");
      env.UPSTREAM_BASE_URL = `http://127.0.0.1:${simPort}`;
      env.UPSTREAM_API_KEY ||= (env.SIMULATOR_API_KEYS ?? "sk-sim-demo").split(",")[0]!.trim();
      start("simulator", [tsxCli, path.join(root, "simulator/main.ts")], env);
      await waitForPort(simPort, 30_000);
    }

    // 3. The worker.
    start("worker", [tsxCli, path.join(root, "scripts/worker.ts")], { ...env, AVATAR_STUDIO_PROCESS: "worker" });

    // 4. Next.js, behind scripts/server.ts, which tells the app each request's TCP peer.
    const serverArgs = [path.join(root, "scripts/server.ts"), "--port", String(options.port), ...(options.mode === "dev" ? ["--dev"] : [])];
    start("next", [tsxCli, ...serverArgs], env);
    await waitForPort(options.port, 120_000);
    // 5. The demo team's sample avatars and video, through the app's own services and the
    // provider, once the app serves the files the provider downloads (DEMO_SEED=off: none).
    // `npm run dev` does not wait for them (the gallery fills in within half a minute); the
    // browser tests do, so every test starts from the same gallery.
    if (options.seedDemo) {
      const samples = runOnce("demo samples", [tsxCli, path.join(root, "prisma/seed-samples.ts")], env);
      if (options.mode === "dev") samples.catch((error: Error) => log("demo samples", `not added: ${error.message}`));
      else await samples;
    }
    return { url: env.PUBLIC_BASE_URL, stop };
  } catch (error) {
    await stop();
    throw error;
  }

  function start(name: string, args: string[], childEnv: Record<string, string>): ChildProcess {
    // Each child gets a process group of its own: Ctrl-C reaches only this launcher, which
    // stops them in order (the app before the worker before the database).
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    pipeOutput(name, child);
    child.on("exit", (code, signal) => log(name, `exited (${signal ?? code})`));
    procs.push({ name, child });
    return child;
  }
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

/** Waits for a child's `ready <url>` line. */
function readyUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /^ready (\S+)$/m.exec(buffer);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before it was ready`));
    });
  });
}

async function runOnce(name: string, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  pipeOutput(name, child);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

/** Stops everything on Ctrl-C or SIGTERM, once. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop().finally(() => process.exit(0));
    });
  }
}
