"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { permittedActionClient } from "@/lib/safe-action";
import { getProviderSettings } from "@/lib/settings/get-provider-settings";
import { saveProviderSettingsSchema, testConnectionSchema } from "@/lib/settings/provider-settings.validation";
import { clientFromSettings } from "@/lib/settings/upstream-client-for-team";

const settingsAction = permittedActionClient("manageSettings");

export const saveProviderSettingsAction = settingsAction.metadata({ actionName: "saveProviderSettings" }).inputSchema(saveProviderSettingsSchema).action(async ({ parsedInput, ctx }) => {
  const teamId = ctx.user.teamId;
  const key = parsedInput.clearApiKey
    ? { upstreamApiKeyEnc: null, upstreamApiKeyLast4: null }
    : parsedInput.apiKey
      ? { upstreamApiKeyEnc: encryptSecret(parsedInput.apiKey, env.SETTINGS_ENCRYPTION_KEY), upstreamApiKeyLast4: parsedInput.apiKey.slice(-4) }
      : {};
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
  return { apiKeyLast4: saved.apiKeyLast4 };
});

export const testConnectionAction = settingsAction.metadata({ actionName: "testConnection" }).inputSchema(testConnectionSchema).action(async ({ parsedInput, ctx }) => {
  const saved = await getProviderSettings(ctx.user.teamId);
  const client = clientFromSettings({ baseUrl: parsedInput.baseUrl ?? saved.baseUrl, apiKey: parsedInput.apiKey ?? saved.apiKey });
  const started = performance.now();
  const result = await client.testConnection();
  const latencyMs = Math.round(performance.now() - started);
  return result.ok ? { ok: true as const, latencyMs } : { ok: false as const, latencyMs, message: result.error.message, code: result.error.code };
});
