import "server-only";
import { prisma } from "@/lib/db";

/**
 * Approved assets of a group made from the given uploads (uploads are deduplicated by their
 * bytes per team, so the same upload id means the same file). A file found here need not be
 * submitted again: its `asset://` URL can be used as it is.
 */
export async function findApprovedDuplicates(teamId: string, groupId: string, uploadIds: readonly string[]) {
  if (uploadIds.length === 0) return [];
  const assets = await prisma.asset.findMany({
    where: { teamId, groupId, state: "APPROVED", uploadId: { in: [...uploadIds] } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, uploadId: true, assetUrl: true, providerAssetId: true, reviewedAt: true },
  });
  const firstPerUpload = new Map<string, (typeof assets)[number]>();
  for (const asset of assets) if (asset.uploadId && !firstPerUpload.has(asset.uploadId)) firstPerUpload.set(asset.uploadId, asset);
  return [...firstPerUpload.values()].map((a) => ({
    uploadId: a.uploadId!,
    assetId: a.id,
    name: a.name,
    assetUrl: a.assetUrl,
    providerAssetId: a.providerAssetId,
    reviewedAt: a.reviewedAt?.toISOString() ?? null,
  }));
}

export type ApprovedDuplicate = Awaited<ReturnType<typeof findApprovedDuplicates>>[number];
