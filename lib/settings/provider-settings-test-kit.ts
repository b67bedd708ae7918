import { encryptSecret } from "@/lib/crypto/secret-box";

/**
 * TeamSettings columns for a team whose provider is `baseUrl` with its own key, saved for that
 * URL as the Settings page saves it (tests write rows directly). Reads SETTINGS_ENCRYPTION_KEY
 * from the environment: call after the test's settings are in place.
 */
export function boundProviderSettings(baseUrl: string, apiKey: string) {
  const secret = process.env.SETTINGS_ENCRYPTION_KEY;
  if (!secret) throw new Error("SETTINGS_ENCRYPTION_KEY is not set");
  return {
    upstreamBaseUrl: baseUrl,
    upstreamApiKeyEnc: encryptSecret(apiKey, secret),
    upstreamApiKeyLast4: apiKey.slice(-4),
    upstreamApiKeyBaseUrl: baseUrl,
  };
}
