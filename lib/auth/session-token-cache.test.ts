import { beforeEach, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => jar.cookies }) }));

const { cachedSessionUserId } = await import("@/lib/auth/session-token-cache");

describe("cachedSessionUserId", () => {
  beforeEach(() => {
    jar.cookies = [];
    vi.useRealTimers();
  });

  it("decodes a cookie once, then answers from memory until a minute has passed", async () => {
    jar.cookies = [{ name: "authjs.session-token", value: `token-${Math.random()}` }];
    const decode = vi.fn(async () => ({ userId: "user-1", expires: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(await cachedSessionUserId(decode)).toBe("user-1");
    expect(await cachedSessionUserId(decode)).toBe("user-1");
    expect(decode).toHaveBeenCalledTimes(1);
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    expect(await cachedSessionUserId(decode)).toBe("user-1");
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("never keeps an answer past the session's expiry, nor a cookie that named nobody", async () => {
    jar.cookies = [{ name: "__Secure-authjs.session-token", value: `token-${Math.random()}` }];
    const ending = vi.fn(async () => ({ userId: "user-2", expires: new Date(Date.now() + 5_000).toISOString() }));
    expect(await cachedSessionUserId(ending)).toBe("user-2");
    vi.useFakeTimers({ now: Date.now() + 6_000 });
    await cachedSessionUserId(ending);
    expect(ending).toHaveBeenCalledTimes(2);

    jar.cookies = [{ name: "authjs.session-token", value: `forged-${Math.random()}` }];
    const nobody = vi.fn(async () => ({ userId: null, expires: null }));
    expect(await cachedSessionUserId(nobody)).toBeNull();
    expect(await cachedSessionUserId(nobody)).toBeNull();
    expect(nobody).toHaveBeenCalledTimes(2);
  });

  it("keeps nothing without a session cookie, and tells two cookies apart", async () => {
    const anonymous = vi.fn(async () => ({ userId: null, expires: null }));
    expect(await cachedSessionUserId(anonymous)).toBeNull();
    expect(await cachedSessionUserId(anonymous)).toBeNull();
    expect(anonymous).toHaveBeenCalledTimes(2);
    const decode = vi.fn(async () => ({ userId: "x", expires: null }));
    jar.cookies = [{ name: "authjs.session-token", value: "a" }];
    await cachedSessionUserId(async () => ({ userId: "user-a", expires: null }));
    jar.cookies = [{ name: "authjs.session-token", value: "b" }];
    expect(await cachedSessionUserId(async () => ({ userId: "user-b", expires: null }))).toBe("user-b");
    jar.cookies = [{ name: "authjs.session-token", value: "a" }];
    expect(await cachedSessionUserId(decode)).toBe("user-a");
  });
});
