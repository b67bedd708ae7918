import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AssetState } from "@/lib/generated/prisma/enums";
import type { ReferenceRole } from "@/lib/generation/video-rules";

const notUsable: Record<Exclude<AssetState, "APPROVED">, string> = {
  PENDING: "is still waiting for review",
  IN_REVIEW: "is still in review",
  REJECTED: "did not pass review",
  REPLACED: "was replaced by a newer version",
  DISMISSED: "was dismissed",
};

/**
 * The assets a request references, each checked to be this team's and APPROVED with an
 * `asset://` link; anything else is refused with a message naming the asset. In the order given.
 */
export async function loadApprovedReferences(teamId: string, refs: readonly { assetId: string; role: ReferenceRole }[]) {
  const ids = [...new Set(refs.map((r) => r.assetId))];
  const assets = await prisma.asset.findMany({
    where: { id: { in: ids }, teamId },
    select: { id: true, name: true, type: true, state: true, assetUrl: true, upload: { select: { durationMs: true } } },
  });
  const byId = new Map(assets.map((a) => [a.id, a]));
  return refs.map((ref, position) => {
    const asset = byId.get(ref.assetId);
    if (!asset) {
      throw new AppError("NOT_FOUND", "One of the chosen assets is not in your team's library. Remove it and try again.", {
        detail: { assetId: ref.assetId },
      });
    }
    if (asset.state !== "APPROVED") {
      throw new AppError("INVALID_INPUT", `“${asset.name}” ${notUsable[asset.state]}. Only approved assets can go into a video.`, {
        detail: { assetId: asset.id, state: asset.state },
      });
    }
    if (!asset.assetUrl) {
      throw new AppError("INVALID_INPUT", `“${asset.name}” has no asset:// link from the provider yet, so it can't go into a video.`, {
        detail: { assetId: asset.id },
      });
    }
    return {
      assetId: asset.id,
      name: asset.name,
      type: asset.type,
      role: ref.role,
      assetUrl: asset.assetUrl,
      durationMs: asset.upload?.durationMs ?? null,
      position,
    };
  });
}

export type ApprovedReference = Awaited<ReturnType<typeof loadApprovedReferences>>[number];
