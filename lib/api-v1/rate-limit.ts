import { prisma } from "@/lib/db";

export type RateLimitState = { limit: number; remaining: number; resetSeconds: number; allowed: boolean };

const WINDOW_MS = 60_000;

/**
 * Counts one request of a token in the current minute (a fixed window, in PostgreSQL, so
 * every app host shares it). The key is the token's id, found from its secret: a client
 * cannot pick another's counter.
 */
export async function countRequest(tokenId: string, limit: number, now = new Date()): Promise<RateLimitState> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateLimit" ("tokenId", "windowStart", "count") VALUES (${tokenId}, ${windowStart}, 1)
    ON CONFLICT ("tokenId") DO UPDATE SET
      "count" = CASE WHEN "ApiRateLimit"."windowStart" = EXCLUDED."windowStart" THEN "ApiRateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  return { limit, remaining: Math.max(0, limit - count), resetSeconds, allowed: count <= limit };
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
}
