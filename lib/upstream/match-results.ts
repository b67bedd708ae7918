import { z } from "zod";
import { type ParsedTask, failedAssetSchema, pendingAssetSchema, usableAssetSchema } from "@/lib/upstream/normalised";
import { assetIdFromUrl } from "@/lib/upstream/parse-task";
import { isTerminal } from "@/lib/upstream/status-map";

/** Codes we give a rejection ourselves (the provider's own codes look like `Foo.Bar`). */
export const MISSING_FROM_RESULT = "MissingFromResult";
export const TASK_FAILED = "TaskFailed";
export const TASK_CANCELLED = "TaskCancelled";

export const reviewOutcomeSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("approved"), name: z.string(), assetId: z.string().optional(), assetUrl: z.string() }),
  z.object({
    state: z.literal("rejected"),
    name: z.string(),
    assetId: z.string().optional(),
    code: z.string().optional(),
    reason: z.string(),
  }),
  z.object({ state: z.literal("pending"), name: z.string(), assetId: z.string().optional() }),
]);
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

export const unexpectedResultSchema = z.discriminatedUnion("state", [
  usableAssetSchema.extend({ state: z.literal("approved") }),
  failedAssetSchema.extend({ state: z.literal("rejected") }),
  pendingAssetSchema.extend({ state: z.literal("pending") }),
]);
export type UnexpectedResult = z.infer<typeof unexpectedResultSchema>;

export const reviewMatchSchema = z.object({
  /** One per submitted name, in the order submitted. */
  outcomes: z.array(reviewOutcomeSchema),
  /** Results naming no submitted asset (or naming none at all). */
  unexpected: z.array(unexpectedResultSchema),
  /** Every submitted asset is approved or rejected. */
  settled: z.boolean(),
  /** The task failed as a whole: no per-asset verdicts, every asset is rejected. */
  wholeTaskFailed: z.boolean(),
});
export type ReviewMatch = z.infer<typeof reviewMatchSchema>;

const key = (name: string): string => name.trim();

/**
 * Matches a review task's results to the submitted asset names, by name only (the provider
 * may list results in any order). A single submitted asset also takes the single-asset
 * shorthand `result.asset_url`, or the one unnamed result entry.
 *
 * Once the task is finished, a submitted name with no verdict is rejected: with the task's
 * error when the task failed as a whole, otherwise with code `MissingFromResult`.
 */
export function matchReviewResults(
  submittedNames: readonly string[],
  task: Pick<ParsedTask, "status" | "review" | "error">,
): ReviewMatch {
  const review = task.review ?? { usable: [], failed: [], pending: [] };
  const submitted = new Set(submittedNames.map(key));
  const entries: UnexpectedResult[] = [
    ...review.usable.map((a) => ({ ...a, state: "approved" as const })),
    ...review.failed.map((a) => ({ ...a, state: "rejected" as const })),
    ...review.pending.map((a) => ({ ...a, state: "pending" as const })),
  ];

  // Verdict per name: an approval wins over a failure, a failure over "still in review".
  const rank = { approved: 0, rejected: 1, pending: 2 } as const;
  const byName = new Map<string, UnexpectedResult>();
  const unexpected: UnexpectedResult[] = [];
  const unnamed: UnexpectedResult[] = [];
  for (const entry of entries) {
    if (entry.name === undefined || key(entry.name) === "") {
      unnamed.push(entry);
      continue;
    }
    const k = key(entry.name);
    if (!submitted.has(k)) {
      unexpected.push(entry);
      continue;
    }
    const seen = byName.get(k);
    if (!seen || rank[entry.state] < rank[seen.state]) byName.set(k, entry);
  }

  const single = submitted.size === 1 ? [...submitted][0] : undefined;
  if (single !== undefined && !byName.has(single) && unnamed.length === 1 && unnamed[0]) {
    byName.set(single, unnamed[0]);
  } else {
    unexpected.push(...unnamed);
  }
  const noEntries = entries.length === 0;
  if (single !== undefined && !byName.has(single) && noEntries && review.assetUrl) {
    byName.set(single, {
      state: "approved",
      name: single,
      assetUrl: review.assetUrl,
      assetId: assetIdFromUrl(review.assetUrl),
    });
  }

  const finished = isTerminal(task.status);
  const failedWhole = finished && task.status !== "completed" && noEntries && !review.assetUrl;
  const outcomes = submittedNames.map((name): ReviewOutcome => {
    const entry = byName.get(key(name));
    if (entry?.state === "approved") return { state: "approved", name, assetId: entry.assetId, assetUrl: entry.assetUrl };
    if (entry?.state === "rejected") return { state: "rejected", name, assetId: entry.assetId, code: entry.code, reason: entry.reason };
    if (!finished) return { state: "pending", name, assetId: entry?.assetId };
    if (failedWhole) {
      const cancelled = task.status === "cancelled";
      return {
        state: "rejected",
        name,
        code: task.error?.code ?? (cancelled ? TASK_CANCELLED : TASK_FAILED),
        reason: task.error?.message ?? (cancelled ? "The review was cancelled." : "The review failed."),
      };
    }
    return {
      state: "rejected",
      name,
      assetId: entry?.assetId,
      code: MISSING_FROM_RESULT,
      reason: "The review finished without a verdict for this asset.",
    };
  });

  return {
    outcomes,
    unexpected,
    settled: outcomes.every((o) => o.state !== "pending"),
    wholeTaskFailed: failedWhole,
  };
}
