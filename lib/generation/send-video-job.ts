import { findOutboundError } from "@/lib/net/outbound-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { GENERIC_ERROR_KEY, isAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssetType, VideoJobState } from "@/lib/generated/prisma/enums";
import { matchVideoFailure } from "@/lib/generation/explain-video-failure";
import { storedSentence } from "@/lib/i18n/stored-sentence";
import { messageKey } from "@/lib/i18n/message-key";
import type { Sentence } from "@/lib/i18n/sentence";
import { describeStored } from "@/lib/i18n/sentence-in";
import { readVideoJobParams } from "@/lib/generation/video-job-params";
import { uncertainWaitCodes } from "@/lib/generation/video-job-states";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { CreateVideoInput, ImageRole } from "@/lib/upstream/inputs";
import { type UpstreamError, isUpstreamError } from "@/lib/upstream/upstream-error";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

/**
 * A send in flight is left this long to the process making it; then a worker may send again.
 * Longer than one send can take: at most two attempts of UPSTREAM_TIMEOUT_MS (20 s by
 * default) with a backoff of at most 30 s between them, see SEND_RESENDS_PER_CALL.
 */
export const SEND_LEASE_MS = 90_000;
/** Resends inside one send call; further resends are the worker's, on the backoff below. */
export const SEND_RESENDS_PER_CALL = 1;
/** The first look at a job the provider accepted. */
export const FIRST_POLL_DELAY_MS = 3_000;

type JobForSending = {
  model: string;
  prompt: string | null;
  params: unknown;
  references: { role: string; position: number; asset: { type: AssetType; assetUrl: string | null } }[];
};

/** A job's record → the provider request: avatars as `image_with_roles`, videos and audio in their own lists. */
export function buildVideoInput(job: JobForSending): CreateVideoInput {
  const params = readVideoJobParams(job.params);
  const refs = [...job.references].sort((a, b) => a.position - b.position);
  const url = (r: JobForSending["references"][number]) => r.asset.assetUrl ?? "";
  const images = refs.filter((r) => r.asset.type === "IMAGE").map((r) => ({ url: url(r), role: r.role as ImageRole }));
  const videos = refs.filter((r) => r.asset.type === "VIDEO").map(url);
  const audios = refs.filter((r) => r.asset.type === "AUDIO").map(url);
  const input: CreateVideoInput = {
    model: job.model,
    duration: params.duration,
    size: params.aspectRatio,
    resolution: params.resolution,
    generateAudio: params.generateAudio,
    returnLastFrame: params.returnLastFrame,
  };
  if (job.prompt?.trim()) input.prompt = job.prompt;
  if (params.seed !== null) input.seed = params.seed;
  if (images.length) input.imageWithRoles = images;
  if (videos.length) input.videoUrls = videos;
  if (audios.length) input.audioUrls = audios;
  return input;
}

export type SendOutcome = { jobId: string; state: VideoJobState; error: string | null };

export const UNCERTAIN_RESENDING_MESSAGE: Sentence = { key: messageKey("videoFailures.uncertainResending") };
export const UNCERTAIN_WAITING_MESSAGE: Sentence = { key: messageKey("videoFailures.uncertainWaiting") };
const uncertainExpiredMessage = (hours: number): Sentence => ({ key: messageKey("videoFailures.uncertainExpired"), values: { hours } });
const UNREACHED_MESSAGE: Sentence = { key: messageKey("videoFailures.unreached") };
const unreachedForMessage = (hours: number): Sentence => ({ key: messageKey("videoFailures.unreachedFor"), values: { hours } });

/** The columns a failure's sentence is stored in: its key, and its values. */
function stored(message: Sentence): { error: string; errorValues: Prisma.InputJsonValue | typeof Prisma.DbNull } {
  return { error: message.key, errorValues: message.values ?? Prisma.DbNull };
}

/** A stored failure in the words of the request's language (English outside a request). */
async function said(message: Sentence | null): Promise<string | null> {
  return message ? describeStored(message) : null;
}

