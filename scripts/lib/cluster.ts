import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./free-port";
import { root } from "./launcher";
import { migrateDeploy } from "./migrate";
import { startEmbeddedPostgres } from "./postgres";
import { startS3Server, type S3TestServer } from "./s3-server";

const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
const nextCli = path.join(root, "node_modules/next/dist/bin/next");

export type Cluster = {
  /** One per `next start` process, each on a port of its own. */
  appUrls: string[];
  simulatorUrl: string;
  databaseUrl: string;
  s3: S3TestServer;
  /** The settings every process got (the database, the bucket, the provider). */
  env: Record<string, string>;
  /** Process ids, to tell which worker did what from their logs. */
  processes: { name: string; pid: number; log: string }[];
  logOf(name: string): string;
  stop(): Promise<void>;
};

/**
 * Several app hosts and several workers on ONE PostgreSQL and ONE bucket, as a team runs them
 * behind a load balancer: `apps` × `next start` (a production build must exist), `workers` ×
 * `scripts/worker.ts`, the provider simulator, an embedded PostgreSQL and an S3 server
 * (s3rver), all fresh under `dataDir`. No process shares a disk folder with another: every
 * app and worker gets its own STORAGE_DIR, so anything that reached the disk instead of the
 * bucket would be missing on the other hosts. Each process logs to `<dataDir>/<name>.log`.
 */
export async function startCluster(options: {
  apps: number;
  workers: number;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<Cluster> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const children: { name: string; child: ChildProcess; log: string }[] = [];
  let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let s3: S3TestServer | undefined;

  const stop = async () => {
    for (const { child } of [...children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          try {
            if (child.pid) process.kill(-child.pid, "SIGKILL");
          } catch {
            child.kill("SIGKILL");
          }
          resolve();
        }, 8_000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
      });
    }
    await s3?.stop().catch(() => {});
    await database?.stop().catch(() => {});
  };

  function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
    const log = path.join(dataDir, `${name}.log`);
    const out = createWriteStream(log);
    const child = spawn(process.execPath, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    children.push({ name, child, log });
    return child;
  }

  try {
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), persistent: false });
    await migrateDeploy(database.url);
    s3 = await startS3Server({ dir: path.join(dataDir, "s3") });
    const simPort = await freePort();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "info",
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      UPSTREAM_BASE_URL: `http://127.0.0.1:${simPort}`,
      UPSTREAM_API_KEY: "sk-sim-demo",
      SIMULATOR_PORT: String(simPort),
      SIMULATOR_STATE_FILE: "none",
      SIMULATOR_LOG_LEVEL: "warn",
      ...s3.env,
      ...options.env,
    };
    delete env.SKIP_ENV_VALIDATION;

    await runOnce("seed", [tsxCli, path.join(root, "prisma/seed.ts")], env);
    start("simulator", [tsxCli, path.join(root, "simulator/main.ts")], env);
    await waitFor(`${env.UPSTREAM_BASE_URL}/_admin/health`, 30_000);

    for (let i = 1; i <= options.workers; i++) {
      start(`worker-${i}`, [tsxCli, path.join(root, "scripts/worker.ts")], {
        ...env,
        AVATAR_STUDIO_PROCESS: "worker",
        STORAGE_DIR: path.join(dataDir, `worker-${i}-disk`),
      });
    }
    const appUrls: string[] = [];
    for (let i = 1; i <= options.apps; i++) {
      const port = await freePort();
      const url = `http://localhost:${port}`;
      start(`app-${i}`, [nextCli, "start", "--port", String(port)], {
        ...env,
        PORT: String(port),
        PUBLIC_BASE_URL: url,
        AUTH_URL: url,
        STORAGE_DIR: path.join(dataDir, `app-${i}-disk`),
      });
      appUrls.push(url);
    }
    // Healthy: database, bucket, provider, and a worker that has reported in.
    for (const url of appUrls) await waitFor(`${url}/api/health`, 120_000);

    const processes = children.map(({ name, child, log }) => ({ name, pid: child.pid ?? 0, log }));
    return {
      appUrls,
      simulatorUrl: env.UPSTREAM_BASE_URL!,
      databaseUrl: database.url,
      s3,
      env,
      processes,
      logOf: (name) => readFileSync(path.join(dataDir, `${name}.log`), "utf8"),
      stop,
    };
  } catch (error) {
    const tails = children.map(({ name, log }) => `--- ${name}\n${tail(log)}`).join("\n");
    await stop();
    throw new Error(`the cluster did not start: ${error instanceof Error ? error.message : String(error)}\n${tails}`);
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

async function runOnce(name: string, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${name} failed (exit ${code}): ${output.slice(-2000)}`);
}
