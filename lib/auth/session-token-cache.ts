import "server-only";
import { cookies } from "next/headers";

/**
 * Who a session cookie names, kept for a short while: reading it through Auth.js decrypts a
 * JWE and writes a fresh one (a few milliseconds of CPU), which every 2.5 s poll of every open
 * tab would otherwise pay. The cookie's value is the key, so a kept answer is exactly what
 * decoding the same bytes gave; it is kept at most a minute and never past the session's own
 * expiry. Team and role are not kept here: they are read from the database on every request.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;
const kept = new Map<string, { userId: string; until: number }>();

/** The raw session cookie (Auth.js may split a large one into `.0`, `.1`, … chunks). */
async function sessionCookie(): Promise<string | null> {
  const jar = await cookies();
  const parts = jar
    .getAll()
    .filter((c) => /(^|\.|-)authjs\.session-token(\.\d+)?$/.test(c.name))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  return parts.length > 0 ? parts.map((c) => `${c.name}=${c.value}`).join(";") : null;
}

/** The signed-in user's id, through `decode` (Auth.js's `auth()`) unless this cookie was decoded lately. */
export async function cachedSessionUserId(decode: () => Promise<{ userId: string | null; expires: string | null }>): Promise<string | null> {
  const cookie = await sessionCookie();
  // No cookie of ours: Auth.js decides as always (nothing kept).
  if (!cookie) return (await decode()).userId;
  const now = Date.now();
  const hit = kept.get(cookie);
  if (hit && hit.until > now) return hit.userId;
  if (hit) kept.delete(cookie);
  const { userId, expires } = await decode();
  if (userId) {
    const ends = expires ? Date.parse(expires) : Number.NaN;
    const until = Math.min(now + TTL_MS, Number.isNaN(ends) ? now + TTL_MS : ends);
    if (until > now) {
      kept.set(cookie, { userId, until });
      if (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value!);
    }
  }
  return userId;
}
