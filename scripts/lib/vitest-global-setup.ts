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
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false });
  process.env.DATABASE_URL = pg.url;
  await migrateDeploy(pg.url);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
