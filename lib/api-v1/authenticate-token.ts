import { hashToken, looksLikeToken } from "@/lib/api-tokens/token-secret";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { prisma } from "@/lib/db";
import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { SessionUser } from "@/lib/auth/session";

/** `lastUsedAt` is written at most this often per token. */
const LAST_USED_EVERY_MS = 60_000;

export type TokenCaller = {
  tokenId: string;
  scopes: TokenScope[];
  /** The token's member as the database knows them now. */
  user: Omit<SessionUser, "teamVersion" | "teamCounts">;
};

const REFUSED = errorKey(messageKey("errors.tokenRefused"));

/**
 * The caller behind `Authorization: Bearer ast_…`: the token must exist, be neither revoked
 * nor expired, and its member must still belong to the token's team. Role and team are read
 * from the database on every call, so a removal or a role change applies at once.
 */
export async function authenticateToken(request: Request, now = new Date()): Promise<TokenCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const secret = match?.[1];
  if (!secret || !looksLikeToken(secret)) throw new AppError("UNAUTHENTICATED", REFUSED);
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      teamId: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, locale: true, timeZone: true, membership: { select: { role: true, teamId: true, team: { select: { name: true } } } } } },
    },
  });
  const membership = token?.user.membership;
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || !membership || membership.teamId !== token.teamId) {
    throw new AppError("UNAUTHENTICATED", REFUSED);
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await prisma.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    tokenId: token.id,
    scopes: token.scopes.filter((s): s is TokenScope => s === "read" || s === "submit" || s === "generate"),
    user: { id: token.user.id, email: token.user.email, name: token.user.name, locale: token.user.locale, timeZone: token.user.timeZone, role: membership.role, teamId: membership.teamId, teamName: membership.team.name },
  };
}

export function assertScope(caller: TokenCaller, scope: TokenScope): void {
  if (!caller.scopes.includes(scope)) throw new AppError("FORBIDDEN", "tokenMissingScope", { values: { scope } });
}
