import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Turns an endpoint that was switched off after a day of failures back on; its failure count starts afresh. */
export async function enableWebhookEndpoint(actor: { teamId: string }, endpointId: string): Promise<void> {
  const { count } = await prisma.webhookEndpoint.updateMany({
    where: { id: endpointId, teamId: actor.teamId },
    data: { enabled: true, disabledAt: null, disabledReason: null, failingSince: null },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist, or it belongs to another team.");
}
