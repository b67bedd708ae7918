import { sendSubmission, type SendSubmissionResult } from "@/lib/submissions/send-submission";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { inFlightMs, unsentRules } from "@/lib/submissions/unsent-rules";

export type FinishUnsentOutcome = { status: "skipped" } | { status: "done"; result: SendSubmissionResult };

export interface FinishUnsentDeps {
  now?: () => Date;
  send?: typeof sendSubmission;
}

/**
 * Finishes a submission that was written but not confirmed as sent: a QUEUED row left by a
 * request that died or lost its answer, or a SEND_FAILED row whose failure was passing. The
 * row is checked again (it may have moved since the sweep), then handed to sendSubmission,
 * which claims the attempt in the row, sends under the row's fixed idempotency key, and
 * marks it UNCERTAIN instead when an answer may have been lost and the provider does not
 * honour idempotency keys. Turning UNCERTAIN is recorded in the audit log, since it waits
 * for a person.
 */
export async function finishUnsentSubmission(
  input: { submissionId: string; teamId: string },
  deps: FinishUnsentDeps = {},
): Promise<FinishUnsentOutcome> {
  const now = (deps.now ?? (() => new Date()))().getTime();
  const where = { id: input.submissionId, teamId: input.teamId };
  const row = await prisma.submission.findFirst({ where, select: { state: true, updatedAt: true, attempts: true, nextPollAt: true } });
  if (!row) return { status: "skipped" };
  const idle = now - row.updatedAt.getTime();
  const due =
    (row.state === "QUEUED" && idle >= (row.attempts === 0 ? unsentRules.queuedGraceMs : inFlightMs())) ||
    (row.state === "SEND_FAILED" && row.attempts < unsentRules.maxAttempts && row.nextPollAt !== null && row.nextPollAt.getTime() <= now);
  if (!due) return { status: "skipped" };

  logger.info({ submissionId: input.submissionId, state: row.state, attempts: row.attempts }, "finishing an unsent submission");
  const result = await (deps.send ?? sendSubmission)(input.submissionId, input.teamId);
  if (result.state === "UNCERTAIN" && row.state !== "UNCERTAIN") {
    await recordAudit({ teamId: input.teamId, actorId: null, action: "submission.uncertain", targetType: "submission", targetId: input.submissionId });
  }
  return { status: "done", result };
}
