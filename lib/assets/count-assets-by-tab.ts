import { prisma } from "@/lib/db";
import type { GalleryFilters, GalleryTab } from "@/lib/assets/gallery-filters";
import { assetWhere } from "@/lib/assets/list-assets";
import { readTeamCounts, readTeamVersion } from "@/lib/assets/team-counter";

export type TabCounts = Record<GalleryTab, number>;

/**
 * How many of the team's assets each tab holds under the current filters. Without a filter
 * (what every gallery poll shows) this is one read of the team's `TeamCounter` row, which
 * triggers keep in the same transaction as every asset write. Under a filter it is a query,
 * whose answer is kept in this process for the team's current version: any asset write of
 * the team moves the version, so a kept answer is never stale, and the many polls of one
 * view between two writes cost one count.
 */
export async function countAssetsByTab(
  teamId: string,
  filters: Omit<GalleryFilters, "tab">,
  viewerId: string | null,
  options: { version?: bigint; timeZone?: string; kept?: KeptCounts } = {},
): Promise<TabCounts> {
  // Unfiltered: the kept counts, read already with the session when it came that way.
  if (!hasFilter(filters)) return options.kept ? tabCounts(options.kept) : readKeptCounts(teamId);
  const timeZone = options.timeZone ?? "UTC";
  const version = options.version ?? (await readTeamVersion(teamId));
  // "who: me" depends on the viewer; every other filter is the same for the whole team.
  // Days are cut in the viewer's zone: the zone is part of the question when days are asked.
  const key = JSON.stringify([teamId, filters, filters.who === "me" ? viewerId : null, filters.from || filters.to ? timeZone : null]);
  const kept = filteredCounts.get(key);
  if (kept && kept.version === version) {
    // Most recently used last.
    filteredCounts.delete(key);
    filteredCounts.set(key, kept);
    return kept.counts;
  }
  const counts = await countByQuery(teamId, filters, viewerId, timeZone);
  // A version read before the count: a write landing in between makes the next read miss.
  filteredCounts.delete(key);
  filteredCounts.set(key, { version, counts });
  if (filteredCounts.size > MAX_KEPT) filteredCounts.delete(filteredCounts.keys().next().value!);
  return counts;
}

const MAX_KEPT = 500;
const filteredCounts = new Map<string, { version: bigint; counts: TabCounts }>();

async function countByQuery(teamId: string, filters: Omit<GalleryFilters, "tab">, viewerId: string | null, timeZone: string): Promise<TabCounts> {
  const rows = await prisma.asset.groupBy({
    by: ["state"],
    where: assetWhere(teamId, filters, viewerId, timeZone),
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

/** The kept counts of the team's assets by state, as tabs. */
export async function readKeptCounts(teamId: string): Promise<TabCounts> {
  return tabCounts(await readTeamCounts(teamId));
}

type KeptCounts = Omit<Awaited<ReturnType<typeof readTeamCounts>>, "version">;

function tabCounts(row: KeptCounts): TabCounts {
  return {
    approved: row.approved,
    in_review: row.pending + row.inReview,
    failed: row.rejected,
    all: row.pending + row.inReview + row.approved + row.rejected + row.replaced + row.dismissed,
  };
}
