import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDeploy } from "./migrate";
import { startEmbeddedPostgres } from "./postgres";

/**
 * A throwaway migrated PostgreSQL for an in-process benchmark, with the app's settings set to
 * values that reach nothing (the data functions read them on import). `stop` removes it all.
 */
export async function startBenchDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `avatar-studio-${name}-`));
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false });
  const stop = async () => {
    await database.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => void stop().finally(() => process.exit(130)));
  await migrateDeploy(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0";
  process.env.SETTINGS_ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");
  process.env.UPSTREAM_BASE_URL ??= "http://127.0.0.1:9";
  process.env.UPSTREAM_API_KEY ??= "sk-bench";
  process.env.LOG_LEVEL ??= "silent";
  return { url: database.url, stop };
}