/** Waits between resends of a job whose send was unanswered: 5 s doubling to 10 min, ±20 %; a Retry-After wins (up to an hour). */
export const uncertainSchedule = { baseMs: 5_000, maxMs: 10 * 60_000, maxRetryAfterMs: 60 * 60_000 } as const;

export function uncertainRetryDelayMs(sendsMade: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const s = uncertainSchedule;
  const base = Math.min(s.maxMs, s.baseMs * 2 ** Math.max(0, sendsMade - 1));
  const delay = Math.round(base * (0.8 + 0.4 * random()));
  return retryAfterMs !== undefined && retryAfterMs > 0 ? Math.max(delay, Math.min(retryAfterMs, s.maxRetryAfterMs)) : delay;
}

/**
 * What a failed send says about the provider's side:
 * - `refused`: a clear refusal (a 4xx with a reason, or our own check before sending): nothing was made;
 * - `unsent`: the request never got to act (429, connection refused, unknown host): nothing was made, send again later;
 * - `uncertain`: the request may have been carried out and its answer lost (dropped or timed-out
 *   connection after the request left, 5xx, an answer we cannot read, a 409 "same key in flight").
 * Once an earlier send of the job was uncertain, an auth or balance refusal of a resend does not
 * prove the earlier one made nothing (it is checked before the key), so it stays uncertain.
 */
export function classifySendFailure(error: unknown, options: { afterUncertain: boolean }): "refused" | "unsent" | "uncertain" {
  if (!isUpstreamError(error)) return isAppError(error) ? "refused" : "uncertain";
  switch (error.code) {
    case "UPSTREAM_RATE_LIMITED":
      return "unsent";
    case "UPSTREAM_UNREACHABLE": {
      // The outbound guard stops a request before it leaves: an address it refuses is a clear
      // refusal (sending again cannot help), a failed lookup or connect is simply unsent.
      const guard = findOutboundError(error.cause);
      if (guard?.nothingSent) return guard.refused ? "refused" : "unsent";
      return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(error.detail.cause ?? "") ? "unsent" : "uncertain";
    }
    case "UPSTREAM_ERROR":
    case "UPSTREAM_MALFORMED":
      return "uncertain";
    case "UPSTREAM_UNAUTHORIZED":
    case "UPSTREAM_INSUFFICIENT_BALANCE":
      return options.afterUncertain ? "uncertain" : "refused";
    case "UPSTREAM_REJECTED":
      return error.httpStatus === 409 ? "uncertain" : "refused";
  }
}

/** UPSTREAM_UNCERTAIN_WINDOW_HOURS's default; the worker and the actions pass the setting in force. */
export const DEFAULT_UNCERTAIN_WINDOW_MS = 24 * 3600_000;

export type SendVideoJobDeps = {
  client: UpstreamClient;
  actorId: string | null;
  now?: () => Date;
  /** Whether the provider honours Idempotency-Key. Default: the client's setting (UPSTREAM_IDEMPOTENCY). */
  idempotency?: boolean;
  /** How long an unanswered job is resent under its key before it waits for a person (UPSTREAM_UNCERTAIN_WINDOW_HOURS). */
  uncertainWindowMs?: number;
  /** A person chose to send an UNCERTAIN job again knowing a second video may be made; recorded in the audit log. */
  resendUncertain?: boolean;
  random?: () => number;
};

async function currentOutcome(jobId: string, teamId: string): Promise<SendOutcome> {
  const row = await prisma.videoJob.findFirst({ where: { id: jobId, teamId }, select: { state: true, error: true, errorValues: true } });
  return { jobId, state: row?.state ?? "FAILED", error: await said(storedSentence(row)) };
}

