import { prisma } from "@/lib/db";
import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { AssetState } from "@/lib/generated/prisma/enums";
import type { ReferenceRole } from "@/lib/generation/video-rules";

/** The `errors` sentence naming why an asset in this state cannot go into a video. */
const notUsable: Record<Exclude<AssetState, "APPROVED">, string> = {
  PENDING: errorKey(messageKey("errors.referencePending")),
  IN_REVIEW: errorKey(messageKey("errors.referenceInReview")),
  REJECTED: errorKey(messageKey("errors.referenceRejected")),
  REPLACED: errorKey(messageKey("errors.referenceReplaced")),
  DISMISSED: errorKey(messageKey("errors.referenceDismissed")),
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
      throw new AppError("NOT_FOUND", "chosenAssetNotInLibrary", {
        detail: { assetId: ref.assetId },
      });
    }
    if (asset.state !== "APPROVED") {
      throw new AppError("INVALID_INPUT", notUsable[asset.state], {
        values: { name: asset.name },
        detail: { assetId: asset.id, state: asset.state },
      });
    }
    if (!asset.assetUrl) {
      throw new AppError("INVALID_INPUT", "referenceNoLink", {
        values: { name: asset.name },
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
