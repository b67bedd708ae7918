// zod/mini: the upload page checks answers with this in the browser, where the full library would weigh ~26 kB.
import { z } from "zod/mini";

/** Why a file cannot be used, in words a user can act on. */
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

export const limitViolationSchema = z.object({
  code: z.enum(limitViolationCodes),
  /** the English sentence, for logs and API clients */
  message: z.string(),
  /** the same sentence as a whole catalogue key ("limits.fileTooLarge") and its placeholders' values, for people */
  key: z.optional(z.string()),
  values: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

export type LimitViolationCode = (typeof limitViolationCodes)[number];
export type LimitViolation = z.infer<typeof limitViolationSchema>;

/** The violation as a sentence to put into the user's words; one without a key is shown as its message. */
export function violationSentence(v: LimitViolation): { key: string; values?: Record<string, string | number> } {
  return v.key ? { key: v.key, values: v.values } : { key: v.message };
}
