import { decryptSecret } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { keyForBaseUrl } from "@/lib/settings/provider-key-binding";

/**
 * The provider settings in force for a team: the team's own where it saved them, the
 * environment's otherwise. The key is decrypted here and must never reach the browser.
 *
 * The key goes with its base URL: the team's saved key only to the base URL it was saved for,
 * the environment's key only to the environment's base URL. A team whose base URL has no key
 * of its own gets `apiKey: null` (it must enter one on the Settings page).
 */
export async function getProviderSettings(teamId: string) {
  const saved = await prisma.teamSettings.findUnique({ where: { teamId } });
  const baseUrl = saved?.upstreamBaseUrl ?? env.UPSTREAM_BASE_URL;
  const savedKey = saved?.upstreamApiKeyEnc ? decryptSecret(saved.upstreamApiKeyEnc, env.SETTINGS_ENCRYPTION_KEY) : null;
  const key = keyForBaseUrl(
    baseUrl,
    { apiKey: savedKey, boundTo: saved?.upstreamApiKeyBaseUrl ?? null },
    { baseUrl: env.UPSTREAM_BASE_URL, apiKey: env.UPSTREAM_API_KEY },
  );
  return {
    baseUrl,
    apiKey: key.apiKey,
    apiKeySource: key.source,
    apiKeyLast4: key.apiKey ? key.apiKey.slice(-4) : null,
    /** The team's saved key, whichever base URL it belongs to: server-side use only. */
    savedApiKey: savedKey,
    /** Whether the team has a saved key, whichever base URL it belongs to. */
    hasSavedKey: !!savedKey,
    /** The base URL the team's saved key was entered for. */
    savedKeyBaseUrl: savedKey ? (saved?.upstreamApiKeyBaseUrl ?? env.UPSTREAM_BASE_URL) : null,
    models: saved?.models.length ? saved.models : env.UPSTREAM_MODELS,
    projectName: saved?.projectName ?? env.UPSTREAM_PROJECT_NAME,
    overrides: {
      baseUrl: !!saved?.upstreamBaseUrl,
      apiKey: key.source === "team",
      models: !!saved?.models.length,
      projectName: !!saved?.projectName,
    },
  };
}

export type ProviderSettings = Awaited<ReturnType<typeof getProviderSettings>>;

/** What the Settings page may show: everything but the key, which appears as its last four characters. */
export async function getProviderSettingsForDisplay(teamId: string) {
  const { apiKey: _secret, savedApiKey: _saved, ...visible } = await getProviderSettings(teamId);
  return visible;
}
