import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertNotLastAdmin, retryLater, serializable, type TeamActor } from "@/lib/team/member-guards";

/** A member out of the team (and the user with them); never the team's last admin. */
export async function removeMember(actor: TeamActor, membershipId: string) {
  await prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, teamId: actor.teamId }, include: { user: true } });
    if (!membership) throw new AppError("NOT_FOUND", "memberNotInTeam");
    if (membership.role === "ADMIN") await assertNotLastAdmin(tx, actor.teamId, membershipId);
    // The user goes with the membership: a user belongs to one team.
    await tx.user.delete({ where: { id: membership.userId } });
    await recordAudit(
      { teamId: actor.teamId, actorId: actor.id, action: "member.removed", targetType: "user", targetId: membership.userId, metadata: { email: membership.user.email } },
      tx,
    );
  }, serializable).catch(retryLater);
}
