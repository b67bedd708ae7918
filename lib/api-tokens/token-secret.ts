import { createHash, randomInt } from "node:crypto";

/** Prefix of every personal access token, so that secret scanners can spot a leaked one. */
export const TOKEN_PREFIX = "ast_";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** 43 characters of 62: about 256 bits. */
const SECRET_LENGTH = 43;
/** Characters of the secret (after the prefix) shown to tell tokens apart. */
const SHOWN = 6;

/** A new token: the secret (shown once), its hash (stored) and the part shown in lists. */
export function newTokenSecret(): { token: string; hash: string; prefix: string } {
  let body = "";
  for (let i = 0; i < SECRET_LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  const token = `${TOKEN_PREFIX}${body}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + SHOWN) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string has a token's shape (checked before any lookup). */
export function looksLikeToken(value: string): boolean {
  return value.length === TOKEN_PREFIX.length + SECRET_LENGTH && value.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9]+$/.test(value.slice(TOKEN_PREFIX.length));
}
