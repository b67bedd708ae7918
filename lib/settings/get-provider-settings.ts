import { decryptSecret } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The provider settings in force for a team: the team's own where it saved them, the
 * environment's otherwise. The key is decrypted here and must never reach the browser.
 */
export async function getProviderSettings(teamId: string) {
  const saved = await prisma.teamSettings.findUnique({ where: { teamId } });
  const apiKey = saved?.upstreamApiKeyEnc ? decryptSecret(saved.upstreamApiKeyEnc, env.SETTINGS_ENCRYPTION_KEY) : env.UPSTREAM_API_KEY;
  return {
    baseUrl: saved?.upstreamBaseUrl ?? env.UPSTREAM_BASE_URL,
    apiKey,
    apiKeyLast4: apiKey.slice(-4),
    models: saved?.models.length ? saved.models : env.UPSTREAM_MODELS,
    projectName: saved?.projectName ?? env.UPSTREAM_PROJECT_NAME,
    overrides: {
      baseUrl: !!saved?.upstreamBaseUrl,
      apiKey: !!saved?.upstreamApiKeyEnc,
      models: !!saved?.models.length,
      projectName: !!saved?.projectName,
    },
  };
}

export type ProviderSettings = Awaited<ReturnType<typeof getProviderSettings>>;

/** What the Settings page may show: everything but the key, which appears as its last four characters. */
export async function getProviderSettingsForDisplay(teamId: string) {
  const { apiKey: _secret, ...visible } = await getProviderSettings(teamId);
  return visible;
}
