import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { expect } from "vitest";
import { makePng, makeWav } from "@/lib/media/test-media";
import { migrateDeploy } from "@/scripts/lib/migrate";

/**
 * Pieces shared by the integration tests that run against PostgreSQL and the provider simulator:
 * a database of their own (so that the workers they run see no other test's rows), a media server
 * the simulator can download from, the simulator's admin API, and a recording proxy in front of it.
 */

/** Environment a module reading `@/lib/env` needs; call before importing it. */
export function setTestEnv(overrides: Record<string, string> = {}): void {
  const defaults: Record<string, string> = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    UPSTREAM_BASE_URL: "http://127.0.0.1:9",
    UPSTREAM_API_KEY: "sk-review-test",
    UPSTREAM_TIMEOUT_MS: "5000",
    UPSTREAM_MAX_RETRIES: "1",
    UPSTREAM_IDEMPOTENCY: "1",
    // Simulators and proxies run on loopback at ports known only later.
    OUTBOUND_ALLOW_PRIVATE: "1",
  };
  for (const [k, v] of Object.entries({ ...defaults, ...overrides })) process.env[k] ??= v;
}

/** A fresh, migrated database on the tests' PostgreSQL server; DATABASE_URL is switched to it. */
export async function useOwnDatabase(prefix: string): Promise<{ url: string; restore: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString());
  process.env.DATABASE_URL = url.toString();
  return {
    url: url.toString(),
    restore: async () => {
      const g = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
      await g.prisma?.$disconnect();
      delete g.prisma;
      process.env.DATABASE_URL = base;
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`drop database if exists "${name}" with (force)`).catch(() => {});
      await drop.end();
    },
  };
}

/**
 * Serves a valid 512×512 PNG at any `/<name>.png` and a 3 s WAV at any `/<name>.wav`; everything
 * under `/missing` and any other path answers 404.
 */
export async function startMediaServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const png = makePng(512, 512, 7);
  const wav = makeWav(3);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "";
    if (path.startsWith("/missing")) res.writeHead(404).end();
    else if (path.endsWith(".png")) res.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png);
    else if (path.endsWith(".wav")) res.writeHead(200, { "content-type": "audio/wav", "content-length": wav.length }).end(wav);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Calls the simulator's admin API (`<simUrl>/_admin/<adminPath>`) and returns its JSON; any other answer than 2xx fails the test. */
export async function simulatorAdmin<T = unknown>(simUrl: string, method: string, adminPath: string, body?: unknown): Promise<T> {
  const res = await fetch(`${simUrl}/_admin/${adminPath}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as T;
}

export type TaskLook = { taskId: string; at: number };

/**
 * Forwards everything to `target` and records when each task status call arrived, so a test
 * can tell how often (and how far apart) every task was looked at.
 */
export async function startRecordingProxy(target: string): Promise<{ url: string; looks: TaskLook[]; close: () => Promise<void> }> {
  const looks: TaskLook[] = [];
  const server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    const task = /^\/v1\/tasks\/([^/?]+)/.exec(path);
    if (task && req.method === "GET") looks.push({ taskId: decodeURIComponent(task[1]!), at: Date.now() });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers.set(k, v);
    try {
      const answer = await fetch(target + path, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = { "content-type": answer.headers.get("content-type") ?? "application/json" };
      const retryAfter = answer.headers.get("retry-after");
      if (retryAfter) out["retry-after"] = retryAfter;
      res.writeHead(answer.status, out).end(body);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    looks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
