import { env } from "@/lib/env";
import { sendRetry } from "@/lib/submissions/poll-delay";

/**
 * When the worker steps in for a submission that was written but not confirmed as sent.
 * Sending itself (claim, idempotency key, UNCERTAIN when an answer may be lost without
 * idempotency) is sendSubmission's; these rules only say when to ask it.
 */
export const unsentRules = {
  /** A QUEUED row never tried is normally sent by the request that wrote it; the worker waits this long first. */
  queuedGraceMs: 30_000,
  /** Attempts at sending one submission, the first included, before it waits for a person. */
  maxAttempts: sendRetry.maxAttempts,
} as const;

/**
 * A QUEUED row whose attempt began less than this long ago may still be in flight in another
 * process (the client's longest possible call, plus a minute); sendSubmission leaves it alone.
 */
export function inFlightMs(): number {
  return env.UPSTREAM_TIMEOUT_MS * (env.UPSTREAM_MAX_RETRIES + 1) + 60_000;
}
