"use server";

import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authActionClient } from "@/lib/safe-action";
import { sendSubmission } from "@/lib/submissions/send-submission";
import { retrySubmissionSchema } from "@/lib/submissions/retry-submission.validation";

/**
 * Send again a request that did not reach the provider (SEND_FAILED), or, with
 * `resendUncertain`, one whose answer was lost (UNCERTAIN). Same idempotency key, same body.
 */
export const retrySubmissionAction = authActionClient.metadata({ actionName: "retrySubmission" }).inputSchema(retrySubmissionSchema).action(async ({ parsedInput, ctx }) => {
  const { teamId, id: userId } = ctx.user;
  const row = await prisma.submission.findFirst({
    where: { id: parsedInput.submissionId, teamId },
    select: { id: true, state: true, groupId: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "This request was not found.");
  if (row.state === "UNCERTAIN" && !parsedInput.resendUncertain) {
    throw new AppError("CONFLICT", "This request may already have reached the provider. Confirm that it should be sent again.");
  }
  if (row.state !== "SEND_FAILED" && row.state !== "UNCERTAIN") {
    throw new AppError("CONFLICT", row.state === "QUEUED" ? "This request is being sent right now." : "This request has already been sent.");
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
