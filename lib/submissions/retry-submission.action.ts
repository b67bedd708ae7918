"use server";

import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { authActionClient } from "@/lib/safe-action";
import { sendSubmission } from "@/lib/submissions/send-submission";
import { retrySubmissionSchema } from "@/lib/submissions/retry-submission.validation";

/**
 * Send again a request that did not reach the provider (SEND_FAILED), or, with
 * `resendUncertain`, one whose answer was lost (UNCERTAIN). Same idempotency key, same body.
 * The same rule as dropping: creators may send their own submissions again; leads and admins anyone's.
 */
export const retrySubmissionAction = authActionClient.metadata({ actionName: "retrySubmission" }).inputSchema(retrySubmissionSchema).action(async ({ parsedInput, ctx }) => {
  const { teamId, id: userId, role } = ctx.user;
  const row = await prisma.submission.findFirst({
    where: { id: parsedInput.submissionId, teamId },
    select: { id: true, state: true, groupId: true, createdById: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "requestNotFound");
  if (!can(role, "reviewFailed") && row.createdById !== userId) {
    throw new AppError("FORBIDDEN", "submissionNotYoursResend");
  }
  if (row.state === "UNCERTAIN" && !parsedInput.resendUncertain) {
    throw new AppError("CONFLICT", "requestMayHaveReached");
  }
  if (row.state !== "SEND_FAILED" && row.state !== "UNCERTAIN") {
    throw new AppError("CONFLICT", row.state === "QUEUED" ? errorKey(messageKey("errors.requestSending")) : errorKey(messageKey("errors.requestAlreadySent")));
  }
  const result = await sendSubmission(row.id, teamId, { resendUncertain: parsedInput.resendUncertain });
  await recordAudit({
    teamId,
    actorId: userId,
    action: "assets.resubmitted",
    targetType: "submission",
    targetId: row.id,
    metadata: { from: row.state, to: result.state, groupId: row.groupId },
  });
  return result;
});
