// Runs the embedded PostgreSQL as its own process until SIGTERM/SIGINT, then stops it
// cleanly. The dev launcher starts it in a process group of its own, so that Ctrl-C in the
// terminal reaches only the launcher, which stops the app first and the database last.
// Prints `ready <url>` once the database accepts connections.
import { startEmbeddedPostgres } from "./lib/postgres";

const dataDir = process.env.POSTGRES_DATA_DIR;
if (!dataDir) throw new Error("POSTGRES_DATA_DIR is not set");
const database = await startEmbeddedPostgres({
  dataDir,
  port: Number(process.env.POSTGRES_PORT ?? 0) || undefined,
  persistent: process.env.POSTGRES_PERSISTENT !== "0",
});
console.log(`ready ${database.url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    database.stop().finally(() => process.exit(0));
  });
}
