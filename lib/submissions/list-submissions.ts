import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Locale } from "@/lib/i18n/locales";
import type { Sentence } from "@/lib/i18n/sentence";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { storedSentence } from "@/lib/i18n/stored-sentence";
import type { AssetState, SubmissionState } from "@/lib/generated/prisma/enums";
import { assetTypeOrder } from "@/lib/submissions/split-into-requests";
import { RETRYABLE_SEND_CODES } from "@/lib/submissions/send-submission";
import { sendRetry } from "@/lib/submissions/poll-delay";
import { loadUserNames } from "@/lib/users/user-names";

/** Still moving without anyone's help: the page keeps polling while one of these is shown. */
export const activeSubmissionStates: readonly SubmissionState[] = ["QUEUED", "SENT"];

const DEFAULT_ROWS = 100;

/**
 * The team's recent provider requests, grouped by the submit they came from (the rows of
 * one submit share group, author and `createdAt`), newest first. Dates are ISO strings, so
 * this is also the shape `GET /api/submissions` answers with.
 */
export async function listSubmissions(teamId: string, options: { rows?: number; locale?: Locale } = {}) {
  const take = Math.min(Math.max(options.rows ?? DEFAULT_ROWS, 1), 500);
  const rows = await prisma.submission.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      assetType: true,
      projectName: true,
      state: true,
      providerTaskId: true,
      progress: true,
      errorCode: true,
      error: true,
      errorValues: true,
      attempts: true,
      nextPollAt: true,
      createdById: true,
      createdAt: true,
      sentAt: true,
      finishedAt: true,
      group: { select: { id: true, name: true, providerGroupId: true } },
      assets: { select: { id: true, name: true, state: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });

  const authorName = await loadUserNames(rows.map((r) => r.createdById));
  const say = await sentencesIn(options.locale ?? (await requestLocale()), "errors");

  type Batch = {
    key: string;
    submittedAt: string;
    submittedBy: string | null;
    group: { id: string; name: string; providerGroupId: string | null };
    projectName: string;
    requests: ReturnType<typeof toRequest>[];
  };
  const batches: Batch[] = [];
  const byKey = new Map<string, Batch>();
  for (const row of rows) {
    const key = `${row.group.id}:${row.createdAt.toISOString()}:${row.createdById ?? ""}`;
    let batch = byKey.get(key);
    if (!batch) {
      batch = {
        key,
        submittedAt: row.createdAt.toISOString(),
        submittedBy: row.createdById ? (authorName.get(row.createdById) ?? null) : null,
        group: row.group,
        projectName: row.projectName,
        requests: [],
      };
      byKey.set(key, batch);
      batches.push(batch);
    }
    batch.requests.push(toRequest(row, say));
  }
  // The oldest submit may have been cut by the row limit: leave it out rather than show part of it.
  if (rows.length === take && batches.length > 1) batches.pop();
  for (const batch of batches) {
    batch.requests.sort((a, b) => assetTypeOrder.indexOf(a.assetType) - assetTypeOrder.indexOf(b.assetType) || a.id.localeCompare(b.id));
  }

  return {
    batches,
    /** Whether any request shown may still change by itself. */
    active: batches.some((b) => b.requests.some((r) => r.active || r.autoRetryAt !== null)),
  };
}

function toRequest(row: {
  id: string;
  assetType: (typeof assetTypeOrder)[number];
  state: SubmissionState;
  providerTaskId: string | null;
  progress: number;
  errorCode: string | null;
  error: string | null;
  errorValues: Prisma.JsonValue | null;
  attempts: number;
  nextPollAt: Date | null;
  sentAt: Date | null;
  finishedAt: Date | null;
  assets: { id: string; name: string; state: AssetState }[];
}, say: (s: Sentence) => string) {
  const failure = storedSentence(row);
  const counts: Record<AssetState, number> = { PENDING: 0, IN_REVIEW: 0, APPROVED: 0, REJECTED: 0, REPLACED: 0, DISMISSED: 0 };
  for (const asset of row.assets) counts[asset.state] += 1;
  const retryable =
    row.state === "SEND_FAILED" && row.errorCode !== null && RETRYABLE_SEND_CODES.includes(row.errorCode) && row.attempts < sendRetry.maxAttempts;
  return {
    id: row.id,
    assetType: row.assetType,
    state: row.state,
    active: activeSubmissionStates.includes(row.state),
    providerTaskId: row.providerTaskId,
    progress: row.progress,
    errorCode: row.errorCode,
    /** What went wrong, in the reader's words. */
    error: failure ? say(failure) : null,
    attempts: row.attempts,
    /** When the worker will send a SEND_FAILED request again by itself; null when it needs a person. */
    autoRetryAt: retryable && row.nextPollAt ? row.nextPollAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    assetCount: row.assets.length,
    counts,
    assets: row.assets,
  };
}

export type SubmissionList = Awaited<ReturnType<typeof listSubmissions>>;
export type SubmissionBatch = SubmissionList["batches"][number];
export type SubmissionRequest = SubmissionBatch["requests"][number];
