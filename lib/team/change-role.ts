import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertNotLastAdmin, retryLater, serializable, type TeamActor } from "@/lib/team/member-guards";

/** A member's new role; the team's last admin keeps theirs. */
export async function changeRole(actor: TeamActor, membershipId: string, role: Role) {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, teamId: actor.teamId } });
    if (!membership) throw new AppError("NOT_FOUND", "memberNotInTeam");
    if (membership.role === role) return membership;
    if (membership.role === "ADMIN") await assertNotLastAdmin(tx, actor.teamId, membershipId);
    const updated = await tx.membership.update({ where: { id: membershipId }, data: { role } });
    await recordAudit(
      { teamId: actor.teamId, actorId: actor.id, action: "member.role_changed", targetType: "user", targetId: membership.userId, metadata: { from: membership.role, to: role } },
      tx,
    );
    return updated;
  }, serializable).catch(retryLater);
}
