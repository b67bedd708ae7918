import { prisma } from "@/lib/db";

/**
 * Sign-in throttle. Tries are counted per account (the typed email, known or not, so the
 * answer tells nothing about which accounts exist) and per client address. A try is counted
 * BEFORE the password is checked, inside a transaction holding the counters' row locks, so
 * thirty tries fired at once are serialised: ten get checked, the rest are refused. A
 * successful sign-in gives its try back. Counters live in PostgreSQL, so every app instance
 * shares them.
 */
export type ThrottlePolicy = {
  /** Tries allowed in one window; the try that reaches it starts a lock. */
  limit: number;
  windowMs: number;
  /** The first lock; each lock-out in a row doubles it, up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
};

const MINUTE = 60_000;

/** Per account: 10 tries per 15 minutes, then 15 min, 30 min, 1 h, … up to a day. */
export const accountPolicy: ThrottlePolicy = { limit: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: 24 * 60 * MINUTE };
/** Per address: more room (several people behind one office address), same growth. */
export const addressPolicy: ThrottlePolicy = { limit: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: 24 * 60 * MINUTE };

/** Lock-outs are forgotten after a day without one. */
const LOCKOUT_MEMORY_MS = 24 * 60 * MINUTE;
/** Rows untouched this long are deleted. */
const PRUNE_AFTER_MS = 2 * 24 * 60 * MINUTE;

export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null; lockouts: number };

export type Reservation = {
  allowed: boolean;
  /** When refused: the time from which a try will be checked again. */
  retryAt: Date | null;
  /** Whether this try is the one that started a lock (a success then lifts it). */
  startedLock: boolean;
  next: ThrottleState;
};

export const emptyState = (now: Date): ThrottleState => ({ failures: 0, windowStart: now, lockedUntil: null, lockouts: 0 });

/** Counts one try against a counter. Pure: the caller holds the row lock. */
export function reserveTry(state: ThrottleState, now: Date, policy: ThrottlePolicy): Reservation {
  const t = now.getTime();
  const lockedUntil = state.lockedUntil?.getTime() ?? null;
  if (lockedUntil !== null && lockedUntil > t) {
    return { allowed: false, retryAt: state.lockedUntil, startedLock: false, next: state };
  }
  const next: ThrottleState = { ...state };
  // A window that has run out, or a lock that has ended since it began, starts a new window.
  const lockEndedInWindow = lockedUntil !== null && state.windowStart.getTime() < lockedUntil;
  if (t - state.windowStart.getTime() >= policy.windowMs || lockEndedInWindow) {
    next.failures = 0;
    next.windowStart = now;
  }
  // Lock-outs in a row are forgotten after a day without one. (An ended lock's time is kept
  // for this; only a time in the future locks.)
  if (lockedUntil !== null && t - lockedUntil >= LOCKOUT_MEMORY_MS) next.lockouts = 0;
  next.failures += 1;
  let startedLock = false;
  if (next.failures >= policy.limit) {
    next.lockouts += 1;
    next.lockedUntil = new Date(t + Math.min(policy.lockMs * 2 ** (next.lockouts - 1), policy.maxLockMs));
    startedLock = true;
  }
  return { allowed: true, retryAt: null, startedLock, next };
}

/** Gives a try back after it succeeded; a lock it started is lifted. */
export function refundTry(state: ThrottleState, startedLock: boolean): ThrottleState {
  const next: ThrottleState = { ...state, failures: Math.max(0, state.failures - 1) };
  if (startedLock) {
    next.lockedUntil = null;
    next.lockouts = Math.max(0, state.lockouts - 1);
  }
  return next;
}

export type SignInCounters = { account: string; address: string };

export type SignInReservation =
  | { allowed: true; settle: (succeeded: boolean) => Promise<void> }
  | { allowed: false; retryAt: Date };

type Row = ThrottleState & { key: string };

const keysOf = (counters: SignInCounters) => ({
  account: `account:${counters.account.trim().toLowerCase()}`.slice(0, 320),
  address: `address:${counters.address}`.slice(0, 200),
});

/**
 * Counts one sign-in try against both the account's and the address's counter, atomically.
 * Refused when either is locked (nothing else is counted then). When allowed, the caller
 * checks the password and calls `settle(succeeded)`: a success clears the account's counter
 * and gives the address its try back.
 */
export async function reserveSignIn(counters: SignInCounters, now = new Date()): Promise<SignInReservation> {
  const keys = keysOf(counters);
  const policies: Record<string, ThrottlePolicy> = { [keys.account]: accountPolicy, [keys.address]: addressPolicy };
  // Always the same order, so two transactions never wait on each other's rows.
  const ordered = [keys.account, keys.address].sort();
  const outcome = await prisma.$transaction(async (tx) => {
    for (const key of ordered) {
      await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "windowStart", "updatedAt") VALUES (${key}, ${now}, ${now}) ON CONFLICT ("key") DO NOTHING`;
    }
    const rows = await tx.$queryRaw<Row[]>`
      SELECT "key", "failures", "windowStart", "lockedUntil", "lockouts" FROM "LoginThrottle"
      WHERE "key" IN (${ordered[0]}, ${ordered[1]}) ORDER BY "key" FOR UPDATE`;
    const reservations = new Map(rows.map((row) => [row.key, reserveTry(row, now, policies[row.key]!)]));
    const refused = [...reservations.values()].filter((r) => !r.allowed);
    if (refused.length > 0) {
      const retryAt = new Date(Math.max(...refused.map((r) => r.retryAt!.getTime())));
      return { allowed: false as const, retryAt };
    }
    for (const [key, reservation] of reservations) await write(tx, key, reservation.next, now);
    return { allowed: true as const, startedLock: new Map([...reservations].map(([key, r]) => [key, r.startedLock])) };
  }, transactionOptions);
  if (!outcome.allowed) return outcome;
  return {
    allowed: true,
    settle: async (succeeded) => {
      if (!succeeded) {
        await pruneNowAndThen(now);
        return;
      }
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${keys.account}`;
        const [row] = await tx.$queryRaw<Row[]>`
          SELECT "key", "failures", "windowStart", "lockedUntil", "lockouts" FROM "LoginThrottle"
          WHERE "key" = ${keys.address} FOR UPDATE`;
        if (row) await write(tx, keys.address, refundTry(row, outcome.startedLock.get(keys.address) ?? false), new Date());
      }, transactionOptions);
    },
  };
}

// Tries fired at once queue for the row lock; each transaction is a few statements long.
const transactionOptions = { maxWait: 15_000, timeout: 15_000 };

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function write(tx: Tx, key: string, state: ThrottleState, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "LoginThrottle" SET "failures" = ${state.failures}, "windowStart" = ${state.windowStart},
      "lockedUntil" = ${state.lockedUntil}, "lockouts" = ${state.lockouts}, "updatedAt" = ${now}
    WHERE "key" = ${key}`;
}

let lastPrune = 0;

/** Deletes counters nobody has touched for two days (at most every ten minutes per process). */
export async function pruneThrottle(now = new Date()): Promise<number> {
  lastPrune = now.getTime();
  return prisma.loginThrottle.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - PRUNE_AFTER_MS) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  }).then((r) => r.count);
}

async function pruneNowAndThen(now: Date): Promise<void> {
  if (now.getTime() - lastPrune < 10 * MINUTE) return;
  await pruneThrottle(now);
}

/** "try again in N minutes": whole minutes, at least one. */
export function minutesUntil(retryAt: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
}
