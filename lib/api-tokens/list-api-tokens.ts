import "server-only";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { loadUserNames } from "@/lib/users/user-names";

/** The member's own tokens, and for an admin every token of the team; newest first. Never the secret. */
export async function listApiTokens(viewer: { id: string; teamId: string; role: Role }) {
  const all = can(viewer.role, "manageTeam");
  const rows = await prisma.apiToken.findMany({
    where: { teamId: viewer.teamId, ...(all ? {} : { userId: viewer.id }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, userId: true, name: true, prefix: true, scopes: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
  const names = await loadUserNames(rows.map((r) => r.userId));
  return rows.map((r) => ({
    ...r,
    ownerName: names.get(r.userId) ?? null,
    mine: r.userId === viewer.id,
  }));
}
