import type { AssetState, SubmissionState } from "@/lib/generated/prisma/enums";

/** An asset's badge: its key (worded in `assets.status`), look, and whether it will change by itself. Browser-safe. */
export type AssetStatusKey =
  | "approved"
  | "failed"
  | "replaced"
  | "dismissed"
  | "sending"
  | "in_review"
  | "retrying"
  | "not_sent"
  | "unconfirmed";

export type AssetStatus = {
  /** Worded by the catalogue (`assets.status.<key>`). */
  key: AssetStatusKey;
  variant: "success" | "destructive" | "warning" | "info" | "outline";
  /** The status will change without anyone acting: the page keeps polling while one is shown. */
  live: boolean;
};

const statuses: Record<AssetStatusKey, AssetStatus> = {
  approved: { key: "approved", variant: "success", live: false },
  failed: { key: "failed", variant: "destructive", live: false },
  replaced: { key: "replaced", variant: "outline", live: false },
  dismissed: { key: "dismissed", variant: "outline", live: false },
  sending: { key: "sending", variant: "info", live: true },
  in_review: { key: "in_review", variant: "warning", live: true },
  retrying: { key: "retrying", variant: "warning", live: true },
  not_sent: { key: "not_sent", variant: "destructive", live: false },
  unconfirmed: { key: "unconfirmed", variant: "warning", live: false },
};

/**
 * An asset's status from its own state and its submission's. An asset not yet reviewed is
 * "sending", "in review", "retrying" (a passing send failure the worker will retry), "not
 * sent" (waits for a person) or "unconfirmed" (the answer was lost: resend or drop).
 */
export function assetStatus(
  asset: AssetState,
  submission: { state: SubmissionState; retryScheduled: boolean },
): AssetStatus {
  switch (asset) {
    case "APPROVED":
      return statuses.approved;
    case "REJECTED":
      return statuses.failed;
    case "REPLACED":
      return statuses.replaced;
    case "DISMISSED":
      return statuses.dismissed;
    default:
      break;
  }
  switch (submission.state) {
    case "QUEUED":
      return statuses.sending;
    case "SEND_FAILED":
      return submission.retryScheduled ? statuses.retrying : statuses.not_sent;
    case "UNCERTAIN":
      return statuses.unconfirmed;
    default:
      return statuses.in_review;
  }
}
