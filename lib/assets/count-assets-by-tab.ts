import { prisma } from "@/lib/db";
import { type GalleryFilters, type GalleryTab } from "@/lib/assets/gallery-filters";
import { assetWhere } from "@/lib/assets/list-assets";

export type TabCounts = Record<GalleryTab, number>;

/**
 * How many of the team's assets each tab holds under the current filters. Without a filter
 * (what every gallery poll shows) this is one read of the team's row in `TeamCounter`, which
 * triggers keep in the same transaction as every asset write; under a filter it is a query.
 */
export async function countAssetsByTab(
  teamId: string,
  filters: Omit<GalleryFilters, "tab">,
  viewerId: string | null,
): Promise<TabCounts> {
  if (!hasFilter(filters)) return readKeptCounts(teamId);
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

function hasFilter(filters: Omit<GalleryFilters, "tab">): boolean {
  // Every key but the tab narrows the counts, including keys added to the filters later.
  return Object.values(filters).some((value) => value !== undefined);
}

/** The kept counts of the team's assets by state (zeros for a team with none yet). */
export async function readKeptCounts(teamId: string): Promise<TabCounts> {
  const row = await prisma.teamCounter.findUnique({ where: { teamId } });
  if (!row) return { approved: 0, in_review: 0, failed: 0, all: 0 };
  return {
    approved: row.approved,
    in_review: row.pending + row.inReview,
    failed: row.rejected,
    all: row.pending + row.inReview + row.approved + row.rejected + row.replaced + row.dismissed,
  };
}
