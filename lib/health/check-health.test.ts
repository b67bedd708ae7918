import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `/api/health` answers anyone, signed in or not: a component that is down says so, but the
 * driver's error (host, port, user, database name) stays in the log.
 */

const saved = process.env.DATABASE_URL;
const globalForPrisma = globalThis as unknown as { prisma?: unknown };

beforeAll(() => {
  // A database that cannot be reached, on a client of this file's own.
  process.env.DATABASE_URL = "postgresql://health_secret_user:pw@127.0.0.1:1/health_secret_db";
  globalForPrisma.prisma = undefined;
});

afterAll(() => {
  process.env.DATABASE_URL = saved;
  globalForPrisma.prisma = undefined;
});

describe("checkHealth", () => {
  it("reports an unreachable database as down without the driver's error text", async () => {
    const { checkHealth } = await import("@/lib/health/check-health");
    const health = await checkHealth({ worker: async () => ({ status: "ok" }) });
    expect(health.status).toBe("degraded");
    expect(health.components.database).toMatchObject({ status: "down", detail: "unreachable" });
    const body = JSON.stringify(health);
    for (const secret of ["127.0.0.1", "ECONNREFUSED", "health_secret_user", "health_secret_db"]) expect(body).not.toContain(secret);
  });
});
