import { prisma } from "@/lib/db";

export type ComponentHealth = { status: "ok" | "down" | "unknown"; latencyMs?: number; detail?: string };

async function timed(check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await check();
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "down", latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message.slice(0, 200) : "unreachable" };
  }
}

/** The state of what the app depends on. Extra checks (worker, upstream) plug in as named entries. */
export async function checkHealth(extra: Record<string, () => Promise<ComponentHealth>> = {}) {
  const entries = await Promise.all([
    ["database", await timed(() => prisma.$queryRaw`select 1`)] as const,
    ...Object.entries(extra).map(async ([name, check]) => [name, await check().catch((): ComponentHealth => ({ status: "down" }))] as const),
  ]);
  const components = Object.fromEntries(entries);
  const healthy = Object.values(components).every((c) => c.status !== "down");
  return { status: healthy ? ("ok" as const) : ("degraded" as const), components, time: new Date().toISOString() };
}
