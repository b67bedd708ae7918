import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import { startS3Server } from "@/scripts/lib/s3-server";
import { createS3Storage } from "@/lib/storage/s3-storage";

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
    const dir = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-health-"));
    const storage = createDiskStorage({ root: dir, publicBaseUrl: "http://localhost" });
    const health = await checkHealth({ worker: async () => ({ status: "ok" }) }, { storage });
    await rm(dir, { recursive: true, force: true });
    expect(health.status).toBe("degraded");
    expect(health.components.database).toMatchObject({ status: "down", detail: "unreachable" });
    // File storage is checked beside it (here the disk driver's folder, which is writable).
    expect(health.components.storage).toMatchObject({ status: "ok" });
    const body = JSON.stringify(health);
    for (const secret of ["127.0.0.1", "ECONNREFUSED", "health_secret_user", "health_secret_db"]) expect(body).not.toContain(secret);
  });

  it("reports a bucket it cannot HEAD as down, naming neither bucket nor endpoint", async () => {
    const { checkHealth } = await import("@/lib/health/check-health");
    const s3 = await startS3Server();
    try {
      const settings = { endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, publicBaseUrl: "http://localhost" };
      const good = await checkHealth({}, { storage: createS3Storage({ ...settings, bucket: s3.bucket }) });
      expect(good.components.storage).toMatchObject({ status: "ok" });
      const missing = await checkHealth({}, { storage: createS3Storage({ ...settings, bucket: "health-secret-bucket" }) });
      expect(missing.status).toBe("degraded");
      expect(missing.components.storage).toMatchObject({ status: "down", detail: "unreachable" });
      expect(JSON.stringify(missing)).not.toContain("health-secret-bucket");
      expect(JSON.stringify(missing)).not.toContain(s3.endpoint);
    } finally {
      await s3.stop();
    }
  });

  it("reports a disk folder it cannot write as down", async () => {
    const { checkHealth } = await import("@/lib/health/check-health");
    const dir = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-health-"));
    writeFileSync(path.join(dir, "file"), "x");
    const health = await checkHealth({}, { storage: createDiskStorage({ root: path.join(dir, "file", "uploads"), publicBaseUrl: "http://localhost" }) });
    expect(health.components.storage).toMatchObject({ status: "down" });
    await rm(dir, { recursive: true, force: true });
  });
});
