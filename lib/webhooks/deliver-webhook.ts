import { Webhook } from "standardwebhooks";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { GuardedFetch } from "@/lib/net/guarded-fetch";
import { outboundFetch } from "@/lib/net/outbound-policy";
import { openWebhookSecret } from "@/lib/webhooks/webhook-secret";
import { errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Waits after the 1st, 2nd, … failed attempt: growing from seconds to hours, so that a
 * delivery is tried about ten times over its day (RETRY_WINDOW_MS) and then given up.
 */
export const retryDelaysMs = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000] as const;
/** An endpoint whose deliveries have all failed for this long is turned off. */
export const DISABLE_AFTER_MS = 24 * 3600_000;
/** A delivery's claim: no second attempt starts within it. */
const LEASE_MS = 60_000;
const TIMEOUT_MS = 15_000;

export function retryDelayMs(failedAttempts: number): number {
  return retryDelaysMs[Math.min(failedAttempts, retryDelaysMs.length) - 1] ?? retryDelaysMs[0];
}

let defaultFetch: GuardedFetch | null = null;

export type DeliverDeps = { fetch?: GuardedFetch; now?: () => Date };
export type DeliverResult = "not-due" | "delivered" | "retrying" | "failed";

/**
 * One attempt at a delivery, if it is due: signed per Standard Webhooks (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`: HMAC-SHA256 with the endpoint's secret), sent
 * through the outbound guard (no private or loopback target unless the operator allows it,
 * no redirect followed), logged with its status and time. A 2xx answer delivers it; anything
 * else waits for the next try until its day is over. An endpoint failing for a day is turned
 * off and its team's audit log says so.
 */
export async function deliverWebhook(deliveryId: string, deps: DeliverDeps = {}): Promise<DeliverResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const claimed = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, state: "PENDING", nextAttemptAt: { lte: started }, endpoint: { enabled: true } },
    data: { nextAttemptAt: new Date(started.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) return "not-due";
  const delivery = await prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!delivery) return "not-due";
  const { endpoint } = delivery;

  const body = JSON.stringify(delivery.payload);
  const timestamp = new Date(Math.floor(started.getTime() / 1000) * 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "AvatarStudio-Webhooks/1",
    "webhook-id": delivery.eventId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": (await signingSecrets(endpoint, started)).map((secret) => new Webhook(secret).sign(delivery.eventId, timestamp, body)).join(" "),
  };
  const fetcher = deps.fetch ?? (defaultFetch ??= outboundFetch({ maxRedirects: 0, maxBytes: 64_000, connectTimeoutMs: 10_000, firstByteTimeoutMs: TIMEOUT_MS, idleTimeoutMs: TIMEOUT_MS }));
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetcher(endpoint.url, { method: "POST", headers, body });
    status = response.status;
    await response.arrayBuffer().catch(() => undefined);
  } catch (caught) {
    error = caught instanceof Error ? caught.message.slice(0, 500) : errorKey(messageKey("errors.webhookRequestFailed"));
  }
  const finished = now();
  const ok = status !== null && status >= 200 && status < 300;
  const attempt = delivery.attempts + 1;
  // An `errors` key: the listing words it with the status kept beside it.
  if (!ok && !error) error = errorKey(messageKey("errors.webhookEndpointAnswered"));

  const nextAt = new Date(finished.getTime() + retryDelayMs(attempt));
  const state = ok ? "SUCCEEDED" : nextAt > delivery.retryUntil ? "FAILED" : "PENDING";
  await prisma.$transaction(async (tx) => {
    await tx.webhookAttempt.create({ data: { deliveryId, attempt, at: started, statusCode: status, error: ok ? null : error, durationMs: finished.getTime() - started.getTime() } });
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attempts: attempt,
        state,
        lastStatus: status,
        lastError: ok ? null : error,
        nextAttemptAt: state === "PENDING" ? nextAt : null,
        ...(ok ? { deliveredAt: finished } : {}),
      },
    });
    if (ok) {
      if (endpoint.failingSince) await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
      return;
    }
    const failingSince = endpoint.failingSince ?? started;
    if (!endpoint.failingSince) await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince } });
    if (finished.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS) {
      // The last failure (a key or the text met); the listing words it (webhookDisabled).
      const reason = error ?? "";
      const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, enabled: true }, data: { enabled: false, disabledAt: finished, disabledReason: reason } });
      if (count > 0) {
        await recordAudit({ teamId: endpoint.teamId, actorId: null, action: "webhook.endpoint_disabled", targetType: "webhook_endpoint", targetId: endpoint.id, metadata: { url: endpoint.url, reason } }, tx);
        logger.warn({ endpointId: endpoint.id }, "webhook endpoint turned off after a day of failures");
      }
    }
  });
  return ok ? "delivered" : state === "FAILED" ? "failed" : "retrying";
}

/**
 * The secrets a delivery is signed with: the endpoint's own, and during the overlap after a
 * rotation the one before it too. Standard Webhooks separates signatures with spaces, and a
 * receiver accepts the delivery when any one of them verifies.
 */
export async function signingSecrets(endpoint: { secretEnc: string; previousSecretEnc: string | null; previousSecretExpiresAt: Date | null }, at: Date): Promise<string[]> {
  const secrets = [await openWebhookSecret(endpoint.secretEnc)];
  if (endpoint.previousSecretEnc && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at) secrets.push(await openWebhookSecret(endpoint.previousSecretEnc));
  return secrets;
}

/** Deliveries due now, oldest first, of enabled endpoints. */
export async function findDueDeliveries(options: { now?: Date; limit: number }): Promise<{ id: string; nextAttemptAt: Date }[]> {
  const rows = await prisma.webhookDelivery.findMany({
    where: { state: "PENDING", nextAttemptAt: { lte: options.now ?? new Date() }, endpoint: { enabled: true } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit,
    select: { id: true, nextAttemptAt: true },
  });
  return rows.flatMap((r) => (r.nextAttemptAt ? [{ id: r.id, nextAttemptAt: r.nextAttemptAt }] : []));
}
