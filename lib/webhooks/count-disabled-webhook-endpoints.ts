import "server-only";
import { prisma } from "@/lib/db";

/** How many of the team's webhook endpoints were turned off after a day of failed deliveries (for the Settings page's notice). */
export async function countDisabledWebhookEndpoints(teamId: string): Promise<number> {
  return prisma.webhookEndpoint.count({ where: { teamId, enabled: false } });
}
