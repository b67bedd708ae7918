import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Turns an endpoint that was switched off after a day of failures back on; its failure count starts afresh. */
export async function enableWebhookEndpoint(actor: { id: string; teamId: string }, endpointId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, teamId: actor.teamId }, select: { id: true, url: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "webhookEndpointNotFound");
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true, disabledAt: null, disabledReason: null, failingSince: null } });
    await recordAudit({ teamId: actor.teamId, actorId: actor.id, action: "webhook.endpoint_enabled", targetType: "webhook_endpoint", targetId: endpoint.id, metadata: { url: endpoint.url } }, tx);
  });
}
