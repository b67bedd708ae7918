/**
 * When to look at an unfinished provider task again. The first looks come a few seconds
 * apart (most reviews finish within seconds), then the gap grows by half each time up to
 * 30 s. A Retry-After from the provider always wins over the schedule.
 */
export const pollSchedule = {
  firstDelayMs: 3_000,
  /** Looks at the first delay before backing off. */
  quickPolls: 4,
  growth: 1.5,
  maxDelayMs: 30_000,
  /** The longest Retry-After honoured as given; longer ones are cut to this. */
  maxRetryAfterMs: 5 * 60_000,
  /** Gap after an error that says nothing about when to come back. */
  errorDelayMs: 10_000,
} as const;

/**
 * The delay before the next look, given how many looks were already made (0 before the
 * first). `random` spreads the looks of many tasks by up to ±10 % (pass `() => 0.5` for none).
 */
export function pollDelayMs(pollsMade: number, options: { retryAfterMs?: number; random?: () => number } = {}): number {
  const { firstDelayMs, quickPolls, growth, maxDelayMs, maxRetryAfterMs } = pollSchedule;
  const n = Math.max(0, Math.floor(pollsMade));
  const base = n < quickPolls ? firstDelayMs : Math.min(maxDelayMs, firstDelayMs * growth ** (n - quickPolls + 1));
  const spread = options.random ? 0.9 + 0.2 * options.random() : 1;
  const scheduled = Math.round(Math.min(maxDelayMs, base * spread));
  if (options.retryAfterMs !== undefined && options.retryAfterMs > 0) {
    return Math.max(scheduled, Math.min(options.retryAfterMs, maxRetryAfterMs));
  }
  return scheduled;
}

/** Backoff between resends of a submission the provider could not take: 10 s, 20 s, 40 s … up to 10 min. */
export const sendRetry = {
  maxAttempts: 6,
  baseDelayMs: 10_000,
  maxDelayMs: 10 * 60_000,
} as const;

export function sendRetryDelayMs(attemptsMade: number, retryAfterMs?: number): number {
  const n = Math.max(1, Math.floor(attemptsMade));
  const delay = Math.min(sendRetry.maxDelayMs, sendRetry.baseDelayMs * 2 ** (n - 1));
  return retryAfterMs !== undefined && retryAfterMs > delay ? Math.min(retryAfterMs, sendRetry.maxDelayMs) : delay;
}
