import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// next-auth's error classes are @auth/core's; its entry point needs Next's runtime, which a
// plain test process does not have.
vi.mock("next-auth", async () => await import("@auth/core/errors"));

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), verifyAgainstDummy: vi.fn(real.verifyAgainstDummy) };
});

process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.SETTINGS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.UPSTREAM_BASE_URL ??= "http://127.0.0.1:9";
process.env.UPSTREAM_API_KEY ??= "sk-authorize-test";

const { prisma } = await import("@/lib/db");
const password = await import("@/lib/auth/password");
const { authorizeCredentials } = await import("@/lib/auth/authorize-credentials");
const { PEER_CHAIN_HEADER, markPeerChainStamped } = await import("@/lib/auth/client-address");

const PASSWORD = "correct-horse-battery";
let passwordHash: string;

async function makeUser(): Promise<string> {
  const suffix = randomBytes(6).toString("hex");
  const team = await prisma.team.create({ data: { name: `Auth ${suffix}` } });
  const email = `member-${suffix}@test.local`;
  await prisma.user.create({ data: { email, passwordHash, membership: { create: { teamId: team.id, role: "CREATOR" } } } });
  return email;
}

/** Headers as scripts/server.ts stamps them: the socket address last, after whatever the client sent. */
const fromSocket = (socket: string, forged?: string) =>
  new Headers({ [PEER_CHAIN_HEADER]: [forged, socket].filter(Boolean).join(", "), ...(forged ? { "x-forwarded-for": forged } : {}) });

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "signed in",
    (error: { code?: string }) => error.code,
  );

beforeAll(async () => {
  markPeerChainStamped();
  passwordHash = await password.hashPassword(PASSWORD);
});

beforeEach(() => {
  vi.mocked(password.verifyPassword).mockClear();
  vi.mocked(password.verifyAgainstDummy).mockClear();
});

describe("authorizeCredentials", () => {
  it("signs in with the right password and clears the account's counter", async () => {
    const email = await makeUser();
    expect(await codeOf(authorizeCredentials({ email, password: "wrong" }, fromSocket("192.0.2.1")))).toBe("invalid_credentials");
    const user = await authorizeCredentials({ email: email.toUpperCase(), password: PASSWORD }, fromSocket("192.0.2.1"));
    expect(user.email).toBe(email);
    expect(await prisma.loginThrottle.findUnique({ where: { key: `account:${email}` } })).toBeNull();
  });

  it("an unknown email does the same scrypt work and gets the same answer as a wrong password", async () => {
    const email = await makeUser();
    expect(await codeOf(authorizeCredentials({ email, password: "wrong" }, fromSocket("192.0.2.2")))).toBe("invalid_credentials");
    expect(password.verifyPassword).toHaveBeenCalledTimes(1);
    expect(await codeOf(authorizeCredentials({ email: `nobody-${email}`, password: "wrong" }, fromSocket("192.0.2.2")))).toBe(
      "invalid_credentials",
    );
    expect(password.verifyAgainstDummy).toHaveBeenCalledTimes(1);
  });

  it("eleven wrong passwords with a different X-Forwarded-For each lock the account; then the right one is refused", async () => {
    const email = await makeUser();
    const codes: Array<string | undefined> = [];
    for (let i = 1; i <= 11; i++) {
      codes.push(await codeOf(authorizeCredentials({ email, password: `wrong-${i}` }, fromSocket("192.0.2.3", `203.0.113.${i}`))));
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill("invalid_credentials"));
    expect(codes[10]).toBe("too_many_attempts:15");
    expect(await codeOf(authorizeCredentials({ email, password: PASSWORD }, fromSocket("198.51.100.9")))).toBe("too_many_attempts:15");
    // Ten checks only: the refused tries never reached the password hash.
    expect(password.verifyPassword).toHaveBeenCalledTimes(10);
  });

  it("thirty wrong passwords fired at once: ten are checked, twenty refused", async () => {
    const email = await makeUser();
    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => codeOf(authorizeCredentials({ email, password: `parallel-${i}` }, fromSocket(`198.51.100.${i}`)))),
    );
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(10);
    expect(codes.filter((c) => c === "too_many_attempts:15")).toHaveLength(20);
    expect(password.verifyPassword).toHaveBeenCalledTimes(10);
  });

  it("the address counter holds across accounts and ignores X-Forwarded-For", async () => {
    const socket = `192.0.2.${100 + Math.floor(Math.random() * 100)}`;
    await prisma.loginThrottle.deleteMany({ where: { key: `address:${socket}` } });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 51; i++) {
      codes.push(await codeOf(authorizeCredentials({ email: `spray-${i}-${socket}@test.local`, password: "x" }, fromSocket(socket, `10.0.${i}.1`))));
    }
    expect(codes.slice(0, 50).every((c) => c === "invalid_credentials")).toBe(true);
    expect(codes[50]).toMatch(/^too_many_attempts:/);
  }, 120_000);
});
