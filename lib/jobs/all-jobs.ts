import type { JobRegistration } from "@/lib/jobs/start-worker";

/** Every job the worker runs. Each entry creates its queues and registers its handlers. */
export const allJobs: JobRegistration[] = [];
