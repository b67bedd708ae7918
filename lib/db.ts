import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_POOL_SIZE, databaseEnv } from "@/lib/database-env";
import { pgConfigFromUrl } from "@/lib/db-url";

// One client per process, kept across hot reloads in development, and made on first use so
// that importing this module (as `next build` does) needs no database. Its connection pool is
// ours, so the few reads every request makes can use it directly (`readRows`).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaPool?: pg.Pool };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = databaseEnv.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const pool = new pg.Pool({ ...pgConfigFromUrl(url), max: databaseEnv.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE });
    globalForPrisma.prismaPool = pool;
    globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  }
  return globalForPrisma.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

/**
 * Rows of one SQL statement (written with `Prisma.sql`, so its values stay parameters), read
 * on Prisma's pool without its query builder or query compiler. Only for the reads that every
 * request or every poll makes (the session's membership, the team's counter, the gallery's
 * page), where the compiler's fraction of a millisecond per statement is most of the cost;
 * everything else goes through `prisma`. Values and rows are read as Prisma reads them: dates
 * of `timestamp` columns are UTC, `bigint` columns come back as strings.
 */
export async function readRows<T>(query: Prisma.Sql): Promise<T[]> {
  client();
  const result = await globalForPrisma.prismaPool!.query({ text: query.text, values: query.values.map(toPgValue), types: { getTypeParser } });
  return result.rows as T[];
}

/** Runs one SQL statement (written with `Prisma.sql`) and returns its rows, read as `readRows` reads them. */
export type RunSql = <T>(query: Prisma.Sql) => Promise<T[]>;

/**
 * Statements in one transaction on Prisma's pool, without its query builder, query compiler or
 * interactive-transaction machinery: for the few writes a hot request makes (an upload's
 * check-and-insert). Commits when `work` resolves, rolls back when it throws. `lockKey` takes
 * a transaction-level advisory lock (`pg_advisory_xact_lock(hashtext(lockKey))`, held to the
 * end) in the same round trip as BEGIN; it is written into the statement, so it may hold only
 * letters, digits and `:_-`. Everything else uses `prisma.$transaction`.
 */
export async function inPlainTransaction<T>(work: (run: RunSql) => Promise<T>, options: { lockKey?: string } = {}): Promise<T> {
  const { lockKey } = options;
  if (lockKey !== undefined && !/^[\w:-]+$/.test(lockKey)) throw new Error(`Lock key not allowed: ${JSON.stringify(lockKey)}`);
  client();
  const connection = await globalForPrisma.prismaPool!.connect();
  const run: RunSql = async <R>(query: Prisma.Sql) =>
    (await connection.query({ text: query.text, values: query.values.map(toPgValue), types: { getTypeParser } })).rows as R[];
  let began = false;
  let broken: Error | undefined;
  try {
    await connection.query(lockKey === undefined ? "BEGIN" : `BEGIN; SELECT pg_advisory_xact_lock(hashtext('${lockKey}'))`);
    began = true;
    const result = await work(run);
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    if (began) {
      await connection.query("ROLLBACK").catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
    } else {
      // BEGIN or the lock failed: the connection's state is unknown.
      broken = error instanceof Error ? error : new Error(String(error));
    }
    throw error;
  } finally {
    // A connection that could not begin or roll back is closed, not handed to the next request.
    connection.release(broken);
  }
}

const TIMESTAMP = 1114;

function getTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  // A `timestamp` (without zone) holds UTC, as Prisma writes it; pg alone would read it as local time.
  if (oid === TIMESTAMP) return (value) => new Date(`${value.replace(" ", "T")}Z`);
  return pg.types.getTypeParser(oid, format ?? "text") as (value: string) => unknown;
}

function toPgValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  if (Array.isArray(value)) return value.map(toPgValue);
  return value;
}
