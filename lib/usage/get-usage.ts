import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { accountLimits, groupHeldStates } from "@/lib/usage/account-limits";

export type Usage = {
  groups: { used: number; limit: number };
  assetsPerGroup: number;
  /** The groups holding the most assets, fullest first. */
  fullest: { id: string; name: string; projectName: string; assets: number }[];
};

/** A team's groups and the assets in its fullest groups, against the account's limits. */
export async function getUsage(teamId: string, take = 5): Promise<Usage> {
  const limits = accountLimits();
  const [groups, fullest] = await Promise.all([
    prisma.assetGroup.count({ where: { teamId } }),
    prisma.$queryRaw<{ id: string; name: string; projectName: string; assets: number }[]>`
      SELECT g.id, g.name, g."projectName", count(a.id)::int AS assets
      FROM "AssetGroup" g
      JOIN "Asset" a ON a."groupId" = g.id AND a."teamId" = ${teamId} AND a.state::text IN (${Prisma.join([...groupHeldStates])})
      WHERE g."teamId" = ${teamId}
      GROUP BY g.id ORDER BY assets DESC, g.name LIMIT ${take}`,
  ]);
  return { groups: { used: groups, limit: limits.groups }, assetsPerGroup: limits.assetsPerGroup, fullest };
}
