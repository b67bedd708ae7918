import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { outboundFetch } from "@/lib/net/outbound-policy";
import { getProviderSettings, type ProviderSettings } from "@/lib/settings/get-provider-settings";
import { createUpstreamClient, type UpstreamClient } from "@/lib/upstream/client";

/** Provider answers are small JSON documents; anything this big is not one. */
const MAX_PROVIDER_ANSWER_BYTES = 5 * 1_000_000;

/**
 * A provider client for a base URL and the key that belongs to it. Every request goes
 * through the outbound guard (lib/net): no private or loopback target unless the operator
 * allows it (the environment's own base URL is allowed), no redirect followed, a size limit.
 */
export function clientFromSettings(settings: { baseUrl: string; apiKey: string }): UpstreamClient {
  return createUpstreamClient({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    maxRetries: env.UPSTREAM_MAX_RETRIES,
    concurrency: env.UPSTREAM_CONCURRENCY,
    idempotency: env.UPSTREAM_IDEMPOTENCY,
    fetch: outboundFetch({
      maxRedirects: 0,
      maxBytes: MAX_PROVIDER_ANSWER_BYTES,
      connectTimeoutMs: Math.min(10_000, env.UPSTREAM_TIMEOUT_MS),
      firstByteTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
      idleTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    }),
  });
}

/**
 * The provider client with the team's settings (or the environment's). A team whose base URL
 * has no key of its own (the key was saved for another URL) gets a clear error instead of a
 * client: no key is ever sent to a base URL it was not entered for.
 */
export async function upstreamClientForTeam(teamId: string): Promise<{ client: UpstreamClient; settings: ProviderSettings }> {
  const settings = await getProviderSettings(teamId);
  if (!settings.apiKey) {
    throw new AppError("CONFLICT", "providerNotSetUp", { values: { baseUrl: settings.baseUrl } });
  }
  return { client: clientFromSettings({ baseUrl: settings.baseUrl, apiKey: settings.apiKey }), settings };
}
