import { recordAudit } from "@/lib/audit/record-audit";
import { newTokenSecret } from "@/lib/api-tokens/token-secret";
import type { CreateApiTokenInput } from "@/lib/api-tokens/create-api-token.validation";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Tokens one member may hold at once (revoked and expired ones do not count). */
export const MAX_ACTIVE_TOKENS = 20;

/**
 * A personal access token for the member: the secret is returned once and only its SHA-256
 * is kept. The token acts as the member, with whatever role and team they have at each call.
 */
export async function createApiToken(actor: { id: string; teamId: string }, input: CreateApiTokenInput, now = new Date()) {
  const active = await prisma.apiToken.count({
    where: { userId: actor.id, teamId: actor.teamId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (active >= MAX_ACTIVE_TOKENS) throw new AppError("CONFLICT", "tooManyTokens", { values: { limit: MAX_ACTIVE_TOKENS } });
  const { token, hash, prefix } = newTokenSecret();
  const scopes = [...new Set(input.scopes)];
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        teamId: actor.teamId,
        userId: actor.id,
        name: input.name,
        prefix,
        tokenHash: hash,
        scopes,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      },
      select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true, createdAt: true },
    });
    await recordAudit({ teamId: actor.teamId, actorId: actor.id, action: "api_token.created", targetType: "api_token", targetId: row.id, metadata: { name: row.name, scopes } }, tx);
    return row;
  });
  return {
    token,
    id: created.id,
    name: created.name,
    prefix: created.prefix,
    scopes: created.scopes,
    expiresAt: created.expiresAt?.toISOString() ?? null,
    createdAt: created.createdAt.toISOString(),
  };
}
