"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { describeAppError, errorSentence, requestLocale } from "@/lib/i18n/error-message";
import { checkOutboundUrl } from "@/lib/net/guarded-fetch";
import { findOutboundError, isOutboundError } from "@/lib/net/outbound-error";
import { outboundPolicy } from "@/lib/net/outbound-policy";
import { permittedActionClient } from "@/lib/safe-action";
import { getProviderSettings } from "@/lib/settings/get-provider-settings";
import { keyForBaseUrl, sameProviderUrl } from "@/lib/settings/provider-key-binding";
import { saveProviderSettingsSchema, testConnectionSchema } from "@/lib/settings/provider-settings.validation";
import { clientFromSettings } from "@/lib/settings/upstream-client-for-team";

const settingsAction = permittedActionClient("manageSettings");

/** Throws a clear AppError when the outbound guard refuses a base URL (the environment's is allowed by construction). */
async function assertReachableBaseUrl(baseUrl: string): Promise<void> {
  if (sameProviderUrl(baseUrl, env.UPSTREAM_BASE_URL)) return;
  try {
    await checkOutboundUrl(baseUrl, await outboundPolicy());
  } catch (error) {
    if (isOutboundError(error) && error.code !== "DNS_FAILED") {
      throw new AppError("INVALID_INPUT", "baseUrlRefused", { values: { reason: error.message }, cause: error });
    }
    // A name that does not resolve today may tomorrow; the connection test tells.
    if (!isOutboundError(error)) throw error;
  }
}

/**
 * Saves the team's provider settings. The key belongs to the base URL it is entered with:
 * a changed base URL needs its key typed again (the saved one is never carried over), and a
 * base URL other than the environment's never falls back to the environment's key.
 */
export const saveProviderSettingsAction = settingsAction.metadata({ actionName: "saveProviderSettings" }).inputSchema(saveProviderSettingsSchema).action(async ({ parsedInput, ctx }) => {
  const teamId = ctx.user.teamId;
  const effectiveBaseUrl = parsedInput.baseUrl ?? env.UPSTREAM_BASE_URL;
  await assertReachableBaseUrl(effectiveBaseUrl);

  const before = await getProviderSettings(teamId);
  let key: { upstreamApiKeyEnc: string | null; upstreamApiKeyLast4: string | null; upstreamApiKeyBaseUrl: string | null } | Record<string, never>;
  if (parsedInput.apiKey) {
    key = {
      upstreamApiKeyEnc: encryptSecret(parsedInput.apiKey, env.SETTINGS_ENCRYPTION_KEY),
      upstreamApiKeyLast4: parsedInput.apiKey.slice(-4),
      upstreamApiKeyBaseUrl: effectiveBaseUrl,
    };
  } else if (parsedInput.clearApiKey) {
    key = { upstreamApiKeyEnc: null, upstreamApiKeyLast4: null, upstreamApiKeyBaseUrl: null };
    if (!sameProviderUrl(effectiveBaseUrl, env.UPSTREAM_BASE_URL)) throw new AppError("INVALID_INPUT", "keyNeeded", { values: { baseUrl: effectiveBaseUrl } });
  } else {
    key = {};
    const kept = keyForBaseUrl(
      effectiveBaseUrl,
      { apiKey: before.hasSavedKey ? "saved" : null, boundTo: before.savedKeyBaseUrl },
      { baseUrl: env.UPSTREAM_BASE_URL, apiKey: "environment" },
    );
    if (before.hasSavedKey && kept.source !== "team") {
      throw new AppError("INVALID_INPUT", "baseUrlChangedKeyAgain", { values: { baseUrl: before.savedKeyBaseUrl ?? "" } });
    }
    if (!kept.apiKey) throw new AppError("INVALID_INPUT", "keyNeeded", { values: { baseUrl: effectiveBaseUrl } });
  }

  const data = { upstreamBaseUrl: parsedInput.baseUrl, models: parsedInput.models, projectName: parsedInput.projectName, ...key };
  await prisma.$transaction(async (tx) => {
    await tx.teamSettings.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
    await recordAudit(
      {
        teamId,
        actorId: ctx.user.id,
        action: "settings.provider_saved",
        targetType: "team",
        targetId: teamId,
        metadata: { baseUrl: parsedInput.baseUrl, keyChanged: "upstreamApiKeyEnc" in key, models: parsedInput.models },
      },
      tx,
    );
  });
  revalidatePath("/settings");
  const saved = await getProviderSettings(teamId);
  return { apiKeyLast4: saved.apiKeyLast4, hasSavedKey: saved.hasSavedKey };
});

/**
 * Tries a base URL and key before they are saved. A typed key goes only to the typed URL; an
 * empty key field means the key that belongs to that URL (the team's saved key if it was
 * saved for it, the environment's key for the environment's URL), and no key at all for
 * any other URL: nothing is sent then. The request goes through the outbound guard.
 */
export const testConnectionAction = settingsAction.metadata({ actionName: "testConnection" }).inputSchema(testConnectionSchema).action(async ({ parsedInput, ctx }) => {
  const saved = await getProviderSettings(ctx.user.teamId);
  const baseUrl = parsedInput.baseUrl ?? saved.baseUrl;
  const apiKey =
    parsedInput.apiKey ??
    keyForBaseUrl(
      baseUrl,
      { apiKey: saved.savedApiKey, boundTo: saved.savedKeyBaseUrl },
      { baseUrl: env.UPSTREAM_BASE_URL, apiKey: env.UPSTREAM_API_KEY },
    ).apiKey;
  if (!apiKey) return { ok: false as const, latencyMs: 0, message: await errorSentence("keyNeeded", { baseUrl }, await requestLocale()), code: "KEY_REQUIRED" };
  try {
    await assertReachableBaseUrl(baseUrl);
  } catch (error) {
    if (error instanceof AppError) return { ok: false as const, latencyMs: 0, message: await describeAppError(error), code: "ADDRESS_REFUSED" };
    throw error;
  }
  const client = clientFromSettings({ baseUrl, apiKey });
  const started = performance.now();
  const result = await client.testConnection();
  const latencyMs = Math.round(performance.now() - started);
  if (result.ok) return { ok: true as const, latencyMs };
  const guard = findOutboundError(result.error.cause);
  const message = guard ? await errorSentence("baseUrlRefused", { reason: guard.message }, await requestLocale()) : await describeAppError(result.error);
  return { ok: false as const, latencyMs, message, code: result.error.code };
});
