import type { JobRegistration } from "@/lib/jobs/start-worker";
import { registerReviewJobs } from "@/lib/jobs/review-jobs";
import { registerVideoJobs } from "@/lib/jobs/video-jobs";
import { registerWebhookJobs } from "@/lib/webhooks/webhook-jobs";

/**
 * Every job the worker runs. Each entry creates its queues and registers its handlers.
 *
 * Review tasks and video tasks are followed by two registrations, not one mechanism, on
 * purpose for now: both sweep due rows into exclusive pg-boss queues keyed on the row and
 * its due time, but a submission settles many assets per provider task (and may be unsent
 * or uncertain), while a video job owns one task, copies its files into storage and is
 * being reworked on its own (lease, cancel, retry). Joining them waits until that settles;
 * the shared sweep-and-claim shape is the place to start.
 */
export const allJobs: JobRegistration[] = [
  registerReviewJobs,
  registerVideoJobs,
  (boss) => registerWebhookJobs(boss),
];
