import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDeploy } from "./migrate";
import { startEmbeddedPostgres } from "./postgres";

/**
 * Integration tests run against a real PostgreSQL. `npm test` passes one in DATABASE_URL;
 * a bare `npx vitest` starts a fresh embedded one for the run and deletes it afterwards.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    await migrateDeploy(process.env.DATABASE_URL);
    return async () => {};
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-test-db-"));
  // A server zone other than UTC, as on a host set to its local time: the app's connections
  // must set their own (see lib/db-url.ts), so SQL using now() is tested as it runs there.
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false, timeZone: "Asia/Shanghai" });
  process.env.DATABASE_URL = pg.url;
  await migrateDeploy(pg.url);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
