import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { FileStorage } from "@/lib/storage/file-storage";

export type ComponentHealth = { status: "ok" | "down" | "unknown"; latencyMs?: number; detail?: string };

/** The check's own error (hosts, users, driver text) goes to the log only: anyone may read this route. */
async function timed(name: string, check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await check();
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    logger.warn({ err: error, component: name }, "health check failed");
    return { status: "down", latencyMs: Math.round(performance.now() - started), detail: "unreachable" };
  }
}

/** The state of what the app depends on (database, file storage). Extra checks (worker, upstream) plug in as named entries. */
export async function checkHealth(
  extra: Record<string, () => Promise<ComponentHealth>> = {},
  options: { storage?: Pick<FileStorage, "ping"> } = {},
) {
  const { storage } = options;
  const entries = await Promise.all([
    timed("database", () => prisma.$queryRaw`select 1`).then((health) => ["database", health] as const),
    // The disk is writable, or the bucket answers a HEAD with these credentials.
    ...(storage ? [timed("storage", () => storage.ping()).then((health) => ["storage", health] as const)] : []),
    ...Object.entries(extra).map(async ([name, check]) => [name, await check().catch((): ComponentHealth => ({ status: "down" }))] as const),
  ]);
  const components = Object.fromEntries(entries);
  const healthy = Object.values(components).every((c) => c.status !== "down");
  return { status: healthy ? ("ok" as const) : ("degraded" as const), components, time: new Date().toISOString() };
}
