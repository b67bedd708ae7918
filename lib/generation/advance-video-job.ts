import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { Prisma, type VideoJob } from "@/lib/generated/prisma/client";
import { CopyFailedError, type FetchLike, MAX_FRAME_BYTES, MAX_VIDEO_BYTES, copyProviderFile } from "@/lib/generation/copy-provider-file";
import { explainVideoFailure, ownFailureCodes } from "@/lib/generation/explain-video-failure";
import { sendVideoJob } from "@/lib/generation/send-video-job";
import { readVideoJobParams } from "@/lib/generation/video-job-params";
import { storeRetryDelayMs, videoErrorDelayMs, videoPollDelayMs, videoPollSchedule } from "@/lib/generation/video-poll-delay";
import { messageKey } from "@/lib/i18n/message-key";
import { describeStored } from "@/lib/i18n/sentence-in";
import { logger } from "@/lib/logger";
import type { FileStorage } from "@/lib/storage/file-storage";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { ParsedTask } from "@/lib/upstream/normalised";
import { isTaskNotFound, isUpstreamError } from "@/lib/upstream/upstream-error";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

export type AdvanceDeps = {
  clientForTeam: (teamId: string) => Promise<UpstreamClient>;
  storage: FileStorage;
  fetch?: FetchLike;
  now?: () => Date;
  random?: () => number;
  /** UPSTREAM_UNCERTAIN_WINDOW_HOURS in ms (default 24 h). */
  uncertainWindowMs?: number;
  /** How often a copy renews its lease (videoPollSchedule.storeLeaseRenewMs). */
  storeLeaseRenewMs?: number;
};

export type AdvanceResult = "not-due" | VideoJob["state"];

const unfinished = ["QUEUED", "UNCERTAIN", "SENT", "RUNNING"] as const;
/** A task the provider says it does not know is given this long to appear before the job fails. */
const NOT_FOUND_GRACE_MS = 2 * 60_000;

const json = (value: unknown) => (value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue));

/**
 * One step of a video job, as the worker takes it: claim the job (only one worker can, until
 * its lease ends), then send it if it was never sent, or look at the provider's task and
 * record what it says. A finished video is copied to our storage before the job is marked
 * SUCCEEDED. An UNCERTAIN job (a send whose answer was lost) is sent again under its key on
 * its backoff, so the provider hands back the task it may already have made. Safe to call for any job id at any time: a job that is not due is left alone.
 * The lease is the claim's `nextPollAt`: every write of the step requires it still to be
 * there, so a worker whose lease ran out (another worker took the job over) writes nothing.
 */
