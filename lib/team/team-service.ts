import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { addMemberSchema } from "@/lib/team/team-actions.validation";
import { isSerializationFailure } from "@/lib/prisma-errors";

type Actor = { id: string; teamId: string };

export async function addMember(actor: Actor, input: z.infer<typeof addMemberSchema>) {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "A user with this email already exists.");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name || null, passwordHash, membership: { create: { teamId: actor.teamId, role: input.role } } },
    });
    await recordAudit(
      { teamId: actor.teamId, actorId: actor.id, action: "member.added", targetType: "user", targetId: user.id, metadata: { email: user.email, role: input.role } },
      tx,
    );
    return user;
  });
}

/** Guards the team's last admin: a team must always have someone who can manage it. */
async function assertNotLastAdmin(tx: Pick<typeof prisma, "membership">, teamId: string, membershipId: string) {
  const admins = await tx.membership.findMany({ where: { teamId, role: "ADMIN" }, select: { id: true } });
  if (admins.length === 1 && admins[0]?.id === membershipId) {
    throw new AppError("CONFLICT", "A team needs at least one admin. Make someone else an admin first.");
  }
}

// Role changes and removals run serializably: two admins demoting each other at the same
// moment cannot both pass the last-admin check; the loser is asked to try again.
const serializable = { isolationLevel: "Serializable" } as const;

function retryLater(error: unknown): never {
  if (isSerializationFailure(error)) throw new AppError("CONFLICT", "Someone changed the team at the same moment. Please try again.");
  throw error;
}

export async function changeRole(actor: Actor, membershipId: string, role: Role) {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, teamId: actor.teamId } });
    if (!membership) throw new AppError("NOT_FOUND", "That member is not in your team.");
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

export async function removeMember(actor: Actor, membershipId: string) {
  await prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, teamId: actor.teamId }, include: { user: true } });
    if (!membership) throw new AppError("NOT_FOUND", "That member is not in your team.");
    if (membership.role === "ADMIN") await assertNotLastAdmin(tx, actor.teamId, membershipId);
    // The user goes with the membership: a user belongs to one team.
    await tx.user.delete({ where: { id: membership.userId } });
    await recordAudit(
      { teamId: actor.teamId, actorId: actor.id, action: "member.removed", targetType: "user", targetId: membership.userId, metadata: { email: membership.user.email } },
      tx,
    );
  }, serializable).catch(retryLater);
}
