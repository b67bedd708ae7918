import "server-only";
import { prisma } from "@/lib/db";

/** The team's endpoints with their latest deliveries and each delivery's attempts. Never a secret. */
export async function listWebhookEndpoints(teamId: string, options: { deliveries?: number } = {}) {
  return prisma.webhookEndpoint.findMany({
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
}

export type WebhookEndpointListing = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];
