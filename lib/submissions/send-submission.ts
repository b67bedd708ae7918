import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, errorKey, GENERIC_ERROR_KEY, isAppError, type MessageValues } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { describeStored } from "@/lib/i18n/sentence-in";
import { storedSentence } from "@/lib/i18n/stored-sentence";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionState } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { pollSchedule, sendRetry, sendRetryDelayMs } from "@/lib/submissions/poll-delay";
import { findOutboundError } from "@/lib/net/outbound-error";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";
import { getStorage } from "@/lib/storage/get-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import type { UpstreamClient } from "@/lib/upstream/client";
import { type SubmitAssetsInput, submitAssetsInputSchema } from "@/lib/upstream/inputs";
import { isUpstreamError } from "@/lib/upstream/upstream-error";

/** The worker polls a newly sent review task this long after it was accepted. */
export const FIRST_POLL_DELAY_MS = pollSchedule.firstDelayMs;

/**
 * Codes of a send failure that may pass by itself: the row gets `nextPollAt` (the worker's
 * backoff) and the worker resends it then, up to `sendRetry.maxAttempts` attempts in all.
 */
export const RETRYABLE_SEND_CODES: readonly string[] = [
  "UPSTREAM_UNREACHABLE",
  "UPSTREAM_ERROR",
  "UPSTREAM_RATE_LIMITED",
  "UPSTREAM_MALFORMED",
];

/** The `errors` key stored when the provider's answer to a send was lost. */
export const UNCERTAIN_MESSAGE = errorKey(messageKey("errors.submissionUncertain"));

export type SendSubmissionOptions = {
  /** Default: the team's provider client. */
  client?: UpstreamClient;
  /** Whether the provider honours Idempotency-Key. Default `UPSTREAM_IDEMPOTENCY`. */
  idempotency?: boolean;
  /** Default: the app's storage (for the public URLs of uploaded files). */
  storage?: Pick<FileStorage, "publicUrl"> & Partial<Pick<FileStorage, "providerUrl">>;
  /** Send an UNCERTAIN request again, accepting that it may be reviewed twice. */
  resendUncertain?: boolean;
  /**
   * A QUEUED row whose attempt started less than this long ago is taken to be in flight in
   * another process and is left alone. Default: the client's longest possible call plus a minute.
   */
  inFlightMs?: number;
};

export type SendSubmissionResult = {
  id: string;
  state: SubmissionState;
  providerTaskId: string | null;
  errorCode: string | null;
  error: string | null;
  /** Whether this call sent the request (false: it was already sent, or is being sent elsewhere). */
  sent: boolean;
};

/** What is kept in `rawResponse` from the moment of sending until the answer replaces it. */
const pendingRecordSchema = z.object({ request: z.unknown() });

const sendable: readonly SubmissionState[] = ["QUEUED", "SEND_FAILED", "UNCERTAIN"];

type LoadedSubmission = NonNullable<Awaited<ReturnType<typeof loadSubmission>>>;

function loadSubmission(submissionId: string, teamId: string) {
  return prisma.submission.findFirst({
    where: { id: submissionId, teamId },
    include: {
      group: true,
      assets: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { upload: { select: { storageKey: true } } } },
    },
  });
}

/** The outcome, its failure in the words of the request's language (English outside a request). */
async function resultOf(row: Pick<LoadedSubmission, "id" | "state" | "providerTaskId" | "errorCode" | "error" | "errorValues">, sent: boolean): Promise<SendSubmissionResult> {
  const failure = storedSentence(row);
  return { id: row.id, state: row.state, providerTaskId: row.providerTaskId, errorCode: row.errorCode, error: failure ? await describeStored(failure) : null, sent };
}

/**
 * The provider request for a submission. The first attempt builds it and keeps it in the row;
 * every later attempt sends exactly what was kept, so that the idempotency key is never used
 * with a different body (a group id learnt in between, a changed public base URL).
 */
