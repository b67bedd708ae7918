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

describe("inPlainTransaction", () => {
  const names = async (prefix: string) =>
    (await db.readRows<{ name: string }>(Prisma.sql`SELECT name FROM "AssetGroup" WHERE "teamId" = ${teamId} AND name LIKE ${`${prefix}%`} ORDER BY name`)).map((r) => r.name);
  const insert = (run: import("@/lib/db").RunSql, name: string) =>
    run(Prisma.sql`INSERT INTO "AssetGroup" (id, "teamId", name, "projectName") VALUES (${randomUUID()}, ${teamId}, ${name}, 'p')`);

  it("commits what the work wrote, and rolls it all back when the work throws", async () => {
    expect(await db.inPlainTransaction(async (run) => (await insert(run, "tx-kept-1"), await insert(run, "tx-kept-2"), "done"))).toBe("done");
    expect(await names("tx-kept")).toEqual(["tx-kept-1", "tx-kept-2"]);
    await expect(db.inPlainTransaction(async (run) => (await insert(run, "tx-dropped"), Promise.reject(new Error("no"))))).rejects.toThrow("no");
    expect(await names("tx-dropped")).toEqual([]);
    // The connection went back clean: the next transaction works.
    await db.inPlainTransaction((run) => insert(run, "tx-after"));
    expect(await names("tx-after")).toEqual(["tx-after"]);
  });

  it("holds its lock to the end: works under one key run one at a time, and see each other's writes", async () => {
    const lockKey = `test:${teamId}`;
    const seen: number[] = [];
    await Promise.all(
      [0, 1, 2].map((i) =>
        db.inPlainTransaction(
          async (run) => {
            const [row] = await run<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "AssetGroup" WHERE "teamId" = ${teamId} AND name LIKE 'tx-lock%'`);
            seen.push(row!.n);
            await new Promise((r) => setTimeout(r, 30));
            await insert(run, `tx-lock-${i}`);
          },
          { lockKey },
        ),
      ),
    );
    expect(seen.sort()).toEqual([0, 1, 2]);
  });

  it("refuses a lock key that is not plain letters, digits and :_-", async () => {
    await expect(db.inPlainTransaction(async () => 1, { lockKey: "x'); DROP TABLE \"Team\"; --" })).rejects.toThrow(/Lock key not allowed/);
  });
});
