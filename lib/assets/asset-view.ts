import { explainFailure } from "@/lib/assets/explain-failure";
import type { AssetState, AssetType, SubmissionState } from "@/lib/generated/prisma/enums";
import type { FileStorage } from "@/lib/storage/file-storage";
import { assetStatus } from "@/lib/assets/asset-status";
import { unsentRules } from "@/lib/submissions/unsent-rules";

/** The columns an asset card needs; list and detail queries select at least these. */
export const assetCardSelect = {
  id: true,
  name: true,
  type: true,
  state: true,
  assetUrl: true,
  failureCode: true,
  failureReason: true,
  dismissNote: true,
  replacesId: true,
  sourceUrl: true,
  createdAt: true,
  reviewedAt: true,
  createdById: true,
  group: { select: { id: true, name: true, projectName: true } },
  submission: { select: { id: true, state: true, nextPollAt: true, attempts: true } },
  upload: { select: { storageKey: true, thumbnailKey: true, mimeType: true, fileName: true, width: true, height: true, durationMs: true, sizeBytes: true } },
  replacedBy: { select: { id: true } },
} as const;

export type CardRow = {
  id: string;
  name: string;
  type: AssetType;
  state: AssetState;
  assetUrl: string | null;
  failureCode: string | null;
  failureReason: string | null;
  dismissNote: string | null;
  replacesId: string | null;
  sourceUrl: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  createdById: string | null;
  group: { id: string; name: string; projectName: string };
  submission: { id: string; state: SubmissionState; nextPollAt: Date | null; attempts: number };
  upload: {
    storageKey: string;
    thumbnailKey: string | null;
    mimeType: string;
    fileName: string;
    width: number | null;
    height: number | null;
    durationMs: number | null;
    sizeBytes: number;
  } | null;
  replacedBy: { id: string } | null;
};

/**
 * An asset as the browser sees it (dates as ISO strings, public file URLs, its status). This
 * is the shape of the gallery's `GET /api/assets` items.
 */
export function toAssetCard(row: CardRow, storage: Pick<FileStorage, "publicUrl">, authorNames: ReadonlyMap<string, string>) {
  const fileUrl = row.upload ? storage.publicUrl(row.upload.storageKey) : row.sourceUrl;
  const thumbnailUrl = row.upload?.thumbnailKey
    ? storage.publicUrl(row.upload.thumbnailKey)
    : row.type === "IMAGE"
      ? fileUrl
      : null;
  const retryScheduled =
    row.submission.state === "SEND_FAILED" && row.submission.nextPollAt !== null && row.submission.attempts < unsentRules.maxAttempts;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    state: row.state,
    status: assetStatus(row.state, { state: row.submission.state, retryScheduled }),
    assetUrl: row.assetUrl,
    failureCode: row.failureCode,
    failureReason: row.failureReason,
    /** Why review failed, grouped (its heading is what a card shows); null unless rejected. */
    failureCategory:
      row.state === "REJECTED" ? explainFailure({ code: row.failureCode, reason: row.failureReason, type: row.type }).category : null,
    dismissNote: row.dismissNote,
    replacesId: row.replacesId,
    replacedById: row.replacedBy?.id ?? null,
    thumbnailUrl,
    fileUrl,
    mimeType: row.upload?.mimeType ?? null,
    fileName: row.upload?.fileName ?? null,
    width: row.upload?.width ?? null,
    height: row.upload?.height ?? null,
    durationMs: row.upload?.durationMs ?? null,
    sizeBytes: row.upload?.sizeBytes ?? null,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdById: row.createdById,
    createdByName: row.createdById ? (authorNames.get(row.createdById) ?? null) : null,
    group: row.group,
    submission: { id: row.submission.id, state: row.submission.state },
  };
}

export type AssetCard = ReturnType<typeof toAssetCard>;
