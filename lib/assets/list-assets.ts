import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssetState } from "@/lib/generated/prisma/enums";
import { getStorage } from "@/lib/storage/get-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { assetCardSelect, toAssetCard } from "@/lib/assets/asset-view";
import { encodeCursor, type GalleryCursor, type GalleryFilters, type GalleryTab } from "@/lib/assets/gallery-filters";
import { loadUserNames } from "@/lib/users/user-names";

export const tabStates: Record<GalleryTab, AssetState[] | null> = {
  approved: ["APPROVED"],
  in_review: ["PENDING", "IN_REVIEW"],
  failed: ["REJECTED"],
  all: null,
};

/** The filters as a Prisma where, for one team. `who: "me"` means the viewer. */
export function assetWhere(teamId: string, filters: Omit<GalleryFilters, "tab">, viewerId: string | null): Prisma.AssetWhereInput {
  const where: Prisma.AssetWhereInput = { teamId };
  if (filters.type) where.type = filters.type;
  if (filters.group) where.groupId = filters.group;
  if (filters.project) where.group = { projectName: filters.project };
  if (filters.who) where.createdById = filters.who === "me" ? (viewerId ?? "\u0000") : filters.who;
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00.000Z`) } : {}),
      ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
    };
  }
  if (filters.q) where.name = { contains: filters.q, mode: "insensitive" };
  if (filters.reason) where.failureCode = filters.reason;
  return where;
}

/**
 * One page of the team's gallery, newest first, by keyset on (createdAt, id) so every page
 * costs the same however deep it is. Postgres only.
 */
export async function listAssets(
  teamId: string,
  filters: GalleryFilters,
  options: { cursor?: GalleryCursor | null; limit: number; viewerId: string | null; storage?: Pick<FileStorage, "publicUrl"> },
) {
  const { tab, ...rest } = filters;
  const where = assetWhere(teamId, rest, options.viewerId);
  const states = tabStates[tab];
  if (states) where.state = states.length === 1 ? states[0] : { in: states };
  const cursor = options.cursor;
  const page = await prisma.asset.findMany({
    where: cursor
      ? {
          AND: [
            where,
            { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] },
          ],
        }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: assetCardSelect,
  });
  const more = page.length > options.limit;
  const rows = more ? page.slice(0, options.limit) : page;
  const names = await loadUserNames(rows.map((r) => r.createdById));
  const storage = options.storage ?? getStorage();
  const last = rows.at(-1);
  return {
    items: rows.map((row) => toAssetCard(row, storage, names)),
    nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

export type AssetPage = Awaited<ReturnType<typeof listAssets>>;
