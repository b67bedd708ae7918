import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { decodeKey } from "@/lib/crypto/decode-key";

/** AES-256-GCM. Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(plain: string, keyText: string): string {
  const key = requireKey(keyText);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptSecret(stored: string, keyText: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", requireKey(keyText), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

function requireKey(keyText: string): Buffer {
  const key = decodeKey(keyText);
  if (!key) throw new Error("the encryption key must be 32 bytes");
  return key;
}
