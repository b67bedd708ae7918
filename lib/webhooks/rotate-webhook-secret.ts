import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/webhook-secret";

/** After a rotation the old secret keeps signing deliveries (beside the new one) for this long. */
export const SECRET_OVERLAP_MS = 24 * 3600_000;

/**
 * Gives an endpoint a new signing secret, returned once. The secret it had keeps signing every
 * delivery beside the new one for SECRET_OVERLAP_MS (Standard Webhooks allows several
 * space-separated signatures), so a receiver verifying with either secret misses nothing while
 * it switches over. Rotating again within the overlap drops the oldest secret at once.
 */
export async function rotateWebhookSecret(actor: { id: string; teamId: string }, endpointId: string, now = new Date()) {
  const secret = newWebhookSecret();
  const sealed = await sealWebhookSecret(secret);
  const previousValidUntil = new Date(now.getTime() + SECRET_OVERLAP_MS);
  return prisma.$transaction(async (tx) => {
    // Locked, so two rotations at once cannot both keep the same "previous" secret.
    const [endpoint] = await tx.$queryRaw<{ id: string; url: string; secretEnc: string }[]>`
      SELECT "id", "url", "secretEnc" FROM "WebhookEndpoint" WHERE "id" = ${endpointId} AND "teamId" = ${actor.teamId} FOR UPDATE`;
    if (!endpoint) throw new AppError("NOT_FOUND", "webhookEndpointNotFound");
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { secretEnc: sealed, previousSecretEnc: endpoint.secretEnc, previousSecretExpiresAt: previousValidUntil, secretRotatedAt: now },
    });
    await recordAudit(
      { teamId: actor.teamId, actorId: actor.id, action: "webhook.secret_rotated", targetType: "webhook_endpoint", targetId: endpoint.id, metadata: { url: endpoint.url, previousValidUntil: previousValidUntil.toISOString() } },
      tx,
    );
    return { id: endpoint.id, url: endpoint.url, secret, previousValidUntil: previousValidUntil.toISOString() };
  });
}
