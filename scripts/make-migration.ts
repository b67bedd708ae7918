// `npx tsx scripts/make-migration.ts <name>`: writes a new migration from schema changes, against a throw-away embedded PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prismaCli } from "./lib/migrate";
import { startEmbeddedPostgres } from "./lib/postgres";

const name = process.argv[2];
if (!name) throw new Error("usage: tsx scripts/make-migration.ts <name>");
const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-migrate-"));
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false });
try {
  await prismaCli(["migrate", "dev", "--name", name, "--skip-seed"], pg.url);
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
