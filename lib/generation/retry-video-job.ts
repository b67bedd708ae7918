import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CreateVideoJobDeps, createVideoJob } from "@/lib/generation/create-video-job";
import { loadApprovedReferences } from "@/lib/generation/load-approved-references";
import { SEND_LEASE_MS, type SendOutcome, sendVideoJob } from "@/lib/generation/send-video-job";
import { readVideoJobParams } from "@/lib/generation/video-job-params";
import type { ReferenceRole } from "@/lib/generation/video-rules";

/**
 * Tries a job again. One that never reached the provider is resent as it is, with its own
 * idempotency key, so that a request the provider did take is not made twice. One the
 * provider failed or cancelled becomes a new job with the same prompt, model, parameters and
 * references (checked again: they must still be approved).
 */
export async function retryVideoJob(input: { teamId: string; userId: string | null; jobId: string }, deps: CreateVideoJobDeps): Promise<SendOutcome> {
  const job = await prisma.videoJob.findFirst({
    where: { id: input.jobId, teamId: input.teamId },
    include: { references: { orderBy: { position: "asc" }, include: { asset: { select: { type: true } } } } },
  });
  if (!job) throw new AppError("NOT_FOUND", "This job does not exist, or it belongs to another team.");
  const refs = job.references.map((r) => ({ assetId: r.assetId, role: r.role as ReferenceRole, type: r.asset.type }));

  if (job.state === "SEND_FAILED") {
    await loadApprovedReferences(input.teamId, refs);
    const now = deps.now?.() ?? new Date();
    const reset = await prisma.videoJob.updateMany({
      where: { id: job.id, teamId: input.teamId, state: "SEND_FAILED" },
      data: { state: "QUEUED", error: null, errorCode: null, finishedAt: null, nextPollAt: new Date(now.getTime() + SEND_LEASE_MS) },
    });
    if (reset.count === 0) throw new AppError("CONFLICT", "This job is already being retried.");
    await recordAudit({ teamId: input.teamId, actorId: input.userId, action: "video_job.resent", targetType: "video_job", targetId: job.id });
    return sendVideoJob(job.id, input.teamId, { client: deps.client, actorId: input.userId, now: deps.now });
  }
  if (job.state !== "FAILED" && job.state !== "CANCELLED") {
    throw new AppError("CONFLICT", "Only a failed or cancelled job can be retried.");
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
