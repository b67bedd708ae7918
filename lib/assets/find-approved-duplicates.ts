import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What to look for: uploaded files by upload id, and URL assets by their URL. */
export type DuplicateQuery = { uploadIds?: readonly string[]; urls?: readonly string[] };

/**
 * Approved assets of the team made from the given files, in any of its groups. Uploads are
 * deduplicated by their bytes (sha256) per team, so the same upload id means the same file.
 * The app never downloads a URL asset (the provider does), so its bytes are not known here: a
 * URL asset is the same file as an approved one sent from the very same URL. A file found
 * here need not be submitted again: its `asset://` URL can be used as it is, in any video of
 * the team. One answer per file: an approval in `options.groupId` (the group being submitted
 * to) first, else the newest; each marked with the upload id or the URL it matches and the
 * group it was approved in.
 */
export async function findApprovedDuplicates(teamId: string, query: DuplicateQuery, options: { groupId?: string | null; db?: Prisma.TransactionClient } = {}) {
  const db = options.db ?? prisma;
  const uploadIds = [...new Set(query.uploadIds ?? [])];
  const urls = [...new Set((query.urls ?? []).map((u) => u.trim()).filter(Boolean))];
  if (uploadIds.length === 0 && urls.length === 0) return [];
  const assets = await db.asset.findMany({
    where: {
      teamId,
      state: "APPROVED",
      OR: [...(uploadIds.length ? [{ uploadId: { in: uploadIds } }] : []), ...(urls.length ? [{ uploadId: null, sourceUrl: { in: urls } }] : [])],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, uploadId: true, sourceUrl: true, assetUrl: true, providerAssetId: true, reviewedAt: true, group: { select: { id: true, name: true } } },
  });
  const preferred = options.groupId ?? null;
  const ranked = [...assets].sort((a, b) => Number(b.group.id === preferred) - Number(a.group.id === preferred));
  const firstPerFile = new Map<string, (typeof assets)[number]>();
  for (const asset of ranked) {
    const file = asset.uploadId ? `upload:${asset.uploadId}` : `url:${asset.sourceUrl}`;
    if (!firstPerFile.has(file)) firstPerFile.set(file, asset);
  }
  return [...firstPerFile.values()].map((a) => ({
    uploadId: a.uploadId,
    sourceUrl: a.uploadId ? null : a.sourceUrl,
    assetId: a.id,
    name: a.name,
    assetUrl: a.assetUrl,
    providerAssetId: a.providerAssetId,
    reviewedAt: a.reviewedAt?.toISOString() ?? null,
    groupId: a.group.id,
    groupName: a.group.name,
    /** Approved in the group being submitted to (else in another group of the team). */
    sameGroup: a.group.id === preferred,
  }));
}

export type ApprovedDuplicate = Awaited<ReturnType<typeof findApprovedDuplicates>>[number];
