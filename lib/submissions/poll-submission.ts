import { prisma } from "@/lib/db";
import { errorKey } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { messageKey } from "@/lib/i18n/message-key";
import { logger } from "@/lib/logger";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";
import type { UpstreamClient } from "@/lib/upstream/client";
import { isTaskNotFound, isUpstreamError } from "@/lib/upstream/upstream-error";
import { pollDelayMs, pollSchedule } from "@/lib/submissions/poll-delay";
import { recordReviewResult, type RecordedReview } from "@/lib/submissions/record-review-result";

/**
 * A claimed task is not offered to anyone else for this long: longer than one look can take
 * (the look is cut off at POLL_TIMEOUT_MS). If the worker dies mid-look, another worker
 * takes the task over when the lease runs out.
 */
export const POLL_LEASE_MS = 60_000;
export const POLL_TIMEOUT_MS = 40_000;
/** The provider keeps tasks for 7 days; after that "not found" means the task is gone. */
const TASK_RETENTION_MS = 7 * 24 * 3600_000;

export type PollOutcome =
  | { status: "skipped" }
  | { status: "polled"; review: RecordedReview }
  | { status: "error"; code: string; retryInMs: number };

export interface PollDeps {
  now?: () => Date;
  /** The provider client for a team; the team's settings by default. */
  clientFor?: (teamId: string) => Promise<UpstreamClient>;
  random?: () => number;
}

const defaultClientFor = async (teamId: string) => (await upstreamClientForTeam(teamId)).client;

/**
 * Looks once at a submission's provider task and records what it says. `dueAt` is the
 * `nextPollAt` the caller saw: the look happens only if this call is the one that moves it
 * (an atomic compare-and-set), so two workers never look at one task in the same period.
 */
export async function pollSubmission(
  input: { submissionId: string; teamId: string; dueAt: Date | null },
  deps: PollDeps = {},
): Promise<PollOutcome> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const claimed = await prisma.submission.updateMany({
    where: { id: input.submissionId, teamId: input.teamId, state: "SENT", nextPollAt: input.dueAt },
    data: { nextPollAt: new Date(started.getTime() + POLL_LEASE_MS) },
  });
  if (claimed.count === 0) return { status: "skipped" };

  const submission = await prisma.submission.findFirst({
    where: { id: input.submissionId, teamId: input.teamId },
    select: { providerTaskId: true, pollCount: true, sentAt: true, createdAt: true, createdById: true },
  });
  if (!submission) return { status: "skipped" };
  const log = logger.child({ submissionId: input.submissionId, taskId: submission.providerTaskId });

  if (!submission.providerTaskId) {
    // Sent, but the task id never made it into the row: only a person can decide what now.
    await prisma.submission.updateMany({
      where: { id: input.submissionId, teamId: input.teamId, state: "SENT" },
      data: {
        state: "UNCERTAIN",
        nextPollAt: null,
        errorCode: "NO_TASK_ID",
        error: errorKey(messageKey("errors.submissionNoTaskId")),
        errorValues: Prisma.DbNull,
      },
    });
    log.warn("sent submission without a task id marked uncertain");
    return { status: "error", code: "NO_TASK_ID", retryInMs: 0 };
  }

  try {
    const client = await (deps.clientFor ?? defaultClientFor)(input.teamId);
    const { data: task, raw } = await client.getTask(submission.providerTaskId, {
      kind: "review",
      // The provider words its reasons in the language of whoever submitted.
      language: reviewLanguage(await submitterLocale(submission.createdById)),
      signal: AbortSignal.timeout(POLL_TIMEOUT_MS),
    });
    const at = now();
    const review = await recordReviewResult({
      submissionId: input.submissionId,
      teamId: input.teamId,
      task,
      raw,
      now: at,
      nextPollAt: new Date(at.getTime() + pollDelayMs(submission.pollCount + 1, { random: deps.random })),
    });
    if (review.finished) log.info({ state: review.state, ...review.tally }, "review finished");
    return { status: "polled", review };
  } catch (error) {
    const at = now();
    const age = at.getTime() - (submission.sentAt ?? submission.createdAt).getTime();
    if (isTaskNotFound(error) && age > TASK_RETENTION_MS) {
      return expire(input, at, error);
    }
    const retryAfterMs = isUpstreamError(error) ? error.retryAfterMs : undefined;
    const transient = isUpstreamError(error) && error.retryable;
    const scheduled = pollDelayMs(submission.pollCount + 1, { retryAfterMs, random: deps.random });
    const retryInMs = transient ? scheduled : Math.max(scheduled, pollSchedule.errorDelayMs);
    const code = isUpstreamError(error) ? error.code : "POLL_FAILED";
    const message = isUpstreamError(error) ? error.key : errorKey(messageKey("errors.reviewCheckFailed"));
    log.warn(
      { code, retryInMs, detail: isUpstreamError(error) ? error.detail : undefined, err: isUpstreamError(error) ? undefined : error },
      "review poll failed",
    );
    await prisma.submission.updateMany({
      where: { id: input.submissionId, teamId: input.teamId, state: "SENT" },
      data: { nextPollAt: new Date(at.getTime() + retryInMs), pollCount: { increment: 1 }, errorCode: code, error: message, errorValues: Prisma.DbNull },
    });
    return { status: "error", code, retryInMs };
  }
}

/** The provider no longer knows the task (older than its 7 days): every asset still waiting fails. */
async function expire(input: { submissionId: string; teamId: string }, at: Date, error: unknown): Promise<PollOutcome> {
  const review = await recordReviewResult({
    submissionId: input.submissionId,
    teamId: input.teamId,
    task: {
      taskId: "",
      status: "failed",
      rawStatus: "expired",
      unknownStatus: false,
      progress: 100,
      error: { code: "TaskExpired", message: "The provider no longer keeps this review (tasks are kept for 7 days)." },
    },
    raw: { error: isUpstreamError(error) ? error.detail : String(error) },
    now: at,
    nextPollAt: at,
  });
  return { status: "polled", review };
}

/** The language the provider is asked to answer in: the submitter's saved language, English by default. */
export function reviewLanguage(locale: string | null | undefined): "en" | "zh" {
  return locale === "zh" ? "zh" : "en";
}

async function submitterLocale(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale ?? null;
}
