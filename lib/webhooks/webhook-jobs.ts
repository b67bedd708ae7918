import type { PgBoss } from "pg-boss";
import { logger } from "@/lib/logger";
import { deliverWebhook, findDueDeliveries, type DeliverDeps } from "@/lib/webhooks/deliver-webhook";

export const WEBHOOK_DELIVER_QUEUE = "webhook-deliver";
const SWEEP_INTERVAL_MS = 1_000;
const SWEEP_LIMIT = 200;

/** One sweep: a pg-boss job for each due delivery, keyed on the delivery and its due time so no two workers queue it twice. */
export async function sweepDueDeliveries(boss: PgBoss, now = new Date()): Promise<number> {
  const due = await findDueDeliveries({ now, limit: SWEEP_LIMIT });
  if (due.length > 0) {
    await boss.insert(
      WEBHOOK_DELIVER_QUEUE,
      due.map((d) => ({ data: { deliveryId: d.id }, singletonKey: `${d.id}:${d.nextAttemptAt.getTime()}` })),
    );
  }
  return due.length;
}

/**
 * Webhook deliveries, from the worker: a sweeper each second queues due deliveries on an
 * exclusive pg-boss queue; the handler claims each delivery in the database before sending
 * (lib/webhooks/deliver-webhook.ts), so however many workers run, one attempt goes out at a
 * time. Retries are the delivery's own schedule (`nextAttemptAt`), found again by the sweeper.
 */
export async function registerWebhookJobs(boss: PgBoss, deps: DeliverDeps = {}): Promise<void> {
  await boss.createQueue(WEBHOOK_DELIVER_QUEUE, { policy: "exclusive", retryLimit: 0, expireInSeconds: 120, retentionSeconds: 3600, deleteAfterSeconds: 3600 });
  await boss.work<{ deliveryId: string }>(WEBHOOK_DELIVER_QUEUE, { localConcurrency: 4, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      await deliverWebhook(job.data.deliveryId, deps).catch((error: unknown) => logger.error({ err: error, deliveryId: job.data.deliveryId }, "webhook delivery step failed"));
    }
  });
  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = true;
    sweepDueDeliveries(boss)
      .catch((error) => logger.warn({ err: error }, "webhook sweep failed"))
      .finally(() => {
        running = false;
      });
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  boss.on("stopped", () => {
    stopped = true;
    clearInterval(timer);
  });
}
