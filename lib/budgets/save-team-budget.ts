import { recordAudit } from "@/lib/audit/record-audit";
import type { SaveTeamBudgetInput } from "@/lib/budgets/save-budgets.validation";
import { prisma } from "@/lib/db";

/** An admin's team-wide limits: monthly spend and video jobs running at once. Audited. */
export async function saveTeamBudget(actor: { id: string; teamId: string }, input: SaveTeamBudgetInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.teamBudget.upsert({
      where: { teamId: actor.teamId },
      create: { teamId: actor.teamId, monthlyLimit: input.monthlyLimit, maxRunningJobs: input.maxRunningJobs },
      update: { monthlyLimit: input.monthlyLimit, maxRunningJobs: input.maxRunningJobs },
    });
    await recordAudit(
      { teamId: actor.teamId, actorId: actor.id, action: "budget.team_saved", targetType: "team", targetId: actor.teamId, metadata: { limit: input.monthlyLimit, maxRunningJobs: input.maxRunningJobs } },
      tx,
    );
  });
}
