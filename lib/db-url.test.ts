import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgConfigFromUrl } from "@/lib/db-url";

/**
 * The app's connections run in UTC whatever the server's default zone: a `timestamp` column
 * written or compared with `now()` holds UTC, as Prisma keeps it.
 */

const base = process.env.DATABASE_URL!;
const name = `tz_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
let url: string;

async function withClient<T>(config: pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await withClient({ connectionString: base }, async (admin) => {
    await admin.query(`create database "${name}"`);
    await admin.query(`alter database "${name}" set timezone = 'Asia/Shanghai'`);
  });
  const u = new URL(base);
  u.pathname = `/${name}`;
  url = u.toString();
});

afterAll(async () => {
  await withClient({ connectionString: base }, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
});

describe("pgConfigFromUrl", () => {
  it("splits the URL into fields", () => {
    const config = pgConfigFromUrl("postgresql://us%40er:p%3Ass@db.example:6543/app?sslmode=verify-full");
    expect(config).toMatchObject({ host: "db.example", port: 6543, user: "us@er", password: "p:ss", database: "app", ssl: { rejectUnauthorized: true } });
    expect(pgConfigFromUrl("postgresql://u:p@h/d?sslmode=disable").ssl).toBeUndefined();
  });

  it("sessions are in UTC on a database whose default zone is another", async () => {
    // Without the setting, the session takes the database's zone: the check below can fail.
    expect(await withClient({ connectionString: url }, async (c) => (await c.query("show timezone")).rows[0].TimeZone)).toBe("Asia/Shanghai");
    await withClient(pgConfigFromUrl(url), async (client) => {
      expect((await client.query("show timezone")).rows[0].TimeZone).toBe("UTC");
      const { rows } = await client.query(`select to_char(now()::timestamp, 'YYYY-MM-DD"T"HH24:MI') as wall`);
      const before = new Date().toISOString().slice(0, 16);
      expect([before, new Date(Date.now() - 60_000).toISOString().slice(0, 16)]).toContain(rows[0].wall);
    });
  });

  it("keeps other options from the URL, and the zone stays UTC", async () => {
    const withOptions = `${url}?options=${encodeURIComponent("-c TimeZone=America/New_York -c statement_timeout=4321")}`;
    await withClient(pgConfigFromUrl(withOptions), async (client) => {
      expect((await client.query("show timezone")).rows[0].TimeZone).toBe("UTC");
      expect((await client.query("show statement_timeout")).rows[0].statement_timeout).toBe("4321ms");
    });
  });
});
