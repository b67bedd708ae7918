import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { checkOutboundUrl } from "@/lib/net/guarded-fetch";
import { OutboundError } from "@/lib/net/outbound-error";
import { outboundPolicy } from "@/lib/net/outbound-policy";
import type { addWebhookEndpointSchema } from "@/lib/webhooks/add-webhook-endpoint.validation";
import { newWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/webhook-secret";

export const MAX_ENDPOINTS_PER_TEAM = 20;

/**
 * Adds a webhook endpoint (admins). The URL goes through the one outbound guard: private,
 * loopback and link-local targets are refused unless the operator allows them
 * (OUTBOUND_ALLOW_PRIVATE, OUTBOUND_ALLOWED_HOSTS); every delivery is checked again. The
 * signing secret is returned once.
 */
export async function addWebhookEndpoint(actor: { id: string; teamId: string }, input: z.output<typeof addWebhookEndpointSchema>) {
  try {
    await checkOutboundUrl(input.url, await outboundPolicy());
  } catch (error) {
    if (error instanceof OutboundError) {
      const reason = error.sentence ? (await sentencesIn(await requestLocale()))(error.sentence) : error.message;
      throw new AppError("INVALID_INPUT", "urlRefused", { values: { reason } });
    }
    throw error;
  }
  if ((await prisma.webhookEndpoint.count({ where: { teamId: actor.teamId } })) >= MAX_ENDPOINTS_PER_TEAM) {
    throw new AppError("CONFLICT", "tooManyEndpoints", { values: { limit: MAX_ENDPOINTS_PER_TEAM } });
  }
  const secret = newWebhookSecret();
  const endpoint = await prisma.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: {
        teamId: actor.teamId,
        url: input.url,
        description: input.description || null,
        events: [...new Set(input.events)],
        secretEnc: await sealWebhookSecret(secret),
        createdById: actor.id,
      },
      select: { id: true, url: true, events: true },
    });
    await recordAudit({ teamId: actor.teamId, actorId: actor.id, action: "webhook.endpoint_added", targetType: "webhook_endpoint", targetId: row.id, metadata: { url: row.url, events: row.events } }, tx);
    return row;
  });
  return { ...endpoint, secret };
}
