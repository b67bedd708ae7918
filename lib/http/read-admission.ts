import { availableParallelism } from "node:os";
import { z } from "zod";

/**
 * Polled reads in progress at once per app process, unless POLLED_READ_CONCURRENCY says
 * otherwise: one per core, at least two. On the 2-core machine two already keep the reads'
 * throughput where it is with no limit (a read is short, and two overlap each other's waits on
 * PostgreSQL), while a flood of them leaves the event loop to uploads, pages and actions:
 * with 50 pollers beside 5 uploaders (scripts/load.ts), uploads/s were 0.21 of uploads alone
 * with no limit, 0.25 at 8 at a time, about 0.5 at 2, and 0.68 with the gate below.
 */
export const DEFAULT_POLLED_READ_CONCURRENCY = Math.max(2, availableParallelism());

const limitSchema = z.coerce.number().int().positive().max(10_000).default(DEFAULT_POLLED_READ_CONCURRENCY);

/** The configured limit; a value that is not a positive whole number is refused by name. */
export function polledReadConcurrency(value: string | undefined): number {
  const parsed = limitSchema.safeParse(value === "" ? undefined : value);
  if (!parsed.success) throw new Error(`POLLED_READ_CONCURRENCY must be a positive whole number, not "${value}"`);
  return parsed.data;
}

/** Paths that answer at once whatever the load: load balancers' checks and sign-in. */
const UNQUEUED = /^\/api\/(live|health|auth)(\/|$)/;

/**
 * A request that browsers repeat on a timer (React Query's polls, API clients listing):
 * a GET or HEAD of a JSON route under /api. Pages, files, uploads and actions are not.
 */
export function isPolledRead(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const pathname = (url ?? "").split("?", 1)[0]!;
  return pathname.startsWith("/api/") && !UNQUEUED.test(pathname);
}

/**
 * At most `limit()` holders at a time; the rest wait in order of arrival. A waiting request
 * costs nothing but its place in the queue, so under a flood of polls the process spends its
 * time on the reads it has admitted and on everything that does not queue here. The limit is
 * asked again whenever a place comes back or `wake` is called, so it may follow the process's
 * other work. `acquire` resolves with the function that gives the place back (safe to call
 * more than once); `abandon` takes a waiter whose client went away out of the queue.
 */
export function createAdmission(limit: () => number) {
  let active = 0;
  const waiting: (() => void)[] = [];

  /** Admits waiters while there is room under the limit. */
  const admitWaiting = () => {
    while (waiting.length > 0 && active < limit()) {
      active++;
      waiting.shift()!();
    }
  };

  return {
    acquire(): { admitted: Promise<() => void>; abandon(): void } {
      let released = false;
      const giveBack = () => {
        if (released) return;
        released = true;
        active--;
        admitWaiting();
      };
      if (waiting.length === 0 && active < limit()) {
        active++;
        return { admitted: Promise.resolve(giveBack), abandon: giveBack };
      }
      let admit!: () => void;
      const admitted = new Promise<() => void>((resolve) => {
        admit = () => resolve(giveBack);
      });
      waiting.push(admit);
      return {
        admitted,
        abandon() {
          const at = waiting.indexOf(admit);
          // Still waiting: leave the queue without ever holding a place. Admitted: give it back.
          if (at >= 0) waiting.splice(at, 1);
          else giveBack();
        },
      };
    },
    /** The limit may have grown: admit whoever now fits. */
    wake: admitWaiting,
    /** In progress and waiting, for tests and logs. */
    get state() {
      return { active, waiting: waiting.length };
    },
  };
}

/**
 * Polled reads yield to the process's other work: while an upload, a page or an action is in
 * progress, one read at a time; otherwise up to `limit`. Polls are background refreshes; the
 * other requests are someone waiting on a click or a file.
 */
export function createPolledReadGate(limit: number) {
  let othersInProgress = 0;
  const admission = createAdmission(() => (othersInProgress > 0 ? 1 : limit));
  return {
    /** A polled read's place, as `createAdmission`'s `acquire`. */
    acquire: admission.acquire,
    /** Another request began; call the function returned when it has ended. */
    otherBegan(): () => void {
      othersInProgress++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        othersInProgress--;
        admission.wake();
      };
    },
    get state() {
      return { ...admission.state, othersInProgress };
    },
  };
}
