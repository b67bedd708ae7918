/**
 * When a worker looks at a running video job again. Generation takes 30 s to several
 * minutes: the first looks come 3 s apart, then the gap grows by 30 % a time up to 15 s.
 * A Retry-After from the provider always wins.
 */
export const videoPollSchedule = {
  firstDelayMs: 3_000,
  growth: 1.3,
  maxDelayMs: 15_000,
  /** The longest Retry-After honoured as given. */
  maxRetryAfterMs: 5 * 60_000,
  /** After an error that says nothing about when to come back: 10 s, growing to 1 min. */
  errorDelayMs: 10_000,
  maxErrorDelayMs: 60_000,
  /** Errors in a row before the job is given up (about 35 minutes of trying). */
  maxConsecutiveErrors: 40,
  /** A claimed job is left to its worker this long; if the worker dies, another takes it after. */
  leaseMs: 2 * 60_000,
  /**
   * While the finished video is being copied to storage the same lease is renewed this often,
   * so a long copy keeps its job and a worker that dies mid-copy holds it no longer than leaseMs.
   */
  storeLeaseRenewMs: 30_000,
  /** Tries at copying a finished video, 5 s, 10 s, 20 s… apart. */
  maxStoreAttempts: 6,
  storeRetryBaseMs: 5_000,
  storeRetryMaxMs: 2 * 60_000,
} as const;

/** The gap before the next look, given the looks already made (0 before the first). */
export function videoPollDelayMs(pollsMade: number, options: { retryAfterMs?: number; random?: () => number } = {}): number {
  const s = videoPollSchedule;
  const n = Math.max(0, Math.floor(pollsMade));
  const base = Math.min(s.maxDelayMs, s.firstDelayMs * s.growth ** n);
  const spread = options.random ? 0.9 + 0.2 * options.random() : 1;
  const scheduled = Math.round(Math.min(s.maxDelayMs, base * spread));
  if (options.retryAfterMs !== undefined && options.retryAfterMs > 0) return Math.max(scheduled, Math.min(options.retryAfterMs, s.maxRetryAfterMs));
  return scheduled;
}

/** The gap after the n-th error in a row (1 for the first). */
export function videoErrorDelayMs(errorsInARow: number, retryAfterMs?: number): number {
  const s = videoPollSchedule;
  const delay = Math.min(s.maxErrorDelayMs, s.errorDelayMs * 1.5 ** Math.max(0, errorsInARow - 1));
  return retryAfterMs !== undefined && retryAfterMs > 0 ? Math.max(Math.min(retryAfterMs, s.maxRetryAfterMs), s.firstDelayMs) : delay;
}

/** The gap after the n-th failed copy of a finished video (1 for the first). */
export function storeRetryDelayMs(failedTries: number): number {
  const s = videoPollSchedule;
  return Math.min(s.storeRetryMaxMs, s.storeRetryBaseMs * 2 ** Math.max(0, failedTries - 1));
}
