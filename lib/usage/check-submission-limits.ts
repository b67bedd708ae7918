import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import { accountLimits, groupHeldStates } from "@/lib/usage/account-limits";

/**
 * Inside a submit's transaction, after its group is written: refuses (QUOTA_EXCEEDED, with the
 * numbers) a submit that would take the team past the account's number of groups or the group
 * past its number of assets; a resubmit (failed assets sent again, or their replacements) is
 * checked the same way against its group. Submits of one team take turns here (an advisory lock for the rest
 * of the transaction), so two at once cannot both fit in the last places.
 */
export async function checkSubmissionLimits(
  tx: Prisma.TransactionClient,
  teamId: string,
  input: {
    groupId: string;
    groupName: string;
    adding: number;
    /** Failed assets sent again into their own group: it adds no group, and nothing else can be chosen. */
    resubmit?: boolean;
  },
): Promise<void> {
  const limits = accountLimits();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`submission-limits:${teamId}`}))`;
  const [groups, held] = await Promise.all([
    tx.assetGroup.count({ where: { teamId } }),
    tx.asset.count({ where: { teamId, groupId: input.groupId, state: { in: [...groupHeldStates] } } }),
  ]);
  if (!input.resubmit && groups > limits.groups) {
    throw new AppError("QUOTA_EXCEEDED", "tooManyGroups", {
      values: { have: groups - 1, limit: limits.groups },
      detail: { groups: groups - 1, limit: limits.groups },
    });
  }
  if (held + input.adding > limits.assetsPerGroup) {
    const left = Math.max(0, limits.assetsPerGroup - held);
    throw new AppError("QUOTA_EXCEEDED", input.resubmit ? errorKey(messageKey("errors.groupFullResubmit")) : errorKey(messageKey("errors.groupFull")), {
      values: { name: input.groupName, held, limit: limits.assetsPerGroup, left, adding: input.adding },
      detail: { held, adding: input.adding, limit: limits.assetsPerGroup },
    });
  }
}