async function requestFor(
  row: LoadedSubmission,
  storage: Pick<FileStorage, "publicUrl"> & Partial<Pick<FileStorage, "providerUrl">>,
): Promise<SubmitAssetsInput> {
  const kept = pendingRecordSchema.safeParse(row.rawResponse);
  if (kept.success) {
    const request = submitAssetsInputSchema.safeParse(kept.data.request);
    if (request.success) return kept.data.request as SubmitAssetsInput;
  }
  const group = row.group.providerGroupId
    ? { groupId: row.group.providerGroupId }
    : { group: { name: row.group.name, ...(row.group.description ? { description: row.group.description } : {}) } };
  return {
    ...group,
    projectName: row.projectName,
    assetType: ({ IMAGE: "Image", VIDEO: "Video", AUDIO: "Audio" } as const)[row.assetType],
    // Stored files: the URL the provider downloads from (a bucket URL with object storage).
    assets: await Promise.all(
      row.assets.map(async (asset) => {
        const key = asset.upload?.storageKey;
        const url = key ? await (storage.providerUrl?.(key) ?? storage.publicUrl(key)) : asset.sourceUrl;
        if (!url) throw new AppError("INVALID_INPUT", "assetHasNoSource", { values: { name: asset.name } });
        return { url, name: asset.name };
      }),
    ),
  };
}

/** Whether the failed call may have been carried out by the provider even though no answer came back. */
function answerMayBeLost(error: unknown): boolean {
  if (!isUpstreamError(error)) return false;
  if (error.code === "UPSTREAM_UNREACHABLE") {
    // Refused connections, unknown hosts and addresses the outbound guard refused never reached the provider.
    if (findOutboundError(error.cause)?.nothingSent) return false;
    return !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(error.detail.cause ?? "");
  }
  return error.code === "UPSTREAM_MALFORMED" || error.code === "UPSTREAM_ERROR";
}

/**
 * Sends one submission (one provider request) and records the answer. Safe to call any
 * number of times, from the page or the worker:
 * - only QUEUED, SEND_FAILED and (with `resendUncertain`) UNCERTAIN rows are sent; others are
 *   returned as they are;
 * - the attempt is claimed in the row first (a conditional update), so two callers never send
 *   at once; a QUEUED row with a recent attempt is taken to be in flight elsewhere;
 * - the idempotency key never changes and the same body goes with it every time.
 * SENT: task id, raw answer, assets IN_REVIEW, first poll in 3 s. SEND_FAILED: the user-facing
 * reason (`error`, `errorCode`), the provider's detail in `rawResponse` and the logs; retryable
 * codes get `nextPollAt` as the time the worker may resend. UNCERTAIN: the answer was lost and
 * the provider does not honour idempotency keys.
 */
