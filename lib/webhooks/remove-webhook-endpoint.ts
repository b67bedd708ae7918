import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Removes an endpoint with its deliveries: nothing more is sent to it, even what was waiting for a retry. */
export async function removeWebhookEndpoint(actor: { id: string; teamId: string }, endpointId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, teamId: actor.teamId }, select: { id: true, url: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "webhookEndpointNotFound");
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit({ teamId: actor.teamId, actorId: actor.id, action: "webhook.endpoint_removed", targetType: "webhook_endpoint", targetId: endpoint.id, metadata: { url: endpoint.url } }, tx);
  });
}
