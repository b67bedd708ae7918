import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { reserveVideoSpend, type SpendCheck } from "@/lib/budgets/reserve-video-spend";
import { getGenerationSettings } from "@/lib/generation/get-generation-settings";
import { estimateCost, formatMoney } from "@/lib/generation/price-table";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { loadApprovedReferences } from "@/lib/generation/load-approved-references";
import { SEND_LEASE_MS, type SendOutcome, sendVideoJob } from "@/lib/generation/send-video-job";
import type { VideoJobParams } from "@/lib/generation/video-job-params";
import type { VideoRequest } from "@/lib/generation/video-request-schema";
import { checkVideoRules } from "@/lib/generation/video-rules";
import type { UpstreamClient } from "@/lib/upstream/client";
import { isUniqueViolation } from "@/lib/prisma-errors";

export type CreateVideoJobInput = {
  teamId: string;
  userId: string | null;
  request: VideoRequest;
  source: VideoJobParams["source"];
  retryOfId?: string;
  /** A fixed key makes a second start of the same thing (a double-clicked retry) a conflict, not a second job. */
  idempotencyKey?: string;
};

export type CreateVideoJobDeps = { client: UpstreamClient; models: readonly string[]; now?: () => Date };

/**
 * Starts a video job. Checks on the server that the model is offered and that every
 * reference is an APPROVED asset of the team, then the request rules against the assets as
 * stored (types, lengths); refuses with an AppError before anything is written or sent.
 * Then writes the job and its references, and only then calls the provider.
 */
export async function createVideoJob(input: CreateVideoJobInput, deps: CreateVideoJobDeps): Promise<SendOutcome> {
  const { teamId, userId, request } = input;
  if (!deps.models.includes(request.model)) {
    throw new AppError("INVALID_INPUT", "modelNotOffered", { values: { model: request.model } });
  }
  const references = await loadApprovedReferences(teamId, request.references);
  const violations = checkVideoRules({ prompt: request.prompt, references });
  if (violations.length > 0) {
    const say = await sentencesIn(await requestLocale());
    throw new AppError("INVALID_INPUT", "videoRulesBroken", {
      values: { problems: violations.map((v) => say(v)).join(" ") },
      detail: { rules: violations.map((v) => v.rule) },
    });
  }

  const now = deps.now?.() ?? new Date();
  const params: VideoJobParams = {
    duration: request.duration,
    aspectRatio: request.aspectRatio,
    resolution: request.resolution,
    generateAudio: request.generateAudio,
    seed: request.seed,
    returnLastFrame: request.returnLastFrame,
    source: input.source,
    ...(input.retryOfId ? { retryOfId: input.retryOfId } : {}),
  };
  const spend = await spendCheckFor(teamId, userId, request, now);
  const job = await refuseDuplicateStart(
    input.idempotencyKey,
    prisma.$transaction(async (tx) => {
      // Budgets: the estimate is reserved under the team's budget row lock, or the start is refused.
      const estimatedCost = await reserveVideoSpend(tx, spend);
      const created = await tx.videoJob.create({
        data: {
          teamId,
          createdById: userId,
          model: request.model,
          prompt: request.prompt.trim() ? request.prompt : null,
          params,
          idempotencyKey: input.idempotencyKey ?? randomUUID(),
          state: "QUEUED",
          estimatedCost,
          nextPollAt: new Date(now.getTime() + SEND_LEASE_MS),
          references: { create: references.map((r) => ({ assetId: r.assetId, role: r.role, position: r.position })) },
        },
        select: { id: true },
      });
      await recordAudit(
        {
          teamId,
          actorId: userId,
          action: "video_job.created",
          targetType: "video_job",
          targetId: created.id,
          metadata: { model: request.model, references: references.length, source: input.source, ...(input.retryOfId ? { retryOfId: input.retryOfId } : {}) },
        },
        tx,
      );
      return created;
    }),
  );
  return sendVideoJob(job.id, teamId, { client: deps.client, actorId: userId, now: deps.now });
}

/**
 * What reserveVideoSpend checks for a job of this model, resolution and length started by
 * `userId`: its estimate from the team's price table now. Read before the transaction.
 */
export async function spendCheckFor(
  teamId: string,
  userId: string | null,
  job: Pick<VideoRequest, "model" | "resolution" | "duration">,
  now: Date,
): Promise<SpendCheck> {
  const { priceTable } = await getGenerationSettings(teamId);
  const estimate = estimateCost(priceTable, { model: job.model, resolution: job.resolution, duration: job.duration });
  return {
    teamId,
    userId,
    amount: estimate?.amount ?? null,
    money: (amount) => formatMoney(amount, priceTable?.currency ?? "credits"),
    priceFor: `${job.model} at ${job.resolution}`,
    now,
  };
}

/** With a fixed idempotency key, a second start of the same thing is a conflict, not a second job. */
async function refuseDuplicateStart<T>(idempotencyKey: string | undefined, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (idempotencyKey && isUniqueViolation(error)) throw new AppError("CONFLICT", "alreadyStarted");
    throw error;
  }
}
