import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { RETRY_WINDOW_MS } from "@/lib/webhooks/emit-webhook-event";

/** Sends a delivery again now (same `webhook-id`, so the receiver can tell it is the same event), with a fresh day of retries. */
export async function redeliverWebhook(actor: { id: string; teamId: string }, deliveryId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, teamId: actor.teamId }, select: { id: true, eventType: true, endpoint: { select: { enabled: true } } } });
    if (!delivery) throw new AppError("NOT_FOUND", "deliveryNotFound");
    if (!delivery.endpoint.enabled) throw new AppError("CONFLICT", "endpointDisabled");
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { state: "PENDING", nextAttemptAt: now, retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS) },
    });
    await recordAudit({ teamId: actor.teamId, actorId: actor.id, action: "webhook.redelivered", targetType: "webhook_delivery", targetId: delivery.id, metadata: { event: delivery.eventType } }, tx);
  });
}
