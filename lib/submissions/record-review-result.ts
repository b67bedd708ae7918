import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionState } from "@/lib/generated/prisma/enums";
import type { ParsedTask } from "@/lib/upstream/normalised";
import { matchReviewResults } from "@/lib/upstream/match-results";
import { failureCodeOf } from "@/lib/upstream/parse-task";
import { isTerminal } from "@/lib/upstream/status-map";
import { rawItemsByName, rawResultOf } from "@/lib/submissions/raw-items-by-name";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

export type ReviewTally = { approved: number; rejected: number; pending: number };

export type RecordedReview =
  | { finished: true; state: SubmissionState; tally: ReviewTally }
  | { finished: false; tally: ReviewTally };

/** The submission's final state from its assets' verdicts. */
export function finalSubmissionState(tally: Pick<ReviewTally, "approved" | "rejected">): SubmissionState {
  if (tally.rejected === 0) return "COMPLETED";
  if (tally.approved === 0) return "FAILED";
  return "PARTIAL";
}

const json = (value: unknown): Prisma.InputJsonValue => (value ?? {}) as Prisma.InputJsonValue;

/**
 * Writes what the provider said about a review task onto the submission and its assets, in
 * one transaction: verdicts matched by NAME, each asset's own entry of the raw answer, the
 * whole raw answer on the submission, and the group id the provider created. While the task
 * runs, assets with a verdict get it at once and the rest are IN_REVIEW; once the task is
 * completed, failed or cancelled the submission is COMPLETED, PARTIAL or FAILED and is no
 * longer polled. `nextPollAt` is used only while the task is still running.
 */
export async function recordReviewResult(input: {
  submissionId: string;
  teamId: string;
  task: ParsedTask;
  raw: unknown;
  now: Date;
  nextPollAt: Date;
}): Promise<RecordedReview> {
  const { submissionId, teamId, task, raw, now } = input;
  return prisma.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({
      where: { id: submissionId, teamId },
      select: { id: true, groupId: true, state: true, group: { select: { providerGroupId: true, name: true } } },
    });
    // Only a task still being followed is written to; a settled submission keeps its record.
    if (!submission || submission.state !== "SENT") return { finished: false, tally: { approved: 0, rejected: 0, pending: 0 } };
    const assets = await tx.asset.findMany({
      where: { submissionId, teamId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, state: true },
    });
    const match = matchReviewResults(
      assets.map((a) => a.name),
      task,
    );
    const rawItems = rawItemsByName(raw);
    const single = assets.length === 1 ? rawResultOf(raw) : undefined;
    const tally: ReviewTally = { approved: 0, rejected: 0, pending: 0 };
    const verdicts: { id: string; name: string; state: "APPROVED" | "REJECTED"; assetUrl: string | null; failure: { code: string | null; reason: string | null } | null }[] = [];

    for (const [index, asset] of assets.entries()) {
      const outcome = match.outcomes[index];
      if (!outcome) continue;
      tally[outcome.state === "approved" ? "approved" : outcome.state === "rejected" ? "rejected" : "pending"] += 1;
      // Rows already settled (or taken out of review by a person) keep their history.
      if (asset.state !== "PENDING" && asset.state !== "IN_REVIEW") continue;
      const rawItem = rawItems.get(asset.name.trim()) ?? single;
      if (outcome.state === "approved") {
        await tx.asset.update({
          where: { id: asset.id },
          data: {
            state: "APPROVED",
            assetUrl: outcome.assetUrl,
            providerAssetId: outcome.assetId ?? null,
            failureCode: null,
            failureReason: null,
            rawItem: json(rawItem),
            reviewedAt: now,
          },
        });
        verdicts.push({ id: asset.id, name: asset.name, state: "APPROVED", assetUrl: outcome.assetUrl, failure: null });
      } else if (outcome.state === "rejected") {
        await tx.asset.update({
          where: { id: asset.id },
          data: {
            state: "REJECTED",
            providerAssetId: outcome.assetId ?? null,
            failureCode: outcome.code ?? failureCodeOf(outcome.reason) ?? null,
            failureReason: outcome.reason,
            rawItem: json(rawItem),
            reviewedAt: now,
          },
        });
        verdicts.push({ id: asset.id, name: asset.name, state: "REJECTED", assetUrl: null, failure: { code: outcome.code ?? failureCodeOf(outcome.reason) ?? null, reason: outcome.reason ?? null } });
      } else if (asset.state === "PENDING") {
        await tx.asset.update({ where: { id: asset.id }, data: { state: "IN_REVIEW", ...(rawItem ? { rawItem: json(rawItem) } : {}) } });
      }
    }

    const groupId = task.review?.groupId;
    if (groupId && !submission.group.providerGroupId) {
      await tx.assetGroup.update({ where: { id: submission.groupId }, data: { providerGroupId: groupId } });
    }

    for (const v of verdicts) {
      await emitWebhookEvent(tx, {
        teamId,
        type: v.state === "APPROVED" ? "asset.approved" : "asset.rejected",
        data: { assetId: v.id, name: v.name, state: v.state, assetUrl: v.assetUrl, failure: v.failure, submissionId, groupId: submission.groupId },
        now,
      });
    }

    const finished = isTerminal(task.status);
    const common = {
      rawResponse: json(raw),
      progress: Math.round(finished ? 100 : task.progress),
      pollCount: { increment: 1 },
      errorCode: null as string | null,
      error: null as string | null,
    };
    if (!finished) {
      await tx.submission.update({ where: { id: submissionId }, data: { ...common, nextPollAt: input.nextPollAt } });
      return { finished: false, tally };
    }

    const state = finalSubmissionState(tally);
    await tx.submission.update({
      where: { id: submissionId },
      data: {
        ...common,
        state,
        nextPollAt: null,
        finishedAt: now,
        errorCode: state === "COMPLETED" ? null : (task.error?.code ?? null),
        error: state === "COMPLETED" ? null : (task.error?.message ?? null),
      },
    });
    await recordAudit(
      {
        teamId,
        actorId: null,
        action: "review.finished",
        targetType: "submission",
        targetId: submissionId,
        metadata: { state, approved: tally.approved, failed: tally.rejected, group: submission.group.name },
      },
      tx,
    );
    await emitWebhookEvent(tx, {
      teamId,
      type: "review.finished",
      data: { submissionId, groupId: submission.groupId, groupName: submission.group.name, state, approved: tally.approved, rejected: tally.rejected },
      now,
    });
    return { finished: true, state, tally };
  });
}
