import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Reads of `TeamCounter`, the row per team that triggers keep in the same transaction as
 * every write the polled reads show (migration 20261203184000_team_counter): the team's
 * asset counts by state and its change counter.
 */

/** The team's change counter (0 before its first write). One read by primary key. */
export async function readTeamVersion(teamId: string): Promise<bigint> {
  // A plain statement (`readRows`): every poll of every open tab asks this.
  const [row] = await readRows<{ version: string }>(Prisma.sql`SELECT "version" FROM "TeamCounter" WHERE "teamId" = ${teamId}`);
  return row ? BigInt(row.version) : 0n;
}

/** The team's kept asset counts by state (zeros for a team with none yet). */
export async function readTeamCounts(teamId: string) {
  const [row] = await readRows<{ version: string; pending: number; inReview: number; approved: number; rejected: number; replaced: number; dismissed: number }>(
    Prisma.sql`SELECT "version", "pending", "inReview", "approved", "rejected", "replaced", "dismissed" FROM "TeamCounter" WHERE "teamId" = ${teamId}`,
  );
  return {
    version: row ? BigInt(row.version) : 0n,
    pending: row?.pending ?? 0,
    inReview: row?.inReview ?? 0,
    approved: row?.approved ?? 0,
    rejected: row?.rejected ?? 0,
    replaced: row?.replaced ?? 0,
    dismissed: row?.dismissed ?? 0,
  };
}