export async function sendSubmission(
  submissionId: string,
  teamId: string,
  options: SendSubmissionOptions = {},
): Promise<SendSubmissionResult> {
  const idempotency = options.idempotency ?? env.UPSTREAM_IDEMPOTENCY;
  const inFlightMs = options.inFlightMs ?? env.UPSTREAM_TIMEOUT_MS * (env.UPSTREAM_MAX_RETRIES + 1) + 60_000;
  const row = await loadSubmission(submissionId, teamId);
  if (!row) throw new AppError("NOT_FOUND", "requestNotFoundInTeam");
  if (!sendable.includes(row.state)) return resultOf(row, false);
  if (row.state === "UNCERTAIN" && !options.resendUncertain) return resultOf(row, false);

  if (row.state === "QUEUED" && row.attempts > 0) {
    // An attempt began and recorded no answer: still running elsewhere, or cut off by a crash.
    if (Date.now() - row.updatedAt.getTime() < inFlightMs) return resultOf(row, false);
    if (!idempotency) {
      const updated = await recordFailure(row, "UNCERTAIN", {
        errorCode: "UPSTREAM_UNREACHABLE",
        error: UNCERTAIN_MESSAGE,
        rawResponse: { ...(row.rawResponse as object), error: { interrupted: true } },
      });
      return resultOf(updated ?? row, false);
    }
  }

  let request: SubmitAssetsInput;
  let client: UpstreamClient;
  try {
    request = await requestFor(row, options.storage ?? getStorage());
    client = options.client ?? (await upstreamClientForTeam(teamId)).client;
  } catch (error) {
    logger.error({ err: error, submissionId }, "submission could not be prepared");
    const updated = await recordFailure(row, "SEND_FAILED", { errorCode: isAppError(error) ? error.code : "INTERNAL", ...storedError(error, row.id) });
    return resultOf(updated ?? row, false);
  }

  const claim = await prisma.submission.updateMany({
    where: { id: row.id, teamId, state: row.state, attempts: row.attempts },
    data: {
      state: "QUEUED",
      attempts: { increment: 1 },
      rawResponse: { request } as Prisma.InputJsonObject,
      nextPollAt: null,
    },
  });
  if (claim.count === 0) {
    const current = await loadSubmission(submissionId, teamId);
    return resultOf(current ?? row, false);
  }
  const attempt = row.attempts + 1;

  try {
    const { data, raw } = await client.submitAssets(request, { idempotencyKey: row.idempotencyKey });
    const now = new Date();
    await prisma.$transaction([
      prisma.submission.updateMany({
        where: { id: row.id, teamId, state: "QUEUED" },
        data: {
          state: "SENT",
          providerTaskId: data.taskId,
          rawResponse: raw as Prisma.InputJsonValue,
          progress: Math.round(data.progress ?? 0),
          errorCode: null,
          error: null,
          sentAt: now,
          nextPollAt: new Date(now.getTime() + FIRST_POLL_DELAY_MS),
        },
      }),
      prisma.asset.updateMany({ where: { submissionId: row.id, teamId, state: "PENDING" }, data: { state: "IN_REVIEW" } }),
    ]);
    logger.info({ submissionId: row.id, taskId: data.taskId, assets: request.assets.length, attempt }, "submission sent");
    const current = await loadSubmission(submissionId, teamId);
    return resultOf(current ?? { ...row, state: "SENT", providerTaskId: data.taskId, errorCode: null, error: null }, true);
  } catch (error) {
    const uncertain = !idempotency && answerMayBeLost(error);
    const code = isAppError(error) ? error.code : "INTERNAL";

    const detail = isAppError(error) ? error.detail : undefined;
    logger.warn({ submissionId: row.id, code, detail, err: isAppError(error) ? undefined : error, attempt }, "submission not sent");
    const retryable = !uncertain && RETRYABLE_SEND_CODES.includes(code) && attempt < sendRetry.maxAttempts;
    const retryAfterMs = isUpstreamError(error) ? error.retryAfterMs : undefined;
    const updated = await recordFailure(row, uncertain ? "UNCERTAIN" : "SEND_FAILED", {
      errorCode: code,
      ...(uncertain ? { error: UNCERTAIN_MESSAGE } : storedError(error, row.id)),
      rawResponse: { request, error: { code, attempt, detail: detail ?? null } } as Prisma.InputJsonObject,
      nextPollAt: retryable ? new Date(Date.now() + sendRetryDelayMs(attempt, retryAfterMs)) : null,
      onlyFrom: "QUEUED",
      attempts: attempt,
    });
    return resultOf(updated ?? row, false);
  }
}

/** What is stored for the user to read about a failed send: the error's key and values, or the generic sentence naming the row. */
function storedError(error: unknown, submissionId: string): { error: string; errorValues: MessageValues } {
  return isAppError(error) ? { error: error.key, errorValues: error.values } : { error: GENERIC_ERROR_KEY, errorValues: { ref: submissionId } };
}

async function recordFailure(
  row: LoadedSubmission,
  state: "SEND_FAILED" | "UNCERTAIN",
  data: {
    errorCode: string;
    /** An `errors` key, and its values. */
    error: string;
    errorValues?: MessageValues;
    rawResponse?: Prisma.InputJsonValue;
    nextPollAt?: Date | null;
    onlyFrom?: SubmissionState;
    /** The attempt count this outcome belongs to: a newer attempt's claim is never overwritten. */
    attempts?: number;
  },
) {
  await prisma.submission.updateMany({
    where: { id: row.id, teamId: row.teamId, state: data.onlyFrom ?? row.state, attempts: data.attempts ?? row.attempts },
    data: {
      state,
      errorCode: data.errorCode,
      error: data.error,
      errorValues: data.errorValues ?? Prisma.DbNull,
      nextPollAt: data.nextPollAt ?? null,
      ...(data.rawResponse !== undefined ? { rawResponse: data.rawResponse } : {}),
    },
  });
  return loadSubmission(row.id, row.teamId);
}