function userMessage(error: unknown): { code: string; message: Sentence; raw: unknown } {
  if (isAppError(error)) {
    let message: Sentence = { key: error.key, values: error.values };
    let raw: unknown = null;
    if (isUpstreamError(error)) {
      raw = error.detail.body ?? null;
      if (error.code === "UPSTREAM_REJECTED") {
        const matched = matchVideoFailure({ code: error.detail.providerCode, message: error.detail.reason });
        if (matched) message = { key: matched };
      }
    }
    return { code: error.code, message, raw };
  }
  const requestId = newRequestId();
  logger.error({ err: error, requestId }, "video job send failed unexpectedly");
  return { code: "INTERNAL", message: { key: GENERIC_ERROR_KEY, values: { ref: requestId } }, raw: null };
}

/**
 * Sends a job to the provider under the job's idempotency key and records the answer. Safe to
 * call any number of times, from the page or the worker:
 * - only QUEUED jobs, and UNCERTAIN ones where the provider honours keys (or a person chose to
 *   resend), are sent; others are returned as they are;
 * - the attempt is claimed in the row first (a conditional update that also moves
 *   `nextPollAt` past the longest send), so two callers never send it at once;
 * - a QUEUED job whose earlier attempt recorded no answer (the process died mid-send) is, where
 *   the provider does not honour keys, not sent blindly: it becomes UNCERTAIN for a person.
 * Outcomes: SENT (task id, raw answer); SEND_FAILED only on a clear refusal; UNCERTAIN when the
 * answer was lost (resent on a backoff for UPSTREAM_UNCERTAIN_WINDOW_HOURS where keys are
 * honoured, else left for a person); still QUEUED when the request never got to act (429,
 * refused connection), sent again on the backoff.
 *
 * Submissions resolve the same question in sendSubmission; the two stay apart because a video
 * job is driven by the worker's lease on the job row (advanceVideoJob) and has a provider task
 * to follow afterwards, while a submission is driven by its sweep and fans out to its assets.
 * The rules that matter are the same: one fixed key, claim before sending, never resend without
 * a key the provider honours, and a lost answer is not a failure.
 */
