import { advanceVideoJob, type AdvanceDeps } from "@/lib/generation/advance-video-job";
import { findDueVideoJobs } from "@/lib/generation/find-due-video-jobs";
import type { JobRegistration } from "@/lib/jobs/start-worker";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";
import { getStorage } from "@/lib/storage/get-storage";
import type { UpstreamClient } from "@/lib/upstream/client";

/** The tick that hands due video jobs to workers. */
export const VIDEO_JOBS_TICK = "video-jobs-tick";
/** Video jobs one worker process follows at once. */
const MAX_IN_FLIGHT = 8;
/** How long a team's provider client (and so its settings) is reused. */
const CLIENT_TTL_MS = 30_000;

/**
 * Follows video jobs. A pg-boss tick runs about every second on one worker at a time (a
 * `stately` queue holds at most one waiting and one running tick; each tick queues the next,
 * and a cron entry restarts the chain within a minute should it ever break). A tick hands the
 * due jobs to this process without waiting for them, so a long download never holds up the
 * others; each job is claimed in the database before it is touched, so however many workers
 * run, no two look at the same job at once, and a job a dead worker held is taken up again
 * when its lease ends.
 */
export const registerVideoJobs: JobRegistration = async (boss) => {
  const inFlight = new Set<string>();
  const clients = new Map<string, { client: UpstreamClient; at: number }>();
  const deps: AdvanceDeps = {
    storage: getStorage(),
    uncertainWindowMs: env.UPSTREAM_UNCERTAIN_WINDOW_HOURS * 3600_000,
    async clientForTeam(teamId) {
      const cached = clients.get(teamId);
      if (cached && Date.now() - cached.at < CLIENT_TTL_MS) return cached.client;
      const { client } = await upstreamClientForTeam(teamId);
      clients.set(teamId, { client, at: Date.now() });
      return client;
    },
  };

  const tick = async () => {
    const free = MAX_IN_FLIGHT - inFlight.size;
    if (free <= 0) return;
    const due = await findDueVideoJobs({ limit: free, exclude: [...inFlight] });
    for (const id of due) {
      inFlight.add(id);
      advanceVideoJob(id, deps)
        .catch((error: unknown) => logger.error({ err: error, jobId: id }, "video job step failed; it is tried again when its lease ends"))
        .finally(() => inFlight.delete(id));
    }
  };

  await boss.createQueue(VIDEO_JOBS_TICK, { policy: "stately", retryLimit: 0, expireInSeconds: 60, deleteAfterSeconds: 600 });
  await boss.work(VIDEO_JOBS_TICK, { pollingIntervalSeconds: 0.5 }, async () => {
    try {
      await tick();
    } finally {
      await boss.send(VIDEO_JOBS_TICK, null, { startAfter: 1 }).catch((error: unknown) => logger.warn({ err: error }, "next video tick not queued"));
    }
  });
  await boss.schedule(VIDEO_JOBS_TICK, "* * * * *");
  await boss.send(VIDEO_JOBS_TICK, null);
};
