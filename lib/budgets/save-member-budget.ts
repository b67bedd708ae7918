import { recordAudit } from "@/lib/audit/record-audit";
import type { SaveMemberBudgetInput } from "@/lib/budgets/save-budgets.validation";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** An admin's monthly spend limit for one member of their team (null removes it). Audited. */
export async function saveMemberBudget(actor: { id: string; teamId: string }, input: SaveMemberBudgetInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { teamId: actor.teamId, userId: input.userId }, select: { user: { select: { email: true } } } });
    if (!membership) throw new AppError("NOT_FOUND", "memberNotInTeam");
    const key = { teamId_userId: { teamId: actor.teamId, userId: input.userId } };
    if (input.monthlyLimit === null) await tx.memberBudget.deleteMany({ where: { teamId: actor.teamId, userId: input.userId } });
    else await tx.memberBudget.upsert({ where: key, create: { teamId: actor.teamId, userId: input.userId, monthlyLimit: input.monthlyLimit }, update: { monthlyLimit: input.monthlyLimit } });
    await recordAudit(
      { teamId: actor.teamId, actorId: actor.id, action: "budget.member_saved", targetType: "user", targetId: input.userId, metadata: { email: membership.user.email, limit: input.monthlyLimit } },
      tx,
    );
  });
}
