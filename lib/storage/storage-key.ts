import { randomBytes } from "node:crypto";

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;
const MAX_SEGMENTS = 8;
const MAX_STEM_LENGTH = 80;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * Whether a key is one this storage could have made: 2–8 `/`-separated segments of
 * letters, digits, `.`, `_` and `-`, each starting with a letter or digit, and no `..`
 * anywhere. Anything else (absolute paths, backslashes, traversal, hidden files, empty
 * segments, odd characters) is refused before it reaches the file system.
 */
export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || key.includes("..")) return false;
  const segments = key.split("/");
  if (segments.length < 2 || segments.length > MAX_SEGMENTS) return false;
  return segments.every((segment) => SEGMENT.test(segment));
}

/** 128 random bits as 26 lower-case base32 characters. */
export function randomKeySegment(): string {
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A file name that is safe as the last segment of a key: ASCII letters, digits, `.`, `_`
 * and `-`, accents dropped, no leading dot, at most 80 characters before the extension.
 * `extension` (without the dot) replaces the name's own when given.
 */
export function sanitiseFileName(fileName: string, extension?: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const ownExt = dot > 0 ? base.slice(dot + 1) : "";
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const clean = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/\.{2,}/g, ".")
      .replace(/-{2,}/g, "-")
      .replace(/^[._-]+|[._-]+$/g, "");
  const safeStem = clean(stem).slice(0, MAX_STEM_LENGTH).replace(/[._-]+$/, "") || "file";
  const safeExt = clean(extension ?? ownExt)
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase()
    .slice(0, 10);
  return safeExt ? `${safeStem}.${safeExt}` : safeStem;
}

/**
 * A new, unguessable key for a team's file: `t/<teamId>/<128 random bits>/<safe name>`.
 * The random segment keeps names from colliding and URLs from being guessed.
 */
export function newStorageKey(teamId: string, fileName: string, extension?: string): string {
  if (!SEGMENT.test(teamId) || teamId.includes("..")) throw new Error(`Unusable team id for a storage key: ${teamId}`);
  return `t/${teamId}/${randomKeySegment()}/${sanitiseFileName(fileName, extension)}`;
}
