import { env } from "@/lib/env";

/** The provider account's limits this server works under (settings with the defaults in lib/env.ts). */
export function accountLimits() {
  return { groups: env.ASSET_GROUPS_LIMIT, assetsPerGroup: env.ASSETS_PER_GROUP_LIMIT, videoJobsRunning: env.VIDEO_JOBS_RUNNING_LIMIT };
}

/** Assets that take a place in their group at the provider: sent, in review or approved. */
export const groupHeldStates = ["PENDING", "IN_REVIEW", "APPROVED"] as const;
