import type { z } from "zod";
import type { limitViolationSchema } from "@/lib/media/limit-violation-schema";

/**
 * Why a file cannot be used, in words a user can act on. Browser-safe: the schema the server
 * answers with is in limit-violation-schema.ts (only its type is taken here).
 */
export const limitViolationCodes = [
  "EMPTY_FILE",
  "NOT_REAL_MEDIA",
  "FORMAT_NOT_ACCEPTED",
  "DAMAGED_FILE",
  "HIDDEN_CONTENT",
  "NO_VIDEO_STREAM",
  "FILE_TOO_LARGE",
  "IMAGE_SIDE_OUT_OF_RANGE",
  "IMAGE_RATIO_OUT_OF_RANGE",
  "DURATION_OUT_OF_RANGE",
  "FPS_OUT_OF_RANGE",
  "VIDEO_RESOLUTION_NOT_ACCEPTED",
  "VIDEO_SIDE_TOO_LONG",
  "UNKNOWN_DIMENSIONS",
  "UNKNOWN_DURATION",
  "UNKNOWN_FPS",
] as const;

export type LimitViolationCode = (typeof limitViolationCodes)[number];
export type LimitViolation = z.infer<typeof limitViolationSchema>;

/** The violation as a sentence to put into the user's words; one without a key is shown as its message. */
export function violationSentence(v: LimitViolation): { key: string; values?: Record<string, string | number> } {
  return v.key ? { key: v.key, values: v.values } : { key: v.message };
}
