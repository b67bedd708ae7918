import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AssetType } from "@/lib/generated/prisma/enums";
import type { ListApprovedAssetsQuery } from "@/lib/generation/list-approved-assets.validation";
import { assetMediaUrls } from "@/lib/generation/video-job-view";
import type { FileStorage } from "@/lib/storage/file-storage";

/** An approved asset as the picker shows it. */
export const approvedAssetViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(AssetType),
  groupId: z.string(),
  groupName: z.string(),
  assetUrl: z.string(),
  url: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationMs: z.number().nullable(),
  createdAt: z.string(),
});
export type ApprovedAssetView = z.infer<typeof approvedAssetViewSchema>;

/** One page of the team's APPROVED assets only, newest first (keyset cursor: the last asset's id). */
export async function listApprovedAssets(
  teamId: string,
  query: Partial<ListApprovedAssetsQuery> & Pick<ListApprovedAssetsQuery, "limit">,
  options: { storage: Pick<FileStorage, "publicUrl"> },
): Promise<{ items: ApprovedAssetView[]; nextCursor: string | null }> {
  const where: Prisma.AssetWhereInput = {
    teamId,
    state: "APPROVED",
    assetUrl: { not: null },
    ...(query.ids ? { id: { in: query.ids } } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.groupId ? { groupId: query.groupId } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { group: { name: { contains: query.q, mode: "insensitive" } } },
            { upload: { fileName: { contains: query.q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const rows = await prisma.asset.findMany({
    where,
    include: { upload: true, group: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      groupId: a.groupId,
      groupName: a.group.name,
      assetUrl: a.assetUrl ?? "",
      ...assetMediaUrls(a, options.storage),
      width: a.upload?.width ?? null,
      height: a.upload?.height ?? null,
      durationMs: a.upload?.durationMs ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