export async function sendVideoJob(jobId: string, teamId: string, deps: SendVideoJobDeps): Promise<SendOutcome> {
  const now = deps.now ?? (() => new Date());
  const idempotency = deps.idempotency ?? deps.client.idempotency ?? true;
  const windowMs = deps.uncertainWindowMs ?? DEFAULT_UNCERTAIN_WINDOW_MS;
  const job = await prisma.videoJob.findFirst({
    where: { id: jobId, teamId },
    include: { references: { include: { asset: { select: { type: true, assetUrl: true } } } } },
  });
  if (!job) return { jobId, state: "FAILED", error: await said({ key: "jobNotFound" }) };
  if (job.state !== "QUEUED" && job.state !== "UNCERTAIN") return { jobId, state: job.state, error: await said(storedSentence(job)) };
  if (job.state === "UNCERTAIN" && !idempotency && !deps.resendUncertain) return { jobId, state: job.state, error: await said(storedSentence(job)) };

  const started = now();
  const inFlightUntil = new Date(started.getTime() + SEND_LEASE_MS);
  if (job.state === "QUEUED" && job.attempts > 0 && job.errorCode === null && !idempotency && !deps.resendUncertain) {
    // An earlier attempt began and recorded nothing (its claim clears errorCode; every outcome sets
    // it): the process died mid-send, and the request may have reached the provider.
    const { count } = await prisma.videoJob.updateMany({
      where: { id: job.id, teamId, state: "QUEUED", attempts: job.attempts },
      data: { state: "UNCERTAIN", errorCode: uncertainWaitCodes.noRequestKeys, ...stored(UNCERTAIN_WAITING_MESSAGE), nextPollAt: null, uncertainSince: job.uncertainSince ?? job.updatedAt },
    });
    if (count > 0) {
      await recordAudit({ teamId, actorId: null, action: "video_job.uncertain", targetType: "video_job", targetId: job.id, metadata: { interrupted: true } });
    }
    return currentOutcome(job.id, teamId);
  }

  let input: CreateVideoInput;
  try {
    input = buildVideoInput(job);
  } catch (error) {
    // Our own record cannot make a request: nothing went out.
    const { code, message } = userMessage(error);
    const recorded = await prisma.$transaction(async (tx) => {
      const { count } = await tx.videoJob.updateMany({
        where: { id: job.id, teamId, state: job.state, attempts: job.attempts },
        data: { state: "SEND_FAILED", errorCode: code, ...stored(message), nextPollAt: null, finishedAt: now() },
      });
      if (count === 0) return false;
      await recordAudit({ teamId, actorId: deps.actorId, action: "video_job.send_failed", targetType: "video_job", targetId: job.id, metadata: { code } }, tx);
      await emitSendFailed(tx, job, code, message);
      return true;
    });
    return recorded ? { jobId: job.id, state: "SEND_FAILED", error: await said(message) } : currentOutcome(job.id, teamId);
  }

  // Claim the attempt: only one caller gets past this per attempt number.
  const claimed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.videoJob.updateMany({
      where: { id: job.id, teamId, state: job.state, attempts: job.attempts, idempotencyKey: job.idempotencyKey },
      data: { attempts: { increment: 1 }, nextPollAt: inFlightUntil, ...(job.state === "QUEUED" ? { errorCode: null } : {}) },
    });
    if (count === 0) return false;
    if (deps.resendUncertain && job.state === "UNCERTAIN") {
      await recordAudit(
        {
          teamId,
          actorId: deps.actorId,
          action: "video_job.resent_uncertain",
          targetType: "video_job",
          targetId: job.id,
          metadata: { idempotency, note: idempotency ? "same request key" : "the provider may already have started this video" },
        },
        tx,
      );
    }
    return true;
  });
  if (!claimed) return currentOutcome(job.id, teamId);
  const attempt = job.attempts + 1;
  /** Writes only over this attempt's own claim: a newer claim, or an answer recorded elsewhere, is never overwritten. */
  const ours = { id: job.id, teamId, state: { in: ["QUEUED", "UNCERTAIN"] as VideoJobState[] }, attempts: attempt, idempotencyKey: job.idempotencyKey };

  try {
    const { data, raw } = await deps.client.createVideo(input, {
      idempotencyKey: job.idempotencyKey,
      maxRetries: SEND_RESENDS_PER_CALL,
    });
    const state = data.status === "running" ? "RUNNING" : "SENT";
    const recorded = await prisma.$transaction(async (tx) => {
      // Any claim of this job with this key may record the task: it is the same task whichever send got it.
      const { count } = await tx.videoJob.updateMany({
        where: { id: job.id, teamId, state: { in: ["QUEUED", "UNCERTAIN"] }, idempotencyKey: job.idempotencyKey },
        data: {
          state,
          providerTaskId: data.taskId,
          progress: Math.round(data.progress ?? 0),
          rawResponse: raw as Prisma.InputJsonValue,
          attempts: 0,
          error: null,
          errorValues: Prisma.DbNull,
          errorCode: null,
          uncertainSince: null,
          nextPollAt: new Date(now().getTime() + FIRST_POLL_DELAY_MS),
        },
      });
      if (count === 0) return false;
      await recordAudit(
        {
          teamId,
          actorId: deps.actorId,
          action: "video_job.sent",
          targetType: "video_job",
          targetId: job.id,
          metadata: { providerTaskId: data.taskId, ...(attempt > 1 ? { sends: attempt } : {}) },
        },
        tx,
      );
      return true;
    });
    // Another sender (a worker taking over a slow request) may have recorded it first.
    if (!recorded) return currentOutcome(job.id, teamId);
    return { jobId: job.id, state, error: null };
  } catch (error) {
    let kind = classifySendFailure(error, { afterUncertain: job.state === "UNCERTAIN" });
    // An earlier send of an UNCERTAIN job may have made the video, whatever this one met.
    if (kind === "unsent" && job.state === "UNCERTAIN") kind = "uncertain";
    const { code, message, raw } = userMessage(error);
    const upstream: UpstreamError | undefined = isUpstreamError(error) ? error : undefined;
    logger.warn({ jobId: job.id, code, kind, attempt, detail: upstream?.detail }, "video job send got no task");
    const since = job.uncertainSince ?? started;
    const windowOver = now().getTime() - since.getTime() >= windowMs;
    const hours = Math.round((windowMs / 3600_000) * 10) / 10;
    const rawResponse = raw === null ? undefined : (raw as Prisma.InputJsonValue);
    const retryAt = new Date(now().getTime() + uncertainRetryDelayMs(attempt, upstream?.retryAfterMs, deps.random));

    if (kind === "refused" || (kind === "unsent" && job.state === "QUEUED" && windowOver)) {
      const finalMessage = kind === "refused" ? message : unreachedForMessage(hours);
      const recorded = await prisma.$transaction(async (tx) => {
        const { count } = await tx.videoJob.updateMany({
          where: ours,
          data: { state: "SEND_FAILED", errorCode: code, ...stored(finalMessage), rawResponse, nextPollAt: null, finishedAt: now() },
        });
        if (count === 0) return false;
        await recordAudit({ teamId, actorId: deps.actorId, action: "video_job.send_failed", targetType: "video_job", targetId: job.id, metadata: { code } }, tx);
        await emitSendFailed(tx, job, code, finalMessage);
        return true;
      });
      if (!recorded) return currentOutcome(job.id, teamId);
      return { jobId: job.id, state: "SEND_FAILED", error: await said(finalMessage) };
    }

    if (kind === "unsent") {
      // Nothing was made: the job stays QUEUED and is sent again on the backoff (Retry-After honoured).
      const { count } = await prisma.videoJob.updateMany({
        where: ours,
        data: { errorCode: code, ...stored(UNREACHED_MESSAGE), uncertainSince: since, nextPollAt: retryAt },
      });
      return count === 0 ? currentOutcome(job.id, teamId) : { jobId: job.id, state: job.state, error: await said(UNREACHED_MESSAGE) };
    }

    // Uncertain: the provider may have made it. Ask again under the same key, or wait for a person.
    const waiting = !idempotency || windowOver;
    const uncertainMessage = !idempotency ? UNCERTAIN_WAITING_MESSAGE : windowOver ? uncertainExpiredMessage(hours) : UNCERTAIN_RESENDING_MESSAGE;
    const recorded = await prisma.$transaction(async (tx) => {
      const { count } = await tx.videoJob.updateMany({
        where: ours,
        data: {
          state: "UNCERTAIN",
          errorCode: !idempotency ? uncertainWaitCodes.noRequestKeys : windowOver ? uncertainWaitCodes.windowOver : code,
          ...stored(uncertainMessage),
          rawResponse,
          uncertainSince: since,
          nextPollAt: waiting ? null : retryAt,
        },
      });
      if (count === 0) return false;
      if (job.state !== "UNCERTAIN" || waiting) {
        await recordAudit(
          { teamId, actorId: null, action: "video_job.uncertain", targetType: "video_job", targetId: job.id, metadata: { code, waitsForPerson: waiting } },
          tx,
        );
      }
      return true;
    });
    if (!recorded) return currentOutcome(job.id, teamId);
    return { jobId: job.id, state: "UNCERTAIN", error: await said(uncertainMessage) };
  }
}

/** A job that ends unsent is a failed video for the team's webhooks, like one the provider failed (the same payload). */
async function emitSendFailed(tx: Prisma.TransactionClient, job: { id: string; teamId: string; model: string }, code: string | null, message: Sentence): Promise<void> {
  // Webhook payloads are read by programs and their people alike: in English.
  const english = await describeStored(message, "en");
  return emitWebhookEvent(tx, { teamId: job.teamId, type: "video.failed", data: { jobId: job.id, state: "SEND_FAILED", model: job.model, error: { code, message: english } } });
}
