import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";

/**
 * `readRows` reads what Prisma wrote as Prisma reads it: a `timestamp` column is UTC and a
 * Date parameter is compared as UTC, whatever the process's own zone, and values stay
 * parameters.
 */

let db: typeof import("@/lib/db");
let Prisma: typeof import("@/lib/generated/prisma/client").Prisma;
let teamId: string;
const zone = process.env.TZ;

beforeAll(async () => {
  setTestEnv();
  db = await import("@/lib/db");
  ({ Prisma } = await import("@/lib/generated/prisma/client"));
  teamId = (await db.prisma.team.create({ data: { name: `Rows ${randomUUID().slice(0, 8)}` } })).id;
});

afterAll(async () => {
  process.env.TZ = zone;
  await db.prisma.team.deleteMany({ where: { id: teamId } });
});

describe("readRows", () => {
  it.each(["Asia/Shanghai", "America/Los_Angeles", "UTC"])("reads and compares timestamps as UTC with the process in %s", async (timeZone) => {
    process.env.TZ = timeZone;
    const at = new Date("2026-02-05T23:30:00.123Z");
    const group = await db.prisma.assetGroup.create({ data: { teamId, name: `G ${timeZone}`, projectName: "p", createdAt: at } });
    const [row] = await db.readRows<{ id: string; createdAt: Date }>(Prisma.sql`SELECT id, "createdAt" FROM "AssetGroup" WHERE id = ${group.id}`);
    expect(row!.createdAt.toISOString()).toBe(at.toISOString());
    const count = async (sql: import("@/lib/generated/prisma/client").Prisma.Sql) => (await db.readRows<{ n: number }>(sql))[0]!.n;
    expect(await count(Prisma.sql`SELECT count(*)::int AS n FROM "AssetGroup" WHERE id = ${group.id} AND "createdAt" = ${at}`)).toBe(1);
    expect(await count(Prisma.sql`SELECT count(*)::int AS n FROM "AssetGroup" WHERE id = ${group.id} AND "createdAt" < ${new Date(at.getTime() + 1)}`)).toBe(1);
    expect(await count(Prisma.sql`SELECT count(*)::int AS n FROM "AssetGroup" WHERE id = ${group.id} AND "createdAt" > ${new Date(at.getTime() - 1)}`)).toBe(1);
  });

  it("keeps values as parameters, lists included", async () => {
    const name = `it's "quoted"; DROP TABLE "Team"; --`;
    await db.prisma.assetGroup.create({ data: { teamId, name, projectName: "p" } });
    const rows = await db.readRows<{ name: string }>(Prisma.sql`SELECT name FROM "AssetGroup" WHERE "teamId" = ${teamId} AND name = ANY(${[name, "other"]})`);
    expect(rows).toEqual([{ name }]);
  });
});
