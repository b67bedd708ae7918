// `npm run worker`: the background worker. Any number may run; they share the work through Postgres.
import "@/lib/env";
import { startWorker } from "@/lib/jobs/start-worker";

const worker = await startWorker();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    worker.stop().finally(() => process.exit(0));
  });
}
