import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reserveVideoSpend } from "@/lib/budgets/reserve-video-spend";
import { type CreateVideoJobDeps, createVideoJob, spendCheckFor } from "@/lib/generation/create-video-job";
import { ownFailureCodes } from "@/lib/generation/explain-video-failure";
import { loadApprovedReferences } from "@/lib/generation/load-approved-references";
import { SEND_LEASE_MS, type SendOutcome, sendVideoJob } from "@/lib/generation/send-video-job";
import { readVideoJobParams } from "@/lib/generation/video-job-params";
import type { ReferenceRole } from "@/lib/generation/video-rules";

/** The key of a fresh attempt after a refusal: `<key>#r2`, `#r3`… (a refusal may be remembered under the old key). */
export function nextAttemptKey(key: string): string {
  const match = /^(.*)#r(\d+)$/.exec(key);
  return match ? `${match[1]}#r${Number(match[2]) + 1}` : `${key}#r2`;
}

/**
 * Tries a job again; pressing it twice never pays twice (each case is one conditional update
 * of the row, and the second press finds the job moved on):
 * - SEND_FAILED (a clear refusal: nothing was made): a new attempt of the same job under a new
 *   idempotency key.
 * - UNCERTAIN (the answer to a send was lost): the old attempt is resolved first. Where the
 *   provider honours keys, the same key is sent again and the provider hands back the task it
 *   made, if any. Where it does not, only an explicit `resendUncertain` sends it again, and the
 *   audit log records that choice.
 * - FAILED because we lost contact or could not copy a video whose link still works: the old
 *   task is followed again, no new video is made.
 * - FAILED or CANCELLED at the provider: a new job with the same prompt, model, parameters
 *   and references (checked again: they must still be approved), one per failed job.
 */
export async function retryVideoJob(
  input: { teamId: string; userId: string | null; jobId: string; resendUncertain?: boolean },
  deps: CreateVideoJobDeps & { idempotency?: boolean; uncertainWindowMs?: number },
): Promise<SendOutcome> {
  const job = await prisma.videoJob.findFirst({
    where: { id: input.jobId, teamId: input.teamId },
    include: { references: { orderBy: { position: "asc" }, include: { asset: { select: { type: true } } } } },
  });
  if (!job) throw new AppError("NOT_FOUND", "jobNotFound");
  const refs = job.references.map((r) => ({ assetId: r.assetId, role: r.role as ReferenceRole, type: r.asset.type }));
  const now = deps.now?.() ?? new Date();
  const idempotency = deps.idempotency ?? deps.client.idempotency ?? true;
  const sendDeps = { client: deps.client, actorId: input.userId, now: deps.now, idempotency, uncertainWindowMs: deps.uncertainWindowMs };

  if (job.state === "SEND_FAILED") {
    await loadApprovedReferences(input.teamId, refs);
    const key = nextAttemptKey(job.idempotencyKey);
    const params = readVideoJobParams(job.params);
    // An unsent job gave its reservation back; the new attempt reserves again, as a new job
    // does, under the spend of the person it counts for (its creator), or is refused.
    const spend = await spendCheckFor(input.teamId, job.createdById, { model: job.model, resolution: params.resolution, duration: params.duration }, now);
    await prisma.$transaction(async (tx) => {
      const estimatedCost = await reserveVideoSpend(tx, spend);
      const reset = await tx.videoJob.updateMany({
        where: { id: job.id, teamId: input.teamId, state: "SEND_FAILED", idempotencyKey: job.idempotencyKey },
        data: {
          state: "QUEUED",
          idempotencyKey: key,
          attempts: 0,
          uncertainSince: null,
          error: null,
          errorCode: null,
          finishedAt: null,
          estimatedCost,
          nextPollAt: new Date(now.getTime() + SEND_LEASE_MS),
        },
      });
      if (reset.count === 0) throw new AppError("CONFLICT", "jobAlreadyRetrying");
    });
    await recordAudit({ teamId: input.teamId, actorId: input.userId, action: "video_job.resent", targetType: "video_job", targetId: job.id, metadata: { idempotencyKey: key } });
    return sendVideoJob(job.id, input.teamId, sendDeps);
  }

  if (job.state === "UNCERTAIN") {
    if (!idempotency && !input.resendUncertain) {
      throw new AppError("CONFLICT", "videoMayHaveStarted");
    }
    if (idempotency && job.nextPollAt !== null) {
      throw new AppError("CONFLICT", "jobAlreadyAsking");
    }
    // A new window starts for asking under the same key; the claim in sendVideoJob lets one press through.
    await prisma.videoJob.updateMany({
      where: { id: job.id, teamId: input.teamId, state: "UNCERTAIN", attempts: job.attempts, nextPollAt: null },
      data: { uncertainSince: now },
    });
    return sendVideoJob(job.id, input.teamId, { ...sendDeps, resendUncertain: true });
  }

  if (job.state === "FAILED" && job.providerTaskId && canFollowAgain(job, now)) {
    const resumed = await prisma.videoJob.updateMany({
      where: { id: job.id, teamId: input.teamId, state: "FAILED", errorCode: job.errorCode, finishedAt: job.finishedAt },
      data: { state: "RUNNING", attempts: 0, error: null, errorCode: null, finishedAt: null, nextPollAt: now },
    });
    if (resumed.count === 0) throw new AppError("CONFLICT", "jobAlreadyRetrying");
    await recordAudit({
      teamId: input.teamId,
      actorId: input.userId,
      action: "video_job.resumed",
      targetType: "video_job",
      targetId: job.id,
      metadata: { providerTaskId: job.providerTaskId, after: job.errorCode },
    });
    return { jobId: job.id, state: "RUNNING", error: null };
  }

  if (job.state !== "FAILED" && job.state !== "CANCELLED") {
    throw new AppError("CONFLICT", "onlyFailedJobRetry");
  }
  const params = readVideoJobParams(job.params);
  const outcome = await createVideoJob(
    {
      teamId: input.teamId,
      userId: input.userId,
      source: "retry",
      retryOfId: job.id,
      // One retry per failed job, however many clicks or tabs ask for it.
      idempotencyKey: `retry-of:${job.id}`,
      request: {
        model: deps.models.includes(job.model) ? job.model : (deps.models[0] ?? job.model),
        prompt: job.prompt ?? "",
        references: refs,
        duration: params.duration,
        aspectRatio: params.aspectRatio,
        resolution: params.resolution,
        generateAudio: params.generateAudio,
        seed: params.seed,
        returnLastFrame: params.returnLastFrame,
      },
    },
    deps,
  );
  await recordAudit({
    teamId: input.teamId,
    actorId: input.userId,
    action: "video_job.retried",
    targetType: "video_job",
    targetId: job.id,
    metadata: { newJobId: outcome.jobId },
  });
  return outcome;
}

/**
 * Whether a failed job's own provider task is still worth following instead of making a new
 * video: we lost contact while following it, or its finished video could not be copied while
 * the provider's link still works.
 */
function canFollowAgain(job: { errorCode: string | null; providerVideoExpiresAt: Date | null }, now: Date): boolean {
  if (job.errorCode === ownFailureCodes.pollFailed) return true;
  if (job.errorCode === ownFailureCodes.storeFailed) return job.providerVideoExpiresAt === null || job.providerVideoExpiresAt.getTime() > now.getTime() + 60_000;
  return false;
}
