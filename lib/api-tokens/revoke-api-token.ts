import { can } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Revokes a token at once: its member may revoke their own, an admin any of the team's.
 * Revoking twice is not an error.
 */
export async function revokeApiToken(actor: { id: string; teamId: string; role: Role }, tokenId: string, now = new Date()): Promise<void> {
  const token = await prisma.apiToken.findFirst({ where: { id: tokenId, teamId: actor.teamId }, select: { id: true, userId: true, name: true, revokedAt: true } });
  if (!token) throw new AppError("NOT_FOUND", "tokenNotFound");
  if (token.userId !== actor.id && !can(actor.role, "manageTeam")) throw new AppError("FORBIDDEN", "forbidden");
  if (token.revokedAt) return;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, teamId: actor.teamId, revokedAt: null }, data: { revokedAt: now, revokedById: actor.id } });
    if (count === 0) return;
    await recordAudit({ teamId: actor.teamId, actorId: actor.id, action: "api_token.revoked", targetType: "api_token", targetId: token.id, metadata: { name: token.name } }, tx);
  });
}
