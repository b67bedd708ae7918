import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import {
  accountPolicy,
  emptyState,
  minutesUntil,
  pruneThrottle,
  refundTry,
  reserveSignIn,
  reserveTry,
  type ThrottleState,
} from "@/lib/auth/login-throttle";

const MINUTE = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
const unique = () => Math.random().toString(36).slice(2);

describe("reserveTry (one counter)", () => {
  const t0 = new Date("2026-12-03T12:00:00Z");

  function tries(state: ThrottleState, count: number, now: Date) {
    let current = state;
    const outcomes: boolean[] = [];
    for (let i = 0; i < count; i++) {
      const r = reserveTry(current, now, accountPolicy);
      outcomes.push(r.allowed);
      current = r.next;
    }
    return { state: current, outcomes };
  }

  it("checks ten tries in fifteen minutes, then refuses for fifteen minutes", () => {
    const { state, outcomes } = tries(emptyState(t0), 11, t0);
    expect(outcomes.filter(Boolean)).toHaveLength(10);
    expect(outcomes[10]).toBe(false);
    expect(state.lockedUntil).toEqual(at(t0, 15));
    expect(reserveTry(state, at(t0, 14), accountPolicy).allowed).toBe(false);
    expect(reserveTry(state, at(t0, 14), accountPolicy).retryAt).toEqual(at(t0, 15));
    expect(reserveTry(state, at(t0, 15), accountPolicy).allowed).toBe(true);
  });

  it("doubles the lock for each lock-out in a row, up to a day", () => {
    let state = emptyState(t0);
    let now = t0;
    const locks: number[] = [];
    for (let round = 0; round < 9; round++) {
      state = tries(state, 10, now).state;
      locks.push((state.lockedUntil!.getTime() - now.getTime()) / MINUTE);
      now = state.lockedUntil!;
    }
    expect(locks).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
  });

  it("forgets lock-outs after a day without one", () => {
    let state = tries(emptyState(t0), 10, t0).state;
    state = tries(state, 10, at(t0, 15)).state; // second lock: 30 min
    const later = at(state.lockedUntil!, 24 * 60);
    state = tries(state, 10, later).state;
    expect(state.lockedUntil).toEqual(at(later, 15));
  });

  it("starts a new window after fifteen quiet minutes", () => {
    const { state } = tries(emptyState(t0), 9, t0);
    const r = reserveTry(state, at(t0, 15), accountPolicy);
    expect(r.next.failures).toBe(1);
    expect(r.next.lockedUntil).toBeNull();
  });

  it("a refunded try lifts the lock it started", () => {
    const { state } = tries(emptyState(t0), 9, t0);
    const tenth = reserveTry(state, t0, accountPolicy);
    expect(tenth.startedLock).toBe(true);
    const refunded = refundTry(tenth.next, true);
    expect(refunded.lockedUntil).toBeNull();
    expect(refunded.failures).toBe(9);
    expect(reserveTry(refunded, t0, accountPolicy).allowed).toBe(true);
  });

  it("rounds the wait up to whole minutes", () => {
    expect(minutesUntil(at(t0, 14.2), t0)).toBe(15);
    expect(minutesUntil(new Date(t0.getTime() + 1000), t0)).toBe(1);
  });
});

describe("reserveSignIn on PostgreSQL", () => {
  it("thirty parallel tries for one account: exactly ten are checked", async () => {
    const account = `victim-${unique()}@test.local`;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => reserveSignIn({ account, address: `198.51.100.${i}` })),
    );
    const allowed = results.filter((r) => r.allowed);
    expect(allowed).toHaveLength(10);
    for (const r of allowed) if (r.allowed) await r.settle(false);
    const row = await prisma.loginThrottle.findUnique({ where: { key: `account:${account}` } });
    expect(row?.failures).toBe(10);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 14 * MINUTE);
    const refused = results.find((r) => !r.allowed);
    expect(refused && !refused.allowed && minutesUntil(refused.retryAt)).toBe(15);
  });

  it("thirty parallel tries from one address for different accounts stop at the address limit", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => reserveSignIn({ account: `spray-${i}-${unique()}@test.local`, address })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(50);
  });

  it("the account is counted whatever the address, and the address whatever the account", async () => {
    const account = `rotating-${unique()}@test.local`;
    for (let i = 0; i < 10; i++) {
      const r = await reserveSignIn({ account, address: `192.0.2.${i}` });
      expect(r.allowed).toBe(true);
      if (r.allowed) await r.settle(false);
    }
    const eleventh = await reserveSignIn({ account: account.toUpperCase(), address: "192.0.2.200" });
    expect(eleventh.allowed).toBe(false);
  });

  it("a success clears the account and gives the address its try back", async () => {
    const account = `ok-${unique()}@test.local`;
    const address = `addr-${unique()}`;
    for (let i = 0; i < 5; i++) {
      const r = await reserveSignIn({ account, address });
      if (r.allowed) await r.settle(false);
    }
    const good = await reserveSignIn({ account, address });
    expect(good.allowed).toBe(true);
    if (good.allowed) await good.settle(true);
    expect(await prisma.loginThrottle.findUnique({ where: { key: `account:${account}` } })).toBeNull();
    expect((await prisma.loginThrottle.findUnique({ where: { key: `address:${address}` } }))?.failures).toBe(5);
  });

  it("prunes counters untouched for two days", async () => {
    const key = `address:old-${unique()}`;
    await prisma.loginThrottle.create({ data: { key, failures: 3, updatedAt: new Date(Date.now() - 3 * 24 * 60 * MINUTE) } });
    await prisma.$executeRaw`UPDATE "LoginThrottle" SET "updatedAt" = now() - interval '3 days' WHERE "key" = ${key}`;
    await pruneThrottle();
    expect(await prisma.loginThrottle.findUnique({ where: { key } })).toBeNull();
  });
});
