import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makePng } from "@/lib/media/test-media";
import { newStorageKey } from "@/lib/storage/storage-key";
import { setTestEnv } from "@/test/integration-kit";

/**
 * Who may call what: every server action and every route handler, called as each kind of
 * caller, against real PostgreSQL. Only the session lookup is replaced (the signed-in user's
 * id comes from `currentUserId`); team and role are read from the database as in production.
 *
 * The table below is the whole list. A new action or route that is not in it fails
 * "every action and route is in the table", so it cannot ship without a decision on who may
 * call it. Each row says, per caller, what must happen:
 *   ok        the call succeeds
 *   401 / 403 / 404 / 4xx   a route answers that status; an action answers with an error
 *   refused   an action refuses (the specific error depends on what the caller can see)
 * and every call that is not a success must leave the home team's records exactly as they
 * were, while every read by a member of another team must not contain the home team's data.
 */

type Caller = "anonymous" | "otherTeam" | "CREATOR" | "LEAD" | "ADMIN";
const callers: Caller[] = ["anonymous", "otherTeam", "CREATOR", "LEAD", "ADMIN"];
type Expected = "ok" | "refused" | 400 | 401 | 403 | 404 | "public";

let currentUserId: string | null = null;

vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () => (currentUserId ? { user: { id: currentUserId } } : null),
  signIn: async () => {
    const { CredentialsSignin } = await import("next-auth");
    throw new CredentialsSignin();
  },
  signOut: async () => undefined,
  handlers: { GET: async () => new Response(null, { status: 400 }), POST: async () => new Response(null, { status: 400 }) },
}));
// `after()` needs Next's request scope: here the work runs once the call has answered, and each
// case waits for it before the next begins, so no case sees another's background work.
const backgroundWork: Promise<unknown>[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: (() => unknown) | Promise<unknown>) => {
    backgroundWork.push(Promise.resolve().then(() => (typeof task === "function" ? task() : task)).catch(() => undefined));
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

/** Actions written for useActionState: called with the previous state, then the input. */
const statefulActions = new Set(["signInAction", "createApiTokenAction", "addWebhookEndpointAction", "rotateWebhookSecretAction"]);

const SESSION_ENDED = "Your session has ended. Please sign in again.";
const NOT_PERMITTED = "You do not have permission to do that.";

let prisma: typeof import("@/lib/db").prisma;
let storage: import("@/lib/storage/file-storage").FileStorage;
const storageDir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-matrix-"));
const marker = `homeonly${randomUUID().slice(0, 8)}`;

const ids = {
  homeTeam: "",
  otherTeam: "",
  users: {} as Record<Exclude<Caller, "anonymous"> | "secondCreator", string>,
  memberships: {} as Record<"CREATOR" | "LEAD" | "ADMIN" | "secondCreator", string>,
  group: "",
};

// --- Fixtures: each case gets fresh records of the home team, so a success in one case never changes another's. ---

/** Every picture made here differs from every other (an upload's bytes are unique within a team). */
let pictures = 0;
function uniquePng(): Buffer {
  pictures += 1;
  return makePng(320 + (pictures % 400), 320 + Math.floor(pictures / 400), pictures);
}

async function upload(teamId: string, by: string) {
  const png = uniquePng();
  const seed = pictures;
  const key = newStorageKey(teamId, `${marker}-${seed}.png`);
  const stored = await storage.put(Readable.from([png]), key, { maxBytes: 10_000_000 });
  return prisma.upload.create({
    data: {
      teamId,
      uploaderId: by,
      storageKey: key,
      sha256: stored.sha256,
      fileName: `${marker}-${seed}.png`,
      mimeType: "image/png",
      type: "IMAGE",
      sizeBytes: stored.sizeBytes,
      width: 512,
      height: 512,
    },
  });
}

async function submission(state: "SEND_FAILED" | "UNCERTAIN" | "PARTIAL", by = ids.users.secondCreator) {
  return prisma.submission.create({
    data: { teamId: ids.homeTeam, groupId: ids.group, assetType: "IMAGE", projectName: "default", state, idempotencyKey: randomUUID(), createdById: by },
  });
}

/** An asset of the home team in a submission of the given state, with its uploaded file. */
async function assetIn(submissionState: "SEND_FAILED" | "UNCERTAIN" | "PARTIAL", state: "PENDING" | "APPROVED" | "REJECTED", by = ids.users.secondCreator) {
  const sub = await submission(submissionState, by);
  const up = await upload(ids.homeTeam, by);
  return prisma.asset.create({
    data: {
      teamId: ids.homeTeam,
      submissionId: sub.id,
      groupId: ids.group,
      uploadId: up.id,
      name: `${marker}-${randomUUID().slice(0, 6)}`,
      type: "IMAGE",
      state,
      sourceUrl: `https://studio.example.com/files/${up.storageKey}`,
      createdById: by,
      ...(state === "APPROVED" ? { assetUrl: `asset://asset-${randomUUID().slice(0, 8)}` } : {}),
      ...(state === "REJECTED" ? { failureCode: "InputImageSensitiveContentDetected.PrivacyInformation", failureReason: "the image may contain a real person" } : {}),
    },
  });
}

/** A request that never got its answer, with the one asset it carries. */
async function unsentSubmissionWithAsset(state: "SEND_FAILED" | "UNCERTAIN") {
  return { id: (await assetIn(state, "PENDING")).submissionId };
}

const asset = (state: "APPROVED" | "REJECTED") => assetIn("PARTIAL", state);

async function videoJob(state: "FAILED" | "SUCCEEDED") {
  const ref = await asset("APPROVED");
  const videoKey = state === "SUCCEEDED" ? newStorageKey(ids.homeTeam, "video.png") : null;
  if (videoKey) await storage.put(Readable.from([uniquePng()]), videoKey, { maxBytes: 10_000_000 });
  return prisma.videoJob.create({
    data: {
      teamId: ids.homeTeam,
      createdById: ids.users.secondCreator,
      model: "doubao-seedance-2.0",
      prompt: `${marker} waves`,
      params: { duration: 5, aspectRatio: "16:9", resolution: "720p", generateAudio: true, seed: null, returnLastFrame: false },
      state,
      idempotencyKey: randomUUID(),
      videoKey,
      finishedAt: new Date(),
      ...(state === "FAILED" ? { errorCode: "InvalidParameter", error: "The provider refused the request." } : {}),
      references: { create: [{ assetId: ref.id, role: "reference_image", position: 0 }] },
    },
  });
}

async function extraMember() {
  const user = await prisma.user.create({ data: { email: `extra-${randomUUID().slice(0, 8)}@example.com`, name: "Extra" } });
  return prisma.membership.create({ data: { teamId: ids.homeTeam, userId: user.id, role: "CREATOR" } });
}

/** A personal access token of a home member, to revoke. */
async function apiTokenOf(userId: string) {
  return prisma.apiToken.create({ data: { teamId: ids.homeTeam, userId, name: `${marker}-token`, prefix: "ast_xxxxxx", tokenHash: randomUUID(), scopes: ["read"] } });
}

/** A webhook endpoint of the home team (turned off, as after a day of failures) with one delivery. */
async function webhookEndpoint() {
  const endpoint = await prisma.webhookEndpoint.create({
    data: { teamId: ids.homeTeam, url: "https://93.184.215.14/hook", events: ["review.finished"], secretEnc: "sealed", enabled: false, disabledAt: new Date() },
  });
  const delivery = await prisma.webhookDelivery.create({
    data: { teamId: ids.homeTeam, endpointId: endpoint.id, eventId: `msg_${randomUUID()}`, eventType: "review.finished", payload: { marker }, state: "FAILED", retryUntil: new Date() },
  });
  return { endpoint, delivery };
}

const videoParams = { duration: 5, aspectRatio: "16:9", resolution: "720p", generateAudio: true, seed: null, returnLastFrame: false } as const;

// --- The table ---

type ActionCase = {
  kind: "action";
  /** the exported name of the server action */
  name: string;
  input: () => Promise<unknown>;
  expect: Record<Caller, Expected>;
};
type RouteCase = {
  kind: "route";
  /** `METHOD /path` with the route's dynamic segments in brackets, as the file system names them */
  name: string;
  request: () => Promise<{ url: string; init?: RequestInit; params?: Record<string, string | string[]> }>;
  expect: Record<Caller, Expected>;
  /** statuses a public route may answer */
  publicStatuses?: number[];
};
type Case = ActionCase | RouteCase;

const members = (creator: Expected, lead: Expected, admin: Expected) => ({ CREATOR: creator, LEAD: lead, ADMIN: admin });
/** Signed-in members of the home team succeed; others are refused. */
const teamAction = (otherTeam: Expected = "refused"): Record<Caller, Expected> => ({ anonymous: "refused", otherTeam, ...members("ok", "ok", "ok") });
const adminAction = (otherTeam: Expected): Record<Caller, Expected> => ({ anonymous: "refused", otherTeam, ...members("refused", "refused", "ok") });
const teamRead: Record<Caller, Expected> = { anonymous: 401, otherTeam: "ok", ...members("ok", "ok", "ok") };
const teamRecordRead: Record<Caller, Expected> = { anonymous: 401, otherTeam: 404, ...members("ok", "ok", "ok") };
const everyone = (e: Expected): Record<Caller, Expected> => ({ anonymous: e, otherTeam: e, ...members(e, e, e) });

const cases: Case[] = [
  // Sign-in is open to all and answers the same whoever asks; a wrong password is refused.
  { kind: "action", name: "signInAction", input: async () => ({ email: "nobody@example.com", password: "wrong-password" }), expect: everyone("refused") },
  { kind: "action", name: "signOutAction", input: async () => undefined, expect: everyone("public") },
  // A person's language is theirs to choose, signed in or not (signed out, only a cookie is set).
  { kind: "action", name: "savePreferencesAction", input: async () => ({ locale: "en" }), expect: everyone("public") },
  {
    kind: "action",
    name: "savePreferencesFormAction",
    input: async () => {
      const form = new FormData();
      form.set("locale", "en");
      return form;
    },
    expect: everyone("public"),
  },
  // The browser's zone is recorded on the caller's own record only.
  { kind: "action", name: "reportTimeZoneAction", input: async () => ({ timeZone: "UTC" }), expect: { anonymous: "refused", otherTeam: "ok", ...members("ok", "ok", "ok") } },

  {
    kind: "action",
    name: "submitAssetsAction",
    input: async () => ({
      target: { kind: "existing", groupId: ids.group },
      items: [{ source: "upload", uploadId: (await upload(ids.homeTeam, ids.users.secondCreator)).id, name: `${marker}-new` }],
    }),
    expect: teamAction(),
  },
  // Resending a request whose answer was lost is for its author and for leads.
  {
    kind: "action",
    name: "retrySubmissionAction",
    input: async () => ({ submissionId: (await unsentSubmissionWithAsset("UNCERTAIN")).id, resendUncertain: true }),
    expect: { anonymous: "refused", otherTeam: "refused", ...members("refused", "ok", "ok") },
  },
  {
    kind: "action",
    name: "dropSubmissionAction",
    input: async () => ({ submissionId: (await submission("SEND_FAILED")).id }),
    expect: { anonymous: "refused", otherTeam: "refused", ...members("refused", "ok", "ok") },
  },
  {
    kind: "action",
    name: "dismissAssetsAction",
    input: async () => ({ assetIds: [(await asset("REJECTED")).id], note: "not needed" }),
    expect: { anonymous: "refused", otherTeam: "refused", ...members("refused", "ok", "ok") },
  },
  {
    kind: "action",
    name: "resubmitAssetsAction",
    input: async () => ({ assetIds: [(await asset("REJECTED")).id] }),
    expect: { anonymous: "refused", otherTeam: "refused", ...members("refused", "ok", "ok") },
  },
  {
    kind: "action",
    name: "replaceAssetAction",
    input: async () => ({ assetId: (await asset("REJECTED")).id, uploadId: (await upload(ids.homeTeam, ids.users.LEAD)).id }),
    expect: { anonymous: "refused", otherTeam: "refused", ...members("refused", "ok", "ok") },
  },
  {
    kind: "action",
    name: "createVideoJobAction",
    input: async () => ({
      model: "doubao-seedance-2.0",
      prompt: "waves",
      references: [{ assetId: (await asset("APPROVED")).id, type: "IMAGE", role: "reference_image" }],
      ...videoParams,
    }),
    expect: teamAction(),
  },
  { kind: "action", name: "startOneClickJobsAction", input: async () => ({ assetIds: [(await asset("APPROVED")).id] }), expect: teamAction() },
  { kind: "action", name: "retryVideoJobAction", input: async () => ({ jobId: (await videoJob("FAILED")).id }), expect: teamAction() },
  // An admin of another team may change their own team's settings: the home team's stay as they were.
  {
    kind: "action",
    name: "saveGenerationSettingsAction",
    input: async () => ({ defaultPrompt: "", defaults: { ...videoParams, model: "" }, priceTable: { currency: "USD", perSecond: {} } }),
    expect: adminAction("ok"),
  },
  {
    kind: "action",
    name: "saveProviderSettingsAction",
    input: async () => ({ baseUrl: "", apiKey: "", clearApiKey: false, models: "", projectName: "" }),
    expect: adminAction("ok"),
  },
  // Budgets are set by admins; an admin of another team cannot reach a home member.
  { kind: "action", name: "saveTeamBudgetAction", input: async () => ({ monthlyLimit: "", maxRunningJobs: "" }), expect: adminAction("ok") },
  { kind: "action", name: "saveMemberBudgetAction", input: async () => ({ userId: ids.users.secondCreator, monthlyLimit: "" }), expect: adminAction("refused") },
  { kind: "action", name: "testConnectionAction", input: async () => ({ baseUrl: "", apiKey: "" }), expect: adminAction("ok") },
  {
    kind: "action",
    name: "addMemberAction",
    input: async () => ({ email: `new-${randomUUID().slice(0, 8)}@example.com`, role: "CREATOR", password: "long-enough-password" }),
    expect: adminAction("ok"),
  },
  { kind: "action", name: "changeRoleAction", input: async () => ({ membershipId: (await extraMember()).id, role: "LEAD" }), expect: adminAction("refused") },
  { kind: "action", name: "removeMemberAction", input: async () => ({ membershipId: (await extraMember()).id }), expect: adminAction("refused") },

  // API tokens: every member makes their own; a member revokes their own, an admin any of the team's.
  {
    kind: "action",
    name: "createApiTokenAction",
    input: async () => ({ name: "new-token", scopes: ["read"], expiresInDays: null }),
    expect: teamAction("ok"),
  },
  { kind: "action", name: "revokeApiTokenAction", input: async () => ({ tokenId: (await apiTokenOf(ids.users.secondCreator)).id }), expect: adminAction("refused") },
  // Webhook endpoints are the admins'; an admin of another team may add one to their own team.
  {
    kind: "action",
    name: "addWebhookEndpointAction",
    input: async () => ({ url: "https://93.184.215.14/hook", events: ["review.finished"] }),
    expect: adminAction("ok"),
  },
  { kind: "action", name: "removeWebhookEndpointAction", input: async () => ({ endpointId: (await webhookEndpoint()).endpoint.id }), expect: adminAction("refused") },
  { kind: "action", name: "rotateWebhookSecretAction", input: async () => ({ endpointId: (await webhookEndpoint()).endpoint.id }), expect: adminAction("refused") },
  { kind: "action", name: "enableWebhookEndpointAction", input: async () => ({ endpointId: (await webhookEndpoint()).endpoint.id }), expect: adminAction("refused") },
  {
    kind: "action",
    name: "redeliverWebhookAction",
    input: async () => {
      const { endpoint, delivery } = await webhookEndpoint();
      await prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true, disabledAt: null } });
      return { deliveryId: delivery.id };
    },
    expect: adminAction("refused"),
  },

  // Reads the browser polls: the caller's own team only.
  { kind: "route", name: "GET /api/assets", request: async () => ({ url: "/api/assets" }), expect: teamRead },
  { kind: "route", name: "GET /api/assets/[assetId]", request: async () => ({ url: "/api/assets/x", params: { assetId: (await asset("REJECTED")).id } }), expect: teamRecordRead },
  {
    kind: "route",
    name: "GET /api/assets/rejected",
    request: async () => ({ url: "/api/assets/rejected" }),
    expect: { anonymous: 401, otherTeam: "ok", ...members(403, "ok", "ok") },
  },
  { kind: "route", name: "GET /api/approved-assets", request: async () => ({ url: "/api/approved-assets" }), expect: teamRead },
  { kind: "route", name: "GET /api/groups", request: async () => ({ url: "/api/groups" }), expect: teamRead },
  {
    kind: "route",
    name: "GET /api/duplicates",
    request: async () => ({ url: `/api/duplicates?uploadIds=${(await asset("APPROVED")).uploadId}&group=${ids.group}` }),
    expect: teamRead,
  },
  // The audit log and its CSV are for leads and admins.
  {
    kind: "route",
    name: "GET /api/audit/export",
    request: async () => ({ url: "/api/audit/export" }),
    expect: { anonymous: 401, otherTeam: "ok", ...members(403, "ok", "ok") },
  },
  { kind: "route", name: "GET /api/submissions", request: async () => ({ url: "/api/submissions" }), expect: teamRead },
  { kind: "route", name: "GET /api/submissions/watch", request: async () => ({ url: "/api/submissions/watch" }), expect: teamRead },
  { kind: "route", name: "GET /api/video-jobs", request: async () => ({ url: "/api/video-jobs" }), expect: teamRead },
  { kind: "route", name: "GET /api/video-jobs/[id]", request: async () => ({ url: "/api/video-jobs/x", params: { id: (await videoJob("SUCCEEDED")).id } }), expect: teamRecordRead },
  {
    kind: "route",
    name: "GET /api/video-jobs/[id]/download",
    request: async () => ({ url: "/api/video-jobs/x/download", params: { id: (await videoJob("SUCCEEDED")).id } }),
    expect: teamRecordRead,
  },
  {
    kind: "route",
    name: "POST /api/uploads",
    request: async () => ({
      url: "/api/uploads?name=new-avatar.png",
      init: { method: "POST", body: new Uint8Array(uniquePng()), headers: { "content-type": "image/png" } },
    }),
    expect: { anonymous: 401, otherTeam: "ok", ...members("ok", "ok", "ok") },
  },
  // The REST API: callers there carry a personal access token (made in beforeAll), not a session.
  { kind: "route", name: "GET /api/v1/assets", request: async () => ({ url: "/api/v1/assets" }), expect: teamRead },
  { kind: "route", name: "GET /api/v1/assets/[assetId]", request: async () => ({ url: "/api/v1/assets/x", params: { assetId: (await asset("APPROVED")).id } }), expect: teamRecordRead },
  {
    kind: "route",
    name: "GET /api/v1/assets/failed",
    request: async () => ({ url: "/api/v1/assets/failed" }),
    expect: { anonymous: 401, otherTeam: "ok", ...members(403, "ok", "ok") },
  },
  { kind: "route", name: "GET /api/v1/submissions", request: async () => ({ url: "/api/v1/submissions" }), expect: teamRead },
  {
    kind: "route",
    name: "POST /api/v1/submissions",
    request: async () => ({
      url: "/api/v1/submissions",
      init: {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ target: { kind: "existing", groupId: ids.group }, items: [{ source: "url", url: "https://93.184.215.14/a.png", type: "IMAGE", name: `${marker}-api` }] }),
      },
    }),
    expect: { anonymous: 401, otherTeam: 404, ...members("ok", "ok", "ok") },
  },
  {
    kind: "route",
    name: "GET /api/v1/submissions/[submissionId]",
    request: async () => ({ url: "/api/v1/submissions/x", params: { submissionId: (await submission("PARTIAL")).id } }),
    expect: teamRecordRead,
  },
  {
    kind: "route",
    name: "POST /api/v1/uploads",
    request: async () => ({
      url: "/api/v1/uploads?name=api-avatar.png",
      init: { method: "POST", body: new Uint8Array(uniquePng()), headers: { "content-type": "image/png" } },
    }),
    expect: { anonymous: 401, otherTeam: "ok", ...members("ok", "ok", "ok") },
  },
  { kind: "route", name: "GET /api/v1/video-jobs", request: async () => ({ url: "/api/v1/video-jobs" }), expect: teamRead },
  {
    kind: "route",
    name: "POST /api/v1/video-jobs",
    request: async () => ({
      url: "/api/v1/video-jobs",
      init: {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "doubao-seedance-2.0", prompt: "waves", references: [{ assetId: (await asset("APPROVED")).id, type: "IMAGE", role: "reference_image" }], ...videoParams }),
      },
    }),
    expect: { anonymous: 401, otherTeam: 404, ...members("ok", "ok", "ok") },
  },
  { kind: "route", name: "GET /api/v1/video-jobs/[jobId]", request: async () => ({ url: "/api/v1/video-jobs/x", params: { jobId: (await videoJob("SUCCEEDED")).id } }), expect: teamRecordRead },
  {
    kind: "route",
    name: "POST /api/v1/video-jobs/[jobId]/retry",
    request: async () => ({ url: "/api/v1/video-jobs/x/retry", init: { method: "POST" }, params: { jobId: (await videoJob("FAILED")).id } }),
    expect: { anonymous: 401, otherTeam: 404, ...members("ok", "ok", "ok") },
  },
  {
    kind: "route",
    name: "GET /api/v1/video-jobs/[jobId]/video",
    request: async () => ({ url: "/api/v1/video-jobs/x/video", params: { jobId: (await videoJob("SUCCEEDED")).id } }),
    expect: teamRecordRead,
  },
  { kind: "route", name: "GET /api/v1/openapi.json", request: async () => ({ url: "/api/v1/openapi.json" }), expect: everyone("public"), publicStatuses: [200] },
  // Stored files are fetched by the provider, which has no session: they are public by an unguessable key.
  {
    kind: "route",
    name: "GET /files/[...key]",
    request: async () => {
      const up = await upload(ids.homeTeam, ids.users.secondCreator);
      return { url: `/files/${up.storageKey}`, params: { key: up.storageKey.split("/") } };
    },
    expect: everyone("public"),
    publicStatuses: [200],
  },
  {
    kind: "route",
    name: "HEAD /files/[...key]",
    request: async () => {
      const up = await upload(ids.homeTeam, ids.users.secondCreator);
      return { url: `/files/${up.storageKey}`, init: { method: "HEAD" }, params: { key: up.storageKey.split("/") } };
    },
    expect: everyone("public"),
    publicStatuses: [200],
  },
  // Health says nothing about any team; the provider is unreachable in this test, so it reports 503.
  { kind: "route", name: "GET /api/health", request: async () => ({ url: "/api/health" }), expect: everyone("public"), publicStatuses: [200, 503] },
  { kind: "route", name: "GET /api/live", request: async () => ({ url: "/api/live" }), expect: everyone("public"), publicStatuses: [200] },
];

