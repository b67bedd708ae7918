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

export type SharedServices = {
  simulatorUrl: string;
  databaseUrl: string;
  s3: S3TestServer;
  /** The settings every process gets (the database, the bucket, the provider, the secrets). */
  env: Record<string, string>;
  dataDir: string;
  stop(): Promise<void>;
};

export type Hosts = {
  /** One per `next start` process, each on a port of its own. */
  appUrls: string[];
  processes: { name: string; pid: number; log: string }[];
  stop(): Promise<void>;
};

export type Cluster = Omit<SharedServices, "stop"> & Hosts;

type Child = { name: string; child: ChildProcess; log: string };

/**
 * Several app hosts and several workers on ONE PostgreSQL and ONE bucket, as a team runs them
 * behind a load balancer: `apps` × `npm start` (scripts/server.ts; a production build must exist), `workers` ×
 * `scripts/worker.ts`, the provider simulator, an embedded PostgreSQL and an S3 server
 * (s3rver), all fresh under `dataDir`. No process shares a disk folder with another: every
 * app and worker gets its own STORAGE_DIR, so anything that reached the disk instead of the
 * bucket would be missing on the other hosts. Each process logs to `<dataDir>/<name>.log`.
 */
export async function startCluster(options: { apps: number; workers: number; dataDir: string; env?: Record<string, string> }): Promise<Cluster> {
  const shared = await startSharedServices({ dataDir: options.dataDir, env: options.env });
  try {
    const hosts = await startHosts(shared, options);
    return {
      ...shared,
      ...hosts,
      async stop() {
        await hosts.stop();
        await shared.stop();
      },
    };
  } catch (error) {
    await shared.stop();
    throw error;
  }
}

/** PostgreSQL (migrated, demo team seeded), the bucket and the provider simulator. */
export async function startSharedServices(options: { dataDir: string; env?: Record<string, string> }): Promise<SharedServices> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const children: Child[] = [];
  let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let s3: S3TestServer | undefined;
  const stop = async () => {
    await stopChildren(children);
    await s3?.stop().catch(() => {});
    await database?.stop().catch(() => {});
  };
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
    startChild(children, dataDir, "simulator", [tsxCli, path.join(root, "simulator/main.ts")], env);
    await waitFor(`${env.UPSTREAM_BASE_URL}/_admin/health`, 30_000);
    return { simulatorUrl: env.UPSTREAM_BASE_URL!, databaseUrl: database.url, s3, env, dataDir, stop };
  } catch (error) {
    const tails = children.map(({ name, log }) => `--- ${name}\n${tail(log)}`).join("\n");
    await stop();
    throw new Error(`the shared services did not start: ${error instanceof Error ? error.message : String(error)}\n${tails}`);
  }
}

/** `apps` app hosts and `workers` workers on the shared services; healthy when it returns. */
export async function startHosts(shared: SharedServices, options: { apps: number; workers: number; name?: string }): Promise<Hosts> {
  const children: Child[] = [];
  const prefix = options.name ? `${options.name}-` : "";
  try {
    for (let i = 1; i <= options.workers; i++) {
      startChild(children, shared.dataDir, `${prefix}worker-${i}`, [tsxCli, path.join(root, "scripts/worker.ts")], {
        ...shared.env,
        AVATAR_STUDIO_PROCESS: "worker",
        STORAGE_DIR: path.join(shared.dataDir, `${prefix}worker-${i}-disk`),
      });
    }
    const appUrls: string[] = [];
    for (let i = 1; i <= options.apps; i++) {
      const port = await freePort();
      const url = `http://localhost:${port}`;
      // As `npm start` runs it: Next.js behind scripts/server.ts.
      startChild(children, shared.dataDir, `${prefix}app-${i}`, [tsxCli, path.join(root, "scripts/server.ts"), "--port", String(port)], {
        ...shared.env,
        PORT: String(port),
        PUBLIC_BASE_URL: url,
        AUTH_URL: url,
        STORAGE_DIR: path.join(shared.dataDir, `${prefix}app-${i}-disk`),
      });
      appUrls.push(url);
    }
    // Healthy: database, bucket, provider, and a worker that has reported in.
    for (const url of appUrls) await waitFor(`${url}/api/health`, 120_000);
    return {
      appUrls,
      processes: children.map(({ name, child, log }) => ({ name, pid: child.pid ?? 0, log })),
      stop: () => stopChildren(children),
    };
  } catch (error) {
    const tails = children.map(({ name, log }) => `--- ${name}\n${tail(log)}`).join("\n");
    await stopChildren(children);
    throw new Error(`the hosts did not start: ${error instanceof Error ? error.message : String(error)}\n${tails}`);
  }
}

function startChild(children: Child[], dataDir: string, name: string, args: string[], env: Record<string, string>): ChildProcess {
  const log = path.join(dataDir, `${name}.log`);
  const out = createWriteStream(log);
  // A process group of its own, so that a stuck child is killed with whatever it started.
  const child = spawn(process.execPath, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  children.push({ name, child, log });
  // Should the caller end some other way, its children do not outlive it.
  process.once("exit", () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });
  return child;
}

/** SIGTERM in reverse order of start; still running after 8 s: SIGKILL to its process group. */
async function stopChildren(children: Child[]): Promise<void> {
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
