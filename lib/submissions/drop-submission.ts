import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { Role } from "@/lib/generated/prisma/enums";

const DROPPED_NOTE = "Dropped without a review: the submission was not confirmed as received by the provider.";

/**
 * Give up on a submission that was not sent (SEND_FAILED) or whose answer was lost
 * (UNCERTAIN): it becomes FAILED and its assets DISMISSED, so nothing polls or resends it.
 * If the provider did receive it, its review there is simply not followed. Creators may drop
 * their own submissions; leads and admins anyone's.
 */
export async function dropSubmission(input: { submissionId: string }, user: { id: string; teamId: string; role: Role }): Promise<{ dropped: true }> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.submission.findFirst({
      where: { id: input.submissionId, teamId: user.teamId },
      select: { id: true, state: true, createdById: true, group: { select: { name: true } }, _count: { select: { assets: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "submissionNotFound");
    if (!can(user.role, "reviewFailed") && row.createdById !== user.id) {
      throw new AppError("FORBIDDEN", "submissionNotYoursDrop");
    }
    if (row.state !== "UNCERTAIN" && row.state !== "SEND_FAILED") {
      throw new AppError("CONFLICT", row.state === "QUEUED" ? errorKey(messageKey("errors.submissionSending")) : errorKey(messageKey("errors.submissionReachedProvider")));
    }
    const { count } = await tx.submission.updateMany({
      where: { id: row.id, teamId: user.teamId, state: row.state },
      data: { state: "FAILED", nextPollAt: null, finishedAt: new Date(), errorCode: "DROPPED", error: DROPPED_NOTE },
    });
    if (count === 0) throw new AppError("CONFLICT", "submissionChanged");
    await tx.asset.updateMany({
      where: { submissionId: row.id, teamId: user.teamId, state: { in: ["PENDING", "IN_REVIEW"] } },
      data: { state: "DISMISSED", dismissNote: DROPPED_NOTE },
    });
    await recordAudit(
      {
        teamId: user.teamId,
        actorId: user.id,
        action: "submission.dropped",
        targetType: "submission",
        targetId: row.id,
        metadata: { from: row.state, assets: row._count.assets, group: row.group.name },
      },
      tx,
    );
    return { dropped: true as const };
  });
}