/** Routes served by next-auth itself; e2e/auth.spec.ts signs in and out through them. */
const outsideTheTable = new Set(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]);

// --- Discovery of every action and route in the code ---

const routeModules = import.meta.glob<Record<string, unknown>>(["/app/**/route.ts"]);
const actionFiles = import.meta.glob<string>(["/lib/**/*.ts", "/app/**/*.ts", "/app/**/*.tsx", "!**/*.test.ts", "!**/*.d.ts"], {
  query: "?raw",
  import: "default",
});
const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

function routePath(file: string): string {
  return file
    .replace(/^\/app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/");
}

async function discover(): Promise<{ routes: Map<string, () => Promise<Record<string, unknown>>>; actions: Map<string, string> }> {
  const routes = new Map<string, () => Promise<Record<string, unknown>>>();
  for (const [file, load] of Object.entries(routeModules)) {
    const source = readFileSync(path.join(process.cwd(), file), "utf8");
    for (const method of methods) {
      if (new RegExp(`export (async function|const) ${method}\\b|export const \\{[^}]*\\b${method}\\b`).test(source)) {
        routes.set(`${method} ${routePath(file)}`, load);
      }
    }
  }
  const actions = new Map<string, string>();
  for (const [file, load] of Object.entries(actionFiles)) {
    const source = await load();
    if (!/^\s*["']use server["'];?/m.test(source.split("\n").slice(0, 3).join("\n"))) continue;
    for (const [, name] of source.matchAll(/export (?:const|async function) (\w+)/g)) if (name) actions.set(name, file);
  }
  return { routes, actions };
}

// --- Running a case ---

async function snapshotHomeTeam(): Promise<string> {
  const where = { teamId: ids.homeTeam };
  const [memberships, settings, uploads, groups, submissions, assets, jobs, tokens, endpoints, deliveries] = await Promise.all([
    prisma.membership.findMany({ where, orderBy: { id: "asc" }, select: { id: true, role: true, userId: true } }),
    prisma.teamSettings.findUnique({ where: { teamId: ids.homeTeam } }),
    prisma.upload.findMany({ where, orderBy: { id: "asc" }, select: { id: true } }),
    prisma.assetGroup.findMany({ where, orderBy: { id: "asc" } }),
    prisma.submission.findMany({ where, orderBy: { id: "asc" }, select: { id: true, state: true, attempts: true, updatedAt: true } }),
    prisma.asset.findMany({ where, orderBy: { id: "asc" }, select: { id: true, state: true, updatedAt: true } }),
    prisma.videoJob.findMany({ where, orderBy: { id: "asc" }, select: { id: true, state: true, attempts: true, updatedAt: true } }),
    prisma.apiToken.findMany({ where, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    prisma.webhookEndpoint.findMany({ where, orderBy: { id: "asc" }, select: { id: true, enabled: true, updatedAt: true } }),
    prisma.webhookDelivery.findMany({ where, orderBy: { id: "asc" }, select: { id: true, state: true, updatedAt: true } }),
  ]);
  return JSON.stringify({ memberships, settings, uploads, groups, submissions, assets, jobs, tokens, endpoints, deliveries });
}

type Outcome = { status: number | "ok" | "refused"; message?: string; body?: string };

async function callAction(file: string, name: string, input: unknown): Promise<Outcome> {
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const action = mod[name];
  if (!action) throw new Error(`${file} does not export ${name}`);
  // A stateful action (a form's useActionState) takes the previous state first.
  const result = (await (statefulActions.has(name) ? action({}, input) : action(input))) as { data?: unknown; serverError?: string; validationErrors?: unknown } | undefined;
  if (result?.validationErrors) return { status: "refused", message: `validation: ${JSON.stringify(result.validationErrors)}` };
  if (result?.serverError) return { status: "refused", message: result.serverError };
  // A stateful action answers an expected refusal in its state, for the form to show.
  const stateError = statefulActions.has(name) ? (result?.data as { error?: unknown } | undefined)?.error : undefined;
  if (typeof stateError === "string") return { status: "refused", message: stateError };
  // …or as a catalogue key for the form to translate.
  if (stateError && typeof stateError === "object" && "key" in stateError) return { status: "refused", message: String(stateError.key) };
  return { status: "ok", body: JSON.stringify(result?.data ?? null) };
}

type PreparedRequest = Awaited<ReturnType<RouteCase["request"]>>;

/** Each caller's personal access token with every scope, for `/api/v1` (the anonymous caller has none). */
const apiTokens = new Map<Caller, string>();

async function callRoute(load: () => Promise<Record<string, unknown>>, method: string, prepared: PreparedRequest, caller: Caller): Promise<Outcome> {
  const mod = await load();
  const handler = mod[method] as (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
  const { url, params } = prepared;
  const init: RequestInit = { ...prepared.init, headers: new Headers(prepared.init?.headers) };
  const token = apiTokens.get(caller);
  if (url.startsWith("/api/v1/") && token) (init.headers as Headers).set("authorization", `Bearer ${token}`);
  const response = await handler(new Request(new URL(url, "http://localhost:3000"), init), { params: Promise.resolve(params ?? {}) });
  const body = method === "HEAD" ? "" : Buffer.from(await response.arrayBuffer()).toString("latin1");
  return { status: response.status, body };
}

function userFor(caller: Caller): string | null {
  if (caller === "anonymous") return null;
  return ids.users[caller];
}

let discovered: Awaited<ReturnType<typeof discover>>;

beforeAll(async () => {
  setTestEnv({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: "http://localhost:3000" });
  ({ prisma } = await import("@/lib/db"));
  storage = (await import("@/lib/storage/get-storage")).getStorage();
  discovered = await discover();

  const suffix = randomUUID().slice(0, 8);
  ids.homeTeam = (await prisma.team.create({ data: { name: `Home ${suffix}` } })).id;
  ids.otherTeam = (await prisma.team.create({ data: { name: `Other ${suffix}` } })).id;
  const member = async (teamId: string, role: "ADMIN" | "LEAD" | "CREATOR", label: string) => {
    const user = await prisma.user.create({ data: { email: `${label}-${suffix}@example.com`, name: label } });
    const membership = await prisma.membership.create({ data: { teamId, userId: user.id, role } });
    return { userId: user.id, membershipId: membership.id };
  };
  for (const role of ["ADMIN", "LEAD", "CREATOR"] as const) {
    const m = await member(ids.homeTeam, role, role.toLowerCase());
    ids.users[role] = m.userId;
    ids.memberships[role] = m.membershipId;
  }
  const second = await member(ids.homeTeam, "CREATOR", "second-creator");
  ids.users.secondCreator = second.userId;
  ids.memberships.secondCreator = second.membershipId;
  ids.users.otherTeam = (await member(ids.otherTeam, "ADMIN", "other-admin")).userId;
  const { createApiToken } = await import("@/lib/api-tokens/create-api-token");
  for (const caller of ["otherTeam", "CREATOR", "LEAD", "ADMIN"] as const) {
    const teamId = caller === "otherTeam" ? ids.otherTeam : ids.homeTeam;
    apiTokens.set(caller, (await createApiToken({ id: ids.users[caller], teamId }, { name: "matrix", scopes: ["read", "submit", "generate"], expiresInDays: null })).token);
  }
  ids.group = (await prisma.assetGroup.create({ data: { teamId: ids.homeTeam, name: `${marker} group`, providerGroupId: "group-20260415111540-abcde" } })).id;
});

afterAll(async () => {
  await prisma.videoJob.deleteMany({ where: { teamId: { in: [ids.homeTeam, ids.otherTeam] } } });
  await prisma.asset.deleteMany({ where: { teamId: { in: [ids.homeTeam, ids.otherTeam] } } });
  await prisma.submission.deleteMany({ where: { teamId: { in: [ids.homeTeam, ids.otherTeam] } } });
  await prisma.team.deleteMany({ where: { id: { in: [ids.homeTeam, ids.otherTeam] } } });
  rmSync(storageDir, { recursive: true, force: true });
});

const caseCount = cases.length * callers.length;

describe(`authorization matrix: ${cases.length} actions and routes × ${callers.length} callers = ${caseCount} cases`, () => {
  it("every action and route is in the table, and the table names nothing that does not exist", () => {
    const inCode = [...discovered.actions.keys(), ...[...discovered.routes.keys()].filter((r) => !outsideTheTable.has(r))].sort();
    const inTable = cases.map((c) => c.name).sort();
    expect(inTable).toEqual(inCode);
    expect(caseCount).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases) {
    for (const caller of callers) {
      const expected = c.expect[caller];
      it(`${c.name} as ${caller}: ${expected}`, async () => {
        await Promise.all(backgroundWork.splice(0));
        // The records a case works on are made first; the snapshot is taken just before the call.
        const prepared = c.kind === "action" ? await c.input() : await c.request();
        const before = await snapshotHomeTeam();
        currentUserId = userFor(caller);
        let outcome: Outcome;
        try {
          if (c.kind === "action") {
            const file = discovered.actions.get(c.name);
            expect(file, `${c.name} is not an exported server action`).toBeDefined();
            outcome = await callAction(file!, c.name, prepared);
          } else {
            const method = c.name.split(" ")[0] ?? "";
            const load = discovered.routes.get(c.name);
            expect(load, `${c.name} is not a route`).toBeDefined();
            outcome = await callRoute(load!, method, prepared as PreparedRequest, caller);
          }
        } finally {
          currentUserId = null;
        }
        await Promise.all(backgroundWork.splice(0));
        const detail = `${outcome.status} ${outcome.message ?? ""}`;

        if (expected === "ok") {
          expect(outcome.status === "ok" || (typeof outcome.status === "number" && outcome.status < 300), detail).toBe(true);
        } else if (expected === "public") {
          if (c.kind === "route") expect(c.publicStatuses ?? [200], detail).toContain(outcome.status);
          else expect(outcome.status, detail).toBe("ok");
        } else if (expected === "refused") {
          expect(outcome.status, detail).toBe("refused");
          expect(outcome.message, detail).not.toMatch(/^validation:/);
          if (caller === "anonymous") expect(outcome.message).toBe(c.name === "signInAction" ? "auth.wrongCredentials" : SESSION_ENDED);
        } else {
          expect(outcome.status, detail).toBe(expected);
        }
        if (expected === 403 && c.kind === "route") expect(outcome.body).toContain(NOT_PERMITTED);

        // Nothing of the home team is changed by a call that is not a home member's success...
        const homeSuccess = expected === "ok" && caller !== "otherTeam" && caller !== "anonymous";
        if (!homeSuccess && expected !== "public") expect((await snapshotHomeTeam()) === before, "the home team's records changed").toBe(true);
        // ...and nothing of it is read by anyone outside it.
        if (caller === "otherTeam" || caller === "anonymous") expect(outcome.body ?? "").not.toContain(marker);
      });
    }
  }
});
