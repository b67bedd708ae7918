import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { matchVideoFailure } from "@/lib/generation/explain-video-failure";
import { readVideoJobParams } from "@/lib/generation/video-job-params";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { CreateVideoInput, ImageRole } from "@/lib/upstream/inputs";
import { isUpstreamError } from "@/lib/upstream/upstream-error";

/** A job written but not yet sent is left this long to the request that wrote it; then a worker sends it. */
export const SEND_LEASE_MS = 60_000;
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

export type SendOutcome = { jobId: string; state: "QUEUED" | "SENT" | "RUNNING" | "SEND_FAILED" | "SUCCEEDED" | "FAILED" | "CANCELLED"; error: string | null };

async function currentOutcome(jobId: string, teamId: string): Promise<SendOutcome> {
  const row = await prisma.videoJob.findFirst({ where: { id: jobId, teamId }, select: { state: true, error: true } });
  return { jobId, state: row?.state ?? "FAILED", error: row?.error ?? null };
}

/**
 * Sends a QUEUED job to the provider with the job's idempotency key (so a resend never makes
 * a second video), then records the answer: SENT with the task id, or SEND_FAILED with the
 * reason in plain words. A job in any other state is left as it is.
 */
export async function sendVideoJob(
  jobId: string,
  teamId: string,
  deps: { client: UpstreamClient; actorId: string | null; now?: () => Date },
): Promise<SendOutcome> {
  const now = deps.now ?? (() => new Date());
  const job = await prisma.videoJob.findFirst({
    where: { id: jobId, teamId },
    include: { references: { include: { asset: { select: { type: true, assetUrl: true } } } } },
  });
  if (!job) return { jobId, state: "FAILED", error: "This job no longer exists." };
  if (job.state !== "QUEUED") return { jobId, state: job.state, error: job.error };

  try {
    const { data, raw } = await deps.client.createVideo(buildVideoInput(job), { idempotencyKey: job.idempotencyKey });
    const state = data.status === "running" ? "RUNNING" : "SENT";
    const recorded = await prisma.$transaction(async (tx) => {
      const { count } = await tx.videoJob.updateMany({
        where: { id: job.id, teamId, state: "QUEUED" },
        data: {
          state,
          providerTaskId: data.taskId,
          progress: Math.round(data.progress ?? 0),
          rawResponse: raw as Prisma.InputJsonValue,
          attempts: 0,
          error: null,
          errorCode: null,
          nextPollAt: new Date(now().getTime() + FIRST_POLL_DELAY_MS),
        },
      });
      if (count === 0) return false;
      await recordAudit(
        { teamId, actorId: deps.actorId, action: "video_job.sent", targetType: "video_job", targetId: job.id, metadata: { providerTaskId: data.taskId } },
        tx,
      );
      return true;
    });
    // Another sender (a worker taking over a slow request) may have recorded it first.
    if (!recorded) return currentOutcome(job.id, teamId);
    return { jobId: job.id, state, error: null };
  } catch (error) {
    let message: string;
    let code: string;
    let raw: unknown = null;
    if (isAppError(error)) {
      code = error.code;
      message = error.message;
      if (isUpstreamError(error)) {
        raw = error.detail.body ?? null;
        if (error.code === "UPSTREAM_REJECTED") {
          message = matchVideoFailure({ code: error.detail.providerCode, message: error.detail.reason }) ?? error.message;
        }
      }
      logger.warn({ jobId: job.id, code, detail: error.detail }, "video job could not be sent");
    } else {
      const requestId = newRequestId();
      logger.error({ err: error, jobId: job.id, requestId }, "video job could not be sent");
      code = "INTERNAL";
      message = `${GENERIC_ERROR_MESSAGE} (ref ${requestId})`;
    }
    const recorded = await prisma.$transaction(async (tx) => {
      const { count } = await tx.videoJob.updateMany({
        where: { id: job.id, teamId, state: "QUEUED" },
        data: {
          state: "SEND_FAILED",
          errorCode: code,
          error: message,
          rawResponse: raw === null ? undefined : (raw as Prisma.InputJsonValue),
          attempts: { increment: 1 },
          nextPollAt: null,
          finishedAt: now(),
        },
      });
      if (count === 0) return false;
      await recordAudit(
        { teamId, actorId: deps.actorId, action: "video_job.send_failed", targetType: "video_job", targetId: job.id, metadata: { code } },
        tx,
      );
      return true;
    });
    if (!recorded) return currentOutcome(job.id, teamId);
    return { jobId: job.id, state: "SEND_FAILED", error: message };
  }
}
