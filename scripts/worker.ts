// `npm run worker`: the background worker. Any number may run; they share the work through Postgres.
import "@/lib/env";
import { allJobs } from "@/lib/jobs/all-jobs";
import { startWorker } from "@/lib/jobs/start-worker";

const worker = await startWorker(allJobs);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    worker.stop().finally(() => process.exit(0));
  });
}
