import type { PgBoss } from "pg-boss";
import { logger } from "@/lib/logger";
import { findDueSubmissions, type DueSubmission } from "@/lib/submissions/find-due-submissions";
import { finishUnsentSubmission } from "@/lib/submissions/finish-unsent-submission";
import { pollSubmission } from "@/lib/submissions/poll-submission";
import type { JobRegistration } from "@/lib/jobs/start-worker";

/**
 * Following review tasks to the end, shared by any number of worker processes.
 *
 * Every worker runs a sweeper each second that finds due rows in Postgres and enqueues one
 * job per row and due time. The queues are `exclusive` and each job's singleton key is
 * `<submission id>:<nextPollAt>`, so while a job for that period is queued or running no
 * second one is created, whichever worker's sweeper sees the row. The handler then claims
 * the row with a compare-and-set on `nextPollAt` (see pollSubmission) before calling the
 * provider: a stale or duplicate job finds the value moved and does nothing. A claim is a
 * lease; if its worker dies, the row is due again when the lease runs out, under a new key.
 * Sends are claimed the same way by sendSubmission itself (on the row's attempt count).
 */
export const REVIEW_POLL_QUEUE = "review-poll";
export const REVIEW_SEND_QUEUE = "review-send";

export const SWEEP_INTERVAL_MS = 1_000;
const SWEEP_LIMIT = 500;

type DueJob = { submissionId: string; teamId: string; dueAt: string | null };

const queueOptions = {
  policy: "exclusive",
  // The sweeper is the retry: a failed or expired job is simply found due again.
  retryLimit: 0,
  expireInSeconds: 300,
  retentionSeconds: 3600,
  deleteAfterSeconds: 3600,
} as const;

/**
 * A poll's key is its due time. A send's also carries the row's last change: a worker killed
 * while sending leaves its job active in the queue until the job expires (minutes), but the
 * row is due again once its claim is older than any call can take; the claim moved
 * `updatedAt`, so that later send gets a key of its own instead of waiting for the dead job.
 */
export function singletonKeyFor(due: Pick<DueSubmission, "id" | "dueAt" | "kind" | "updatedAt">): string {
  const key = `${due.id}:${due.dueAt ? due.dueAt.getTime() : "unset"}`;
  return due.kind === "send" ? `${key}:${due.updatedAt.getTime()}` : key;
}

/** One sweep: enqueue a job for every due row. Returns how many rows were due. */
export async function sweepDueSubmissions(boss: PgBoss, now = new Date()): Promise<number> {
  const due = await findDueSubmissions({ now, limit: SWEEP_LIMIT });
  for (const kind of ["poll", "send"] as const) {
    const jobs = due
      .filter((d) => d.kind === kind)
      .map((d) => ({
        data: { submissionId: d.id, teamId: d.teamId, dueAt: d.dueAt?.toISOString() ?? null } satisfies DueJob,
        singletonKey: singletonKeyFor(d),
      }));
    if (jobs.length > 0) await boss.insert(kind === "poll" ? REVIEW_POLL_QUEUE : REVIEW_SEND_QUEUE, jobs);
  }
  return due.length;
}

const dueAtOf = (job: DueJob) => (job.dueAt ? new Date(job.dueAt) : null);

export const registerReviewJobs: JobRegistration = async (boss) => {
  await boss.createQueue(REVIEW_POLL_QUEUE, queueOptions);
  await boss.createQueue(REVIEW_SEND_QUEUE, queueOptions);

  await boss.work<DueJob>(REVIEW_POLL_QUEUE, { localConcurrency: 4, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      await pollSubmission({ submissionId: job.data.submissionId, teamId: job.data.teamId, dueAt: dueAtOf(job.data) });
    }
  });
  await boss.work<DueJob>(REVIEW_SEND_QUEUE, { localConcurrency: 2, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      await finishUnsentSubmission({ submissionId: job.data.submissionId, teamId: job.data.teamId });
    }
  });

  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = true;
    sweepDueSubmissions(boss)
      .catch((error) => logger.warn({ err: error }, "review sweep failed"))
      .finally(() => {
        running = false;
      });
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  boss.on("stopped", () => {
    stopped = true;
    clearInterval(timer);
  });
};
