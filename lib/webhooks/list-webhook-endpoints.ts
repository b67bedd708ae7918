import "server-only";
import { prisma } from "@/lib/db";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Locale } from "@/lib/i18n/locales";
import { messageKey } from "@/lib/i18n/message-key";
import { sentencesIn } from "@/lib/i18n/sentence-in";

/**
 * The team's endpoints with their latest deliveries and each delivery's attempts, failures in
 * the reader's words. Never a secret.
 */
export async function listWebhookEndpoints(teamId: string, options: { deliveries?: number; locale?: Locale } = {}) {
  const say = await sentencesIn(options.locale ?? (await requestLocale()), "errors");
  /** A stored failure: a key (with the status it names), or the words met (older rows: a sentence). */
  const failure = (error: string | null, status: number | null) => (error ? say({ key: error, values: { status: status ?? "" } }) : null);
  const endpoints = await prisma.webhookEndpoint.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      enabled: true,
      disabledAt: true,
      disabledReason: true,
      failingSince: true,
      previousSecretExpiresAt: true,
      secretRotatedAt: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: options.deliveries ?? 20,
        select: {
          id: true,
          eventId: true,
          eventType: true,
          state: true,
          attempts: true,
          nextAttemptAt: true,
          lastStatus: true,
          lastError: true,
          deliveredAt: true,
          createdAt: true,
          attemptLog: { orderBy: { at: "desc" }, take: 10, select: { id: true, attempt: true, at: true, statusCode: true, error: true, durationMs: true } },
        },
      },
    },
  });
  return endpoints.map((endpoint) => ({
    ...endpoint,
    // Older rows hold the whole sentence; newer ones the last failure, worded here.
    disabledReason:
      endpoint.disabledReason === null || endpoint.disabledReason.startsWith("Every delivery failed")
        ? endpoint.disabledReason
        : say({ key: messageKey("errors.webhookDisabled"), values: { last: failure(endpoint.disabledReason, endpoint.deliveries[0]?.lastStatus ?? null) ?? "" } }),
    deliveries: endpoint.deliveries.map((delivery) => ({
      ...delivery,
      lastError: failure(delivery.lastError, delivery.lastStatus),
      attemptLog: delivery.attemptLog.map((attempt) => ({ ...attempt, error: failure(attempt.error, attempt.statusCode) })),
    })),
  }));
}

export type WebhookEndpointListing = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];
