import { prisma } from "@/lib/db";
import type { GalleryFilters, GalleryTab } from "@/lib/assets/gallery-filters";
import { assetWhere } from "@/lib/assets/list-assets";

/** How many of the team's assets each tab holds under the current filters. */
export async function countAssetsByTab(
  teamId: string,
  filters: Omit<GalleryFilters, "tab">,
  viewerId: string | null,
): Promise<Record<GalleryTab, number>> {
  const rows = await prisma.asset.groupBy({
    by: ["state"],
    where: assetWhere(teamId, filters, viewerId),
    _count: { _all: true },
  });
  const count = (state: string) => rows.find((r) => r.state === state)?._count._all ?? 0;
  return {
    approved: count("APPROVED"),
    in_review: count("PENDING") + count("IN_REVIEW"),
    failed: count("REJECTED"),
    all: rows.reduce((sum, r) => sum + r._count._all, 0),
  };
}
