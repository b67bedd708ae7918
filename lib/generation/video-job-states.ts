import type { VideoJobState } from "@/lib/generated/prisma/enums";

/** The job states that never change again. Browser-safe. */
export const finishedVideoJobStates: readonly VideoJobState[] = ["SUCCEEDED", "FAILED", "CANCELLED", "SEND_FAILED"];

export function isFinishedVideoJob(state: VideoJobState): boolean {
  return finishedVideoJobStates.includes(state);
}

/** The filter groups of the Jobs page. */
export const videoJobStatusFilters = {
  all: null,
  active: ["QUEUED", "UNCERTAIN", "SENT", "RUNNING"],
  succeeded: ["SUCCEEDED"],
  failed: ["FAILED", "CANCELLED", "SEND_FAILED"],
} as const satisfies Record<string, readonly VideoJobState[] | null>;
export type VideoJobStatusFilter = keyof typeof videoJobStatusFilters;

/** Codes of an UNCERTAIN job (its send's answer was lost) that waits for a person. */
export const uncertainWaitCodes = {
  /** The provider does not honour request keys: resending may make a second video. */
  noRequestKeys: "ANSWER_LOST_NO_REQUEST_KEYS",
  /** No answer for the whole window: asking again under the same key is safe. */
  windowOver: "ANSWER_LOST_TOO_LONG",
} as const;
