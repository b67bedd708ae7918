import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEventType } from "@/lib/webhooks/webhook-events";

/** Deliveries are retried for this long after the event. */
export const RETRY_WINDOW_MS = 24 * 3600_000;

type Db = Pick<Prisma.TransactionClient, "webhookEndpoint" | "webhookDelivery">;

/**
 * Records an event for every enabled endpoint of the team that subscribed to it. Pass the
 * transaction that made the change, so the event exists exactly when the change does; the
 * worker delivers it (lib/webhooks/webhook-jobs.ts). The event id is the `webhook-id`.
 */
export async function emitWebhookEvent(db: Db, input: { teamId: string; type: WebhookEventType; data: Record<string, unknown>; now?: Date }): Promise<void> {
  const endpoints = await db.webhookEndpoint.findMany({ where: { teamId: input.teamId, enabled: true, events: { has: input.type } }, select: { id: true } });
  if (endpoints.length === 0) return;
  const now = input.now ?? new Date();
  const eventId = `msg_${randomBytes(16).toString("hex")}`;
  const payload = { type: input.type, timestamp: now.toISOString(), data: input.data } as Prisma.InputJsonValue;
  await db.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      teamId: input.teamId,
      endpointId: e.id,
      eventId,
      eventType: input.type,
      payload,
      nextAttemptAt: now,
      retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
    })),
  });
}
