import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { addMemberSchema } from "@/lib/team/add-member.validation";
import type { TeamActor } from "@/lib/team/member-guards";

/** A new user in the actor's team, with a first password; refused when the email is taken. */
export async function addMember(actor: TeamActor, input: z.infer<typeof addMemberSchema>) {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "emailTaken");
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
