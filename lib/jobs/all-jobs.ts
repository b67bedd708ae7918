import type { JobRegistration } from "@/lib/jobs/start-worker";
import { registerReviewJobs } from "@/lib/jobs/review-jobs";
import { registerVideoJobs } from "@/lib/jobs/video-jobs";

/** Every job the worker runs. Each entry creates its queues and registers its handlers. */
export const allJobs: JobRegistration[] = [
  registerReviewJobs,
  registerVideoJobs,
];
