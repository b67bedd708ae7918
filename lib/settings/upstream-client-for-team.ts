import { env } from "@/lib/env";
import { getProviderSettings, type ProviderSettings } from "@/lib/settings/get-provider-settings";
import { createUpstreamClient, type UpstreamClient } from "@/lib/upstream/client";

export function clientFromSettings(settings: Pick<ProviderSettings, "baseUrl" | "apiKey">): UpstreamClient {
  return createUpstreamClient({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    maxRetries: env.UPSTREAM_MAX_RETRIES,
    concurrency: env.UPSTREAM_CONCURRENCY,
    idempotency: env.UPSTREAM_IDEMPOTENCY,
  });
}

/** The provider client with the team's settings (or the environment's). */
export async function upstreamClientForTeam(teamId: string): Promise<{ client: UpstreamClient; settings: ProviderSettings }> {
  const settings = await getProviderSettings(teamId);
  return { client: clientFromSettings(settings), settings };
}
