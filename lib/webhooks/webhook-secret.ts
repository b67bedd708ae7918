import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

async function encryptionKey(): Promise<string> {
  const { env } = await import("@/lib/env");
  return env.SETTINGS_ENCRYPTION_KEY;
}

export async function sealWebhookSecret(secret: string): Promise<string> {
  return encryptSecret(secret, await encryptionKey());
}

export async function openWebhookSecret(sealed: string): Promise<string> {
  return decryptSecret(sealed, await encryptionKey());
}