export async function advanceVideoJob(jobId: string, deps: AdvanceDeps): Promise<AdvanceResult> {
  const now = deps.now ?? (() => new Date());
  const at = (delayMs: number) => new Date(now().getTime() + delayMs);
  let lease = at(videoPollSchedule.leaseMs);
  const claimed = await prisma.videoJob.updateMany({
    where: { id: jobId, state: { in: [...unfinished] }, nextPollAt: { lte: now() } },
    data: { nextPollAt: lease },
  });
  if (claimed.count === 0) return "not-due";
  const job = await prisma.videoJob.findUnique({ where: { id: jobId } });
  if (!job) return "not-due";
  /** Only while this step still holds the job: its state is one of these and its lease is ours. */
  const held = (states: readonly VideoJob["state"][]) => ({ id: job.id, teamId: job.teamId, state: { in: [...states] }, nextPollAt: lease });
  const currentState = async (): Promise<AdvanceResult> =>
    (await prisma.videoJob.findFirst({ where: { id: job.id, teamId: job.teamId }, select: { state: true } }))?.state ?? "not-due";
  const client = await deps.clientForTeam(job.teamId);

  if (job.state === "QUEUED" || job.state === "UNCERTAIN") {
    // Never sent, or sent with its answer lost: send (again) under the job's own key.
    logger.info({ jobId, state: job.state, sends: job.attempts }, "sending a video job whose task is not known yet");
    return (await sendVideoJob(job.id, job.teamId, { client, actorId: null, now, random: deps.random, uncertainWindowMs: deps.uncertainWindowMs })).state;
  }

  let leaseLost = false;
  /** Finishes the job if this step still holds it (and audits that once); otherwise leaves it and says where it stands. */
  const finish = async (
    state: "FAILED" | "CANCELLED" | "SUCCEEDED",
    data: Prisma.VideoJobUpdateManyMutationInput,
    metadata?: Prisma.InputJsonValue,
  ): Promise<AdvanceResult> => {
    const finished = await prisma.$transaction(async (tx) => {
      const { count } = await tx.videoJob.updateMany({
        where: held(["SENT", "RUNNING"]),
        // The sentences these steps store take no values: clear those of an earlier one.
        data: { ...data, ...(data.error !== undefined ? { errorValues: Prisma.DbNull } : {}), state, nextPollAt: null, finishedAt: now() },
      });
      if (count === 0) return false;
      await recordAudit(
        { teamId: job.teamId, actorId: null, action: `video_job.${state.toLowerCase() as Lowercase<typeof state>}`, targetType: "video_job", targetId: job.id, metadata },
        tx,
      );
      if (state !== "CANCELLED") {
        // Webhook payloads are read by programs and their people alike: in English.
        const error = typeof data.error === "string" ? { code: typeof data.errorCode === "string" ? data.errorCode : null, message: await describeStored({ key: data.error }, "en") } : null;
        await emitWebhookEvent(tx, { teamId: job.teamId, type: state === "SUCCEEDED" ? "video.succeeded" : "video.failed", data: { jobId: job.id, state, model: job.model, error } });
      }
      return true;
    });
    if (finished) return state;
    leaseLost = true;
    logger.info({ jobId, state }, "video job step lost its lease; another worker took the job over");
    return currentState();
  };

  if (!job.providerTaskId) {
    return finish("FAILED", { errorCode: ownFailureCodes.taskLost, error: messageKey("videoFailures.noTask") });
  }

  let task: ParsedTask;
  let raw: unknown;
  try {
    // One resend at most inside the call: the step's own backoff does the rest, well inside its lease.
    ({ data: task, raw } = await client.getTask(job.providerTaskId, { kind: "video", maxRetries: 1 }));
  } catch (error) {
    if (!isUpstreamError(error)) throw error;
    if (isTaskNotFound(error) && now().getTime() - job.createdAt.getTime() > NOT_FOUND_GRACE_MS) {
      return finish("FAILED", {
        errorCode: ownFailureCodes.taskLost,
        error: messageKey("videoFailures.taskGone"),
        rawResponse: json(error.detail.body),
      });
    }
    const errors = job.attempts + 1;
    logger.warn({ jobId, code: error.code, errors, detail: error.detail }, "video job could not be looked at");
    if (errors >= videoPollSchedule.maxConsecutiveErrors) {
      return finish("FAILED", {
        errorCode: ownFailureCodes.pollFailed,
        error: messageKey("videoFailures.lostContact"),
        rawResponse: json(error.detail.body),
      });
    }
    const { count } = await prisma.videoJob.updateMany({
      where: held([job.state]),
      data: { attempts: errors, pollCount: { increment: 1 }, nextPollAt: at(videoErrorDelayMs(errors, error.retryAfterMs)) },
    });
    return count === 0 ? currentState() : job.state;
  }

  if (task.status === "pending" || task.status === "running") {
    const state = task.status === "running" || task.progress > 0 ? "RUNNING" : job.state;
    const { count } = await prisma.videoJob.updateMany({
      where: held(["SENT", "RUNNING"]),
      data: {
        state,
        progress: Math.max(job.progress, Math.min(99, Math.round(task.progress))),
        rawResponse: json(raw),
        attempts: 0,
        pollCount: { increment: 1 },
        nextPollAt: at(videoPollDelayMs(job.pollCount, { random: deps.random })),
      },
    });
    return count === 0 ? currentState() : state;
  }

  if (task.status === "failed" || task.status === "cancelled") {
    const cancelled = task.status === "cancelled";
    return finish(
      cancelled ? "CANCELLED" : "FAILED",
      {
        errorCode: task.error?.code ?? (cancelled ? ownFailureCodes.cancelled : null),
        error: cancelled ? messageKey("videoFailures.cancelled") : explainVideoFailure(task.error),
        rawResponse: json(raw),
        pollCount: { increment: 1 },
      },
      { providerStatus: task.rawStatus },
    );
  }

  // Completed: keep the provider's answer, then copy the video (and last frame) to storage.
  const videoUrl = task.video?.urls[0];
  if (!videoUrl) {
    return finish("FAILED", {
      errorCode: ownFailureCodes.noVideo,
      error: messageKey("videoFailures.noVideo"),
      rawResponse: json(raw),
      pollCount: { increment: 1 },
    });
  }
  const storeLease = at(videoPollSchedule.leaseMs);
  const copying = await prisma.videoJob.updateMany({
    where: held(["SENT", "RUNNING"]),
    data: {
      state: "RUNNING",
      progress: 100,
      providerVideoUrl: videoUrl,
      providerVideoExpiresAt: task.video?.expiresAt ?? null,
      thumbnailUrl: task.video?.thumbnailUrl ?? null,
      rawResponse: json(raw),
      pollCount: { increment: 1 },
      nextPollAt: storeLease,
    },
  });
  if (copying.count === 0) return currentState();
  lease = storeLease;
  // Renewed while the copy runs, one write at a time, and stopped before any other write of the
  // step (each of which requires the lease as it then stands).
  let renewal: Promise<void> = Promise.resolve();
  const renewer = setInterval(() => {
    renewal = renewal.then(async () => {
      const next = at(videoPollSchedule.leaseMs);
      const { count } = await prisma.videoJob.updateMany({ where: held(["RUNNING"]), data: { nextPollAt: next } });
      if (count === 1) lease = next;
    }).catch((error: unknown) => logger.warn({ jobId, err: error }, "a copy's lease could not be renewed"));
  }, deps.storeLeaseRenewMs ?? videoPollSchedule.storeLeaseRenewMs);
  const stopRenewing = async () => {
    clearInterval(renewer);
    await renewal;
  };

  const tries = job.state === "RUNNING" && job.providerVideoUrl ? job.attempts + 1 : 1;
  const lastTry = tries >= videoPollSchedule.maxStoreAttempts;
  const copy = (url: string, kind: "video" | "image") =>
    copyProviderFile(url, {
      storage: deps.storage,
      teamId: job.teamId,
      baseName: kind === "video" ? `video-${job.id}` : `last-frame-${job.id}`,
      kind,
      maxBytes: kind === "video" ? MAX_VIDEO_BYTES : MAX_FRAME_BYTES,
      fetch: deps.fetch,
    });
  let video: Awaited<ReturnType<typeof copy>> | undefined;
  let lastFrameKey: string | null = null;
  try {
    video = await copy(videoUrl, "video");
    const frameUrl = task.video?.lastFrameUrl;
    if (frameUrl && readVideoJobParams(job.params).returnLastFrame) {
      try {
        lastFrameKey = (await copy(frameUrl, "image")).key;
      } catch (error) {
        // The video matters more than its last frame: on the last try, keep the video alone.
        if (!lastTry) throw error;
        logger.warn({ jobId, err: error }, "the last frame could not be copied; the video is kept without it");
      }
    }
    await stopRenewing();
    const result = await finish(
      "SUCCEEDED",
      { videoKey: video.key, lastFrameKey, progress: 100, attempts: 0, error: null, errorCode: null },
      { sizeBytes: video.sizeBytes, sha256: video.sha256 },
    );
    if (leaseLost) {
      // Another worker took the job over meanwhile: its copy is the job's, this one is nobody's.
      await deps.storage.delete(video.key).catch(() => {});
      if (lastFrameKey) await deps.storage.delete(lastFrameKey).catch(() => {});
    }
    return result;
  } catch (error) {
    await stopRenewing();
    if (video) await deps.storage.delete(video.key).catch(() => {});
    if (!(error instanceof CopyFailedError)) throw error;
    logger.warn({ jobId, tries, err: error, cause: error.cause }, "the finished video could not be copied");
    if (lastTry) {
      return finish("FAILED", {
        errorCode: ownFailureCodes.storeFailed,
        error: error.options.linkGone ? messageKey("videoFailures.linkGone") : messageKey("videoFailures.copyFailed"),
        attempts: tries,
      });
    }
    const { count } = await prisma.videoJob.updateMany({
      where: held(["RUNNING"]),
      data: { attempts: tries, nextPollAt: at(storeRetryDelayMs(tries)) },
    });
    return count === 0 ? currentState() : "RUNNING";
  }
}
