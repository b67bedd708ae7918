import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { englishError } from "@/test/english-error";

/**
 * The provider key stays with the base URL it was saved for. Three real HTTP servers on
 * loopback record every Authorization header they receive:
 * - `provider`: the environment's UPSTREAM_BASE_URL (allowed by construction);
 * - `other`: a host the operator allowed (OUTBOUND_ALLOWED_HOSTS), so that only the key
 *   binding stands between it and a key: an admin of any team who types it must never make
 *   the app send it the environment's key or the team's saved key;
 * - `hidden`: any other loopback port, which the outbound guard refuses outright.
 */

const session = vi.hoisted(() => ({ user: null as null | { id: string; teamId: string; role: "ADMIN" | "CREATOR" } }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return { ...session.user, email: "admin@example.com", name: null, teamName: "T" };
  },
  assertCan: (user: { role: string }, permission: string) => {
    if (permission === "manageSettings" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins may do that.");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Capture = { server: Server; url: string; hostPort: string; auth: string[] };

async function captureServer(): Promise<Capture> {
  const auth: string[] = [];
  const server = createServer((req, res) => {
    auth.push(req.headers.authorization ?? "(none)");
    // Answers like the provider for an unknown task: the key works.
    res.writeHead(404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "NotFound", message: "secret internal page body" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, hostPort: `127.0.0.1:${port}`, auth };
}

const ENV_KEY = "sk-environment-secret-1111";
const TEAM_KEY = "sk-team-saved-2222";
let provider: Capture;
let other: Capture;
let hidden: Capture;
let prisma: typeof import("@/lib/db").prisma;
let actions: typeof import("@/lib/settings/provider-settings-actions");
let upstreamClientForTeam: typeof import("@/lib/settings/upstream-client-for-team").upstreamClientForTeam;
let encryptSecret: typeof import("@/lib/crypto/secret-box").encryptSecret;
let teamId: string;

beforeAll(async () => {
  [provider, other, hidden] = await Promise.all([captureServer(), captureServer(), captureServer()]);
  Object.assign(process.env, {
    AUTH_SECRET: "x".repeat(40),
    SETTINGS_ENCRYPTION_KEY: "ab".repeat(32),
    UPSTREAM_BASE_URL: provider.url,
    UPSTREAM_API_KEY: ENV_KEY,
    UPSTREAM_MAX_RETRIES: "0",
    UPSTREAM_TIMEOUT_MS: "5000",
    OUTBOUND_ALLOWED_HOSTS: other.hostPort,
  });
  delete process.env.OUTBOUND_ALLOW_PRIVATE;
  ({ prisma } = await import("@/lib/db"));
  actions = await import("@/lib/settings/provider-settings-actions");
  ({ upstreamClientForTeam } = await import("@/lib/settings/upstream-client-for-team"));
  ({ encryptSecret } = await import("@/lib/crypto/secret-box"));
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Settings ${suffix}` } })).id;
  session.user = { id: `admin-${suffix}`, teamId, role: "ADMIN" };
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: teamId } });
  for (const s of [provider, other, hidden]) {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
  }
  // Whatever happened above: no key left the app for a URL it was not saved for.
  expect(other.auth.join(" ")).not.toContain(ENV_KEY);
  expect(other.auth.join(" ")).not.toContain(TEAM_KEY);
  expect(hidden.auth).toEqual([]);
});

const blank = { models: "", projectName: "" };

describe("the provider key is bound to its base URL", () => {
  it("Test connection never sends the environment's key to a typed URL", async () => {
    const result = await actions.testConnectionAction({ baseUrl: `${other.url}/steal`, apiKey: "" });
    expect(result.data).toMatchObject({ ok: false, code: "KEY_REQUIRED" });
    expect(result.data && !result.data.ok && result.data.message).toContain("Enter the API key for");
    expect(other.auth).toEqual([]);

    // The environment's own URL gets the environment's key.
    const own = await actions.testConnectionAction({ baseUrl: "", apiKey: "" });
    expect(own.data).toMatchObject({ ok: true });
    expect(provider.auth.at(-1)).toBe(`Bearer ${ENV_KEY}`);
  });

  it("Save refuses a new base URL without a key and keeps what was saved", async () => {
    const saved = await actions.saveProviderSettingsAction({ baseUrl: "", apiKey: TEAM_KEY, clearApiKey: false, ...blank });
    expect(saved.serverError).toBeUndefined();
    const row = await prisma.teamSettings.findUniqueOrThrow({ where: { teamId } });
    expect(row.upstreamApiKeyBaseUrl).toBe(provider.url);

    const moved = await actions.saveProviderSettingsAction({ baseUrl: other.url, apiKey: "", clearApiKey: false, ...blank });
    expect(moved.serverError).toMatch(/The base URL changed, so enter its API key again/);
    expect(await prisma.teamSettings.findUniqueOrThrow({ where: { teamId } })).toMatchObject({ upstreamBaseUrl: null, upstreamApiKeyEnc: row.upstreamApiKeyEnc });

    // Testing the other URL with the key field empty sends nothing: the saved key is the provider's.
    const tested = await actions.testConnectionAction({ baseUrl: other.url, apiKey: "" });
    expect(tested.data).toMatchObject({ ok: false, code: "KEY_REQUIRED" });
    expect(other.auth).toEqual([]);

    // The saved key goes to the URL it was saved for.
    const own = await actions.testConnectionAction({ baseUrl: "", apiKey: "" });
    expect(own.data).toMatchObject({ ok: true });
    expect(provider.auth.at(-1)).toBe(`Bearer ${TEAM_KEY}`);
  });

  it("the guard refuses an unlisted loopback URL before anything is sent, even with a typed key", async () => {
    const tested = await actions.testConnectionAction({ baseUrl: hidden.url, apiKey: "sk-typed-3333" });
    expect(tested.data).toMatchObject({ ok: false, code: "ADDRESS_REFUSED" });
    expect(tested.data && !tested.data.ok && tested.data.message).toMatch(/private, loopback or link-local/);
    const saved = await actions.saveProviderSettingsAction({ baseUrl: hidden.url, apiKey: "sk-typed-3333", clearApiKey: false, ...blank });
    expect(saved.serverError).toMatch(/private, loopback or link-local/);
    const metadata = await actions.testConnectionAction({ baseUrl: "http://169.254.169.254/latest", apiKey: "sk-typed-3333" });
    expect(metadata.data).toMatchObject({ ok: false, code: "ADDRESS_REFUSED" });
    expect(hidden.auth).toEqual([]);
  });

  it("refuses base URLs with credentials, a query or a fragment", async () => {
    for (const baseUrl of [`http://user:pw@${other.hostPort}`, `${other.url}/x?`, `${other.url}/x#`]) {
      const result = await actions.testConnectionAction({ baseUrl, apiKey: "sk-typed-3333" });
      expect(result.validationErrors, baseUrl).toBeDefined();
    }
    expect(other.auth).toEqual([]);
  });

  it("a key typed with a new URL is saved for that URL and sent only there", async () => {
    const saved = await actions.saveProviderSettingsAction({ baseUrl: other.url, apiKey: "sk-other-own-4444", clearApiKey: false, ...blank });
    expect(saved.serverError).toBeUndefined();
    const tested = await actions.testConnectionAction({ baseUrl: "", apiKey: "" });
    expect(tested.data).toMatchObject({ ok: true });
    expect(other.auth).toEqual(["Bearer sk-other-own-4444"]);

    // Back to the environment's URL without a key: the team's key is not carried there either,
    // but the environment's own key belongs there.
    const back = await actions.saveProviderSettingsAction({ baseUrl: "", apiKey: "", clearApiKey: false, ...blank });
    expect(back.serverError).toMatch(/enter its API key again/);
    const cleared = await actions.saveProviderSettingsAction({ baseUrl: "", apiKey: "", clearApiKey: true, ...blank });
    expect(cleared.serverError).toBeUndefined();
    const { settings } = await upstreamClientForTeam(teamId);
    expect(settings).toMatchObject({ baseUrl: provider.url, apiKeySource: "environment" });
  });

  it("the worker's client obeys the same rule for rows written before (or around) the action", async () => {
    // A base URL changed behind the key's back (as the old Save allowed): no client, nothing sent.
    await prisma.teamSettings.update({
      where: { teamId },
      data: { upstreamBaseUrl: other.url, upstreamApiKeyEnc: encryptSecret(TEAM_KEY, process.env.SETTINGS_ENCRYPTION_KEY!), upstreamApiKeyBaseUrl: provider.url },
    });
    expect(await englishError(upstreamClientForTeam(teamId))).toMatch(/Enter the API key for/);
    // A legacy row (key saved before binding existed, no base URL then): bound to the environment's URL.
    await prisma.teamSettings.update({ where: { teamId }, data: { upstreamApiKeyBaseUrl: null } });
    expect(await englishError(upstreamClientForTeam(teamId))).toMatch(/Enter the API key for/);
    // A base URL of its own and no key: the environment's key is never lent to it.
    await prisma.teamSettings.update({ where: { teamId }, data: { upstreamApiKeyEnc: null, upstreamApiKeyLast4: null } });
    expect(await englishError(upstreamClientForTeam(teamId))).toMatch(/Enter the API key for/);

    // Bound correctly: the worker's calls carry that key and go through the guard.
    await prisma.teamSettings.update({
      where: { teamId },
      data: { upstreamApiKeyEnc: encryptSecret("sk-other-own-4444", process.env.SETTINGS_ENCRYPTION_KEY!), upstreamApiKeyBaseUrl: `${other.url}/` },
    });
    const { client } = await upstreamClientForTeam(teamId);
    expect(await client.testConnection()).toEqual({ ok: true });
    expect(other.auth.at(-1)).toBe("Bearer sk-other-own-4444");
  });

  it("only admins reach the settings actions", async () => {
    const admin = session.user;
    session.user = { ...admin!, role: "CREATOR" };
    try {
      const result = await actions.testConnectionAction({ baseUrl: "", apiKey: "" });
      expect(result.serverError).toBe("Only admins may do that.");
    } finally {
      session.user = admin;
    }
  });
});
