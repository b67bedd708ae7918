import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Leaves failed assets as they are, with a note saying why: they become DISMISSED and leave
 * the review queue. Their verdict and reason stay. Callers check the permission.
 */
export async function dismissAssets(input: { teamId: string; actorId: string; assetIds: string[]; note: string }): Promise<number> {
  const ids = [...new Set(input.assetIds)];
  return prisma.$transaction(async (tx) => {
    const assets = await tx.asset.findMany({
      where: { teamId: input.teamId, id: { in: ids } },
      select: { id: true, name: true, state: true, group: { select: { name: true } } },
    });
    if (assets.length !== ids.length) throw new AppError("NOT_FOUND", "assetMissingReload");
    const notFailed = assets.find((a) => a.state !== "REJECTED");
    if (notFailed) throw new AppError("CONFLICT", "assetNoLongerFailed", { values: { name: notFailed.name } });
    const { count } = await tx.asset.updateMany({
      where: { teamId: input.teamId, id: { in: ids }, state: "REJECTED" },
      data: { state: "DISMISSED", dismissNote: input.note },
    });
    if (count !== ids.length) throw new AppError("CONFLICT", "assetsChangedConcurrently");
    await recordAudit(
      {
        teamId: input.teamId,
        actorId: input.actorId,
        action: "review.dismissed",
        targetType: ids.length === 1 ? "asset" : "assets",
        targetId: ids.length === 1 ? ids[0] : undefined,
        metadata: { count, names: assets.slice(0, 5).map((a) => a.name), note: input.note, group: assets[0]?.group.name ?? null },
      },
      tx,
    );
    return count;
  });
}
