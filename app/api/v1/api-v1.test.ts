import { randomUUID } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The settings are read once, when `lib/env` is first imported: give them before any import.
const storageDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/avatar-studio-api-v1-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  Object.assign(process.env, {
    AUTH_SECRET: "api-v1-test-secret-0123456789abcdef0123",
    SETTINGS_ENCRYPTION_KEY: "22".repeat(32),
    UPSTREAM_BASE_URL: "http://127.0.0.1:9",
    UPSTREAM_API_KEY: "sk-api-v1-test",
    UPSTREAM_MAX_RETRIES: "1",
    UPSTREAM_TIMEOUT_MS: "5000",
    PUBLIC_BASE_URL: "http://127.0.0.1:9",
    STORAGE_DIR: dir,
    OUTBOUND_ALLOW_PRIVATE: "1",
    API_RATE_LIMIT_PER_MINUTE: "40",
  });
  return dir;
});

import { validate } from "@readme/openapi-parser";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { prisma } from "@/lib/db";
import { makePng } from "@/lib/media/test-media";
import { boundProviderSettings } from "@/lib/settings/provider-settings-test-kit";
import { getStorage } from "@/lib/storage/get-storage";
import { newStorageKey } from "@/lib/storage/storage-key";
import { pollSubmission } from "@/lib/submissions/poll-submission";
import { type RunningSimulator, startSimulator } from "@/simulator/server";
import { startMediaServer, waitFor } from "@/test/integration-kit";
import { startRouteServer } from "@/test/route-server";

/**
 * `/api/v1` over real HTTP (a socket in front of the route handlers), against real PostgreSQL
 * and the provider simulator: tokens and their scopes, revocation, role changes and removal
 * applying at once, other teams' records, every endpoint's answer and errors, idempotent POSTs,
 * the rate limit, and the OpenAPI document.
 */

const KEY = "sk-api-v1-test";
const routeFiles = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts");

let sim: RunningSimulator;
let media: Awaited<ReturnType<typeof startMediaServer>>;
let server: Awaited<ReturnType<typeof startRouteServer>>;
const ids = { team: "", otherTeam: "", admin: "", lead: "", creator: "", other: "" };
let approvedAssetId = "";

async function member(teamId: string, role: "ADMIN" | "LEAD" | "CREATOR", label: string) {
  const user = await prisma.user.create({ data: { email: `${label}-${randomUUID().slice(0, 8)}@example.com`, name: label } });
  await prisma.membership.create({ data: { teamId, userId: user.id, role } });
  return user.id;
}

async function token(userId: string, scopes: TokenScope[] = ["read", "submit", "generate"], teamId = ids.team, expiresInDays: number | null = null) {
  return (await createApiToken({ id: userId, teamId }, { name: `t-${randomUUID().slice(0, 6)}`, scopes, expiresInDays })).token;
}

type Answer = { status: number; headers: Headers; json: any; text: string };

async function call(method: string, pathAndQuery: string, options: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${server.url}${pathAndQuery}`, { method, headers, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.json.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(answer.json.error.requestId).toBe(answer.headers.get("x-request-id"));
}

async function finishReviews(submissionIds: string[]) {
  await waitFor(
    "the reviews to finish",
    async () => {
      const rows = await prisma.submission.findMany({ where: { id: { in: submissionIds } } });
      for (const row of rows) if (row.state === "SENT") await pollSubmission({ submissionId: row.id, teamId: row.teamId, dueAt: row.nextPollAt });
      const after = await prisma.submission.findMany({ where: { id: { in: submissionIds } }, select: { state: true } });
      return after.every((s) => s.state !== "SENT" && s.state !== "QUEUED");
    },
    20_000,
    150,
  );
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKeys: [KEY], reviewMs: 50, videoMs: 200, downloadTimeoutMs: 2000 });
  media = await startMediaServer();
  server = await startRouteServer(routeFiles);
  const suffix = randomUUID().slice(0, 8);
  ids.team = (await prisma.team.create({ data: { name: `API ${suffix}` } })).id;
  ids.otherTeam = (await prisma.team.create({ data: { name: `API other ${suffix}` } })).id;
  await prisma.teamSettings.create({ data: { teamId: ids.team, ...boundProviderSettings(sim.url, KEY) } });
  ids.admin = await member(ids.team, "ADMIN", "admin");
  ids.lead = await member(ids.team, "LEAD", "lead");
  ids.creator = await member(ids.team, "CREATOR", "creator");
  ids.other = await member(ids.otherTeam, "ADMIN", "other");
});

afterAll(async () => {
  await prisma.videoJob.deleteMany({ where: { teamId: { in: [ids.team, ids.otherTeam] } } });
  await prisma.asset.deleteMany({ where: { teamId: { in: [ids.team, ids.otherTeam] } } });
  await prisma.submission.deleteMany({ where: { teamId: { in: [ids.team, ids.otherTeam] } } });
  await prisma.team.deleteMany({ where: { id: { in: [ids.team, ids.otherTeam] } } });
  await server?.close();
  await media?.close();
  await sim?.close();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("tokens", () => {
  it("refuses a request without a token, with a malformed one and with an unknown one", async () => {
    expectError(await call("GET", "/api/v1/assets"), 401, "UNAUTHENTICATED");
    expectError(await call("GET", "/api/v1/assets", { headers: { authorization: "Bearer nope" } }), 401, "UNAUTHENTICATED");
    expectError(await call("GET", "/api/v1/assets", { token: `ast_${"A".repeat(43)}` }), 401, "UNAUTHENTICATED");
  });

  it("stores only the hash, records when a token was last used, and stops a revoked or expired token at once", async () => {
    const secret = await token(ids.creator, ["read"]);
    expect(secret).toMatch(/^ast_[A-Za-z0-9]{43}$/);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { userId: ids.creator }, orderBy: { createdAt: "desc" } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.lastUsedAt).toBeNull();
    expect((await call("GET", "/api/v1/assets", { token: secret })).status).toBe(200);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
    await revokeApiToken({ id: ids.creator, teamId: ids.team, role: "CREATOR" }, row.id);
    expectError(await call("GET", "/api/v1/assets", { token: secret }), 401, "UNAUTHENTICATED");

    const expiring = await token(ids.creator, ["read"], ids.team, 1);
    expect((await call("GET", "/api/v1/assets", { token: expiring })).status).toBe(200);
    await prisma.apiToken.updateMany({ where: { userId: ids.creator, expiresAt: { not: null } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await call("GET", "/api/v1/assets", { token: expiring }), 401, "UNAUTHENTICATED");
  });

  it("acts with the member's role as it is now, and not at all once the member is removed", async () => {
    const userId = await member(ids.team, "LEAD", "changing");
    const secret = await token(userId, ["read"]);
    expect((await call("GET", "/api/v1/assets/failed", { token: secret })).status).toBe(200);
    await prisma.membership.update({ where: { userId }, data: { role: "CREATOR" } });
    expectError(await call("GET", "/api/v1/assets/failed", { token: secret }), 403, "FORBIDDEN");
    await prisma.membership.delete({ where: { userId } });
    expectError(await call("GET", "/api/v1/assets", { token: secret }), 401, "UNAUTHENTICATED");
  });

  it("keeps each token to its scopes", async () => {
    const readOnly = await token(ids.admin, ["read"]);
    const submitOnly = await token(ids.admin, ["submit"]);
    expectError(await call("POST", "/api/v1/submissions", { token: readOnly, body: {} }), 403, "FORBIDDEN");
    expectError(await call("POST", "/api/v1/video-jobs", { token: submitOnly, body: {} }), 403, "FORBIDDEN");
    expectError(await call("GET", "/api/v1/assets", { token: submitOnly }), 403, "FORBIDDEN");
    expectError(await call("POST", "/api/v1/uploads?name=a.png", { token: readOnly, raw: new Uint8Array(makePng(400, 400, 1)) }), 403, "FORBIDDEN");
  });
});

describe("submitting and reading", () => {
  let secret = "";
  const submissionIds: string[] = [];

  beforeAll(async () => {
    secret = await token(ids.creator);
  });

  it("uploads a file and submits it with a URL into a new group; both are then readable", async () => {
    const png = makePng(640, 480, 4242);
    const uploaded = await call("POST", "/api/v1/uploads?name=hero.png", { token: secret, raw: new Uint8Array(png), headers: { "content-type": "image/png" } });
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.json).toMatchObject({ upload: { fileName: "hero.png", type: "IMAGE", width: 640, height: 480 }, deduplicated: false });
    expect(uploaded.headers.get("ratelimit-limit")).toBe("40");

    const submitted = await call("POST", "/api/v1/submissions", {
      token: secret,
      body: {
        target: { kind: "new", name: `API group ${randomUUID().slice(0, 6)}` },
        items: [
          { source: "upload", uploadId: uploaded.json.upload.id, name: "hero" },
          { source: "url", url: `${media.url}/villain.png`, type: "IMAGE", name: "villain" },
        ],
      },
    });
    expect(submitted.status, submitted.text).toBe(201);
    expect(submitted.json.submissions).toHaveLength(1);
    expect(submitted.json.submissions[0]).toMatchObject({ assetType: "IMAGE", state: "SENT", assets: [{ name: "hero" }, { name: "villain" }] });
    submissionIds.push(submitted.json.submissions[0].id);
    await finishReviews(submissionIds);

    const read = await call("GET", `/api/v1/submissions/${submissionIds[0]}`, { token: secret });
    expect(read.status).toBe(200);
    const villain = read.json.submission.assets.find((a: { name: string }) => a.name === "villain");
    expect(villain).toMatchObject({ state: "APPROVED", assetUrl: expect.stringMatching(/^asset:\/\//) });
    approvedAssetId = villain.id;

    const asset = await call("GET", `/api/v1/assets/${approvedAssetId}`, { token: secret });
    expect(asset.status).toBe(200);
    expect(asset.json.asset).toMatchObject({ id: approvedAssetId, name: "villain", state: "APPROVED", submissionId: submissionIds[0] });
  });

  it("refuses bad input with INVALID_INPUT and writes nothing", async () => {
    const before = await prisma.submission.count({ where: { teamId: ids.team } });
    expectError(await call("POST", "/api/v1/submissions", { token: secret, body: { target: { kind: "new", name: "x" }, items: [] } }), 400, "INVALID_INPUT");
    expectError(await call("POST", "/api/v1/submissions", { token: secret, raw: "{not json", headers: { "content-type": "application/json" } }), 400, "INVALID_INPUT");
    const privateUrl = await call("POST", "/api/v1/submissions", {
      token: secret,
      body: { target: { kind: "new", name: "x" }, items: [{ source: "url", url: "http://169.254.169.254/latest.png", type: "IMAGE", name: "meta" }] },
    });
    expectError(privateUrl, 400, "INVALID_INPUT");
    expectError(await call("POST", "/api/v1/submissions", { token: secret, body: { target: { kind: "existing", groupId: "nope" }, items: [{ source: "url", url: `${media.url}/a.png`, type: "IMAGE", name: "a" }] } }), 404, "NOT_FOUND");
    const tiny = await call("POST", "/api/v1/uploads?name=tiny.png", { token: secret, raw: new Uint8Array(makePng(100, 100, 9)), headers: { "content-type": "image/png" } });
    expect(tiny.status).toBe(422);
    expect(tiny.json).toMatchObject({ error: { code: "FILE_REFUSED" }, violations: [{ code: "IMAGE_SIDE_OUT_OF_RANGE" }] });
    expectError(await call("POST", "/api/v1/uploads", { token: secret, raw: new Uint8Array(makePng(400, 400, 10)) }), 400, "INVALID_INPUT");
    expect(await prisma.submission.count({ where: { teamId: ids.team } })).toBe(before);
  });

  it("pages through submissions and assets by cursor, with filters", async () => {
    const more = await call("POST", "/api/v1/submissions", {
      token: secret,
      body: { target: { kind: "new", name: `Second ${randomUUID().slice(0, 6)}` }, items: [{ source: "url", url: `${media.url}/second.png`, type: "IMAGE", name: "second-one" }] },
    });
    expect(more.status).toBe(201);
    submissionIds.push(more.json.submissions[0].id);

    const first = await call("GET", "/api/v1/submissions?limit=1", { token: secret });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(1);
    expect(first.json.items[0].id).toBe(submissionIds[1]);
    const second = await call("GET", `/api/v1/submissions?limit=1&cursor=${first.json.nextCursor}`, { token: secret });
    expect(second.json.items[0].id).toBe(submissionIds[0]);

    const approved = await call("GET", "/api/v1/assets?state=approved&q=villain", { token: secret });
    expect(approved.json.items.map((a: { id: string }) => a.id)).toEqual([approvedAssetId]);
    const pageOne = await call("GET", "/api/v1/assets?limit=1", { token: secret });
    const pageTwo = await call("GET", `/api/v1/assets?limit=1&cursor=${pageOne.json.nextCursor}`, { token: secret });
    expect(pageTwo.json.items[0].id).not.toBe(pageOne.json.items[0].id);
    expectError(await call("GET", "/api/v1/assets?cursor=garbage!", { token: secret }), 400, "INVALID_INPUT");
    expectError(await call("GET", "/api/v1/submissions?state=NOPE", { token: secret }), 400, "INVALID_INPUT");
    expectError(await call("GET", "/api/v1/submissions/nope", { token: secret }), 404, "NOT_FOUND");
    expectError(await call("GET", "/api/v1/assets/nope", { token: secret }), 404, "NOT_FOUND");
  });

  it("lists the failed queue for leads with the reason in plain words, and refuses creators", async () => {
    const subId = submissionIds[0]!;
    const sub = await prisma.submission.findUniqueOrThrow({ where: { id: subId }, select: { groupId: true } });
    await prisma.asset.create({
      data: { teamId: ids.team, submissionId: subId, groupId: sub.groupId, name: "rejected-one", type: "IMAGE", state: "REJECTED", sourceUrl: `${media.url}/r.png`, failureCode: "InputImageSensitiveContentDetected.PrivacyInformation", failureReason: "the image may contain a real person", createdById: ids.creator },
    });
    const lead = await token(ids.lead, ["read"]);
    const queue = await call("GET", "/api/v1/assets/failed", { token: lead });
    expect(queue.status).toBe(200);
    expect(queue.json.items[0]).toMatchObject({ name: "rejected-one", state: "REJECTED", explanation: { category: "privacy" } });
    expectError(await call("GET", "/api/v1/assets/failed", { token: secret }), 403, "FORBIDDEN");
  });

  it("shows another team nothing of this one", async () => {
    const other = await token(ids.other, ["read", "submit", "generate"], ids.otherTeam);
    expectError(await call("GET", `/api/v1/assets/${approvedAssetId}`, { token: other }), 404, "NOT_FOUND");
    expectError(await call("GET", `/api/v1/submissions/${submissionIds[0]}`, { token: other }), 404, "NOT_FOUND");
    expect((await call("GET", "/api/v1/assets", { token: other })).json.items).toEqual([]);
    expect((await call("GET", "/api/v1/submissions", { token: other })).json.items).toEqual([]);
    const refs = [{ assetId: approvedAssetId, type: "IMAGE", role: "reference_image" }];
    const job = await call("POST", "/api/v1/video-jobs", { token: other, body: { model: "doubao-seedance-2.0", prompt: "waves", references: refs, duration: 5, aspectRatio: "16:9", resolution: "720p", generateAudio: true, seed: null, returnLastFrame: false } });
    expect(job.status).toBeGreaterThanOrEqual(400);
    expect(job.status).toBeLessThan(500);
    expect(await prisma.videoJob.count({ where: { teamId: ids.otherTeam } })).toBe(0);
  });
});

describe("video jobs", () => {
  let secret = "";
  const request = () => ({
    model: "doubao-seedance-2.0",
    prompt: "The avatar waves.",
    references: [{ assetId: approvedAssetId, type: "IMAGE", role: "reference_image" }],
    duration: 5,
    aspectRatio: "16:9",
    resolution: "720p",
    generateAudio: true,
    seed: null,
    returnLastFrame: false,
  });

  beforeAll(async () => {
    secret = await token(ids.creator);
  });

  it("starts, lists and reads a job", async () => {
    expect(approvedAssetId).not.toBe("");
    const created = await call("POST", "/api/v1/video-jobs", { token: secret, body: request() });
    expect(created.status, created.text).toBe(201);
    expect(created.json.job).toMatchObject({ state: "SENT", model: "doubao-seedance-2.0", references: [{ assetId: approvedAssetId }] });
    expect(created.json.job.raw).toBeUndefined();
    const listed = await call("GET", "/api/v1/video-jobs?limit=5", { token: secret });
    expect(listed.json.items[0].id).toBe(created.json.job.id);
    const read = await call("GET", `/api/v1/video-jobs/${created.json.job.id}`, { token: secret });
    expect(read.json.job.id).toBe(created.json.job.id);
    expectError(await call("GET", "/api/v1/video-jobs/nope", { token: secret }), 404, "NOT_FOUND");
    expectError(await call("POST", "/api/v1/video-jobs", { token: secret, body: { ...request(), references: [{ assetId: "nope", type: "IMAGE", role: "reference_image" }] } }), 404, "NOT_FOUND");
  });

  it("retries a job that could not be sent, and refuses one that is running", async () => {
    const failed = await prisma.videoJob.create({
      data: {
        teamId: ids.team,
        createdById: ids.creator,
        model: "doubao-seedance-2.0",
        prompt: "again",
        params: { duration: 5, aspectRatio: "16:9", resolution: "720p", generateAudio: true, seed: null, returnLastFrame: false },
        state: "SEND_FAILED",
        idempotencyKey: randomUUID(),
        error: "The provider could not be reached.",
        finishedAt: new Date(),
        references: { create: [{ assetId: approvedAssetId, role: "reference_image", position: 0 }] },
      },
    });
    const retried = await call("POST", `/api/v1/video-jobs/${failed.id}/retry`, { token: secret, body: {} });
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json.job).toMatchObject({ id: failed.id, state: "SENT" });
    const again = await call("POST", `/api/v1/video-jobs/${failed.id}/retry`, { token: secret });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expectError(await call("POST", "/api/v1/video-jobs/nope/retry", { token: secret }), 404, "NOT_FOUND");
  });

  it("downloads a finished job's video from storage", async () => {
    const bytes = makePng(320, 320, 77);
    const videoKey = newStorageKey(ids.team, "video.mp4");
    await getStorage().put(Readable.from([bytes]), videoKey, { maxBytes: 10_000_000 });
    const job = await prisma.videoJob.create({
      data: {
        teamId: ids.team,
        createdById: ids.creator,
        model: "doubao-seedance-2.0",
        params: { duration: 5, aspectRatio: "16:9", resolution: "720p", generateAudio: true, seed: null, returnLastFrame: false },
        state: "SUCCEEDED",
        idempotencyKey: randomUUID(),
        videoKey,
        finishedAt: new Date(),
      },
    });
    const response = await fetch(`${server.url}/api/v1/video-jobs/${job.id}/video`, { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("content-disposition")).toContain(`avatar-video-${job.id}.mp4`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expectError(await call("GET", `/api/v1/video-jobs/${job.id}/video?file=last-frame`, { token: secret }), 404, "NOT_FOUND");
    expectError(await call("GET", `/api/v1/video-jobs/${job.id}/video?file=other`, { token: secret }), 400, "INVALID_INPUT");
    const other = await token(ids.other, ["read"], ids.otherTeam);
    expectError(await call("GET", `/api/v1/video-jobs/${job.id}/video`, { token: other }), 404, "NOT_FOUND");
  });
});

describe("idempotent POSTs", () => {
  it("answers a repeated submit with the first answer, and refuses the key for another body", async () => {
    const secret = await token(ids.creator);
    const key = randomUUID();
    const body = { target: { kind: "new", name: `Idem ${key.slice(0, 6)}` }, items: [{ source: "url", url: `${media.url}/idem.png`, type: "IMAGE", name: "idem" }] };
    const first = await call("POST", "/api/v1/submissions", { token: secret, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    const second = await call("POST", "/api/v1/submissions", { token: secret, body, headers: { "idempotency-key": key } });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json).toEqual(first.json);
    expect(await prisma.submission.count({ where: { groupId: first.json.groupId } })).toBe(1);

    const changed = await call("POST", "/api/v1/submissions", { token: secret, body: { ...body, projectName: "other" }, headers: { "idempotency-key": key } });
    expectError(changed, 422, "IDEMPOTENCY_KEY_REUSED");
    // The key belongs to the token: another token may use the same key for its own request.
    const another = await token(ids.creator);
    const theirs = await call("POST", "/api/v1/submissions", { token: another, body: { ...body, items: [{ ...body.items[0], name: "idem-two" }] }, headers: { "idempotency-key": key } });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  it("replays an upload sent twice under one key, and refuses the key for other bytes", async () => {
    const secret = await token(ids.creator, ["submit"]);
    const key = randomUUID();
    const png = new Uint8Array(makePng(500, 500, 31337));
    const first = await call("POST", "/api/v1/uploads?name=idem.png", { token: secret, raw: png, headers: { "idempotency-key": key, "content-type": "image/png" } });
    expect(first.status).toBe(201);
    const second = await call("POST", "/api/v1/uploads?name=idem.png", { token: secret, raw: png, headers: { "idempotency-key": key, "content-type": "image/png" } });
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json).toEqual(first.json);
    const other = await call("POST", "/api/v1/uploads?name=idem.png", { token: secret, raw: new Uint8Array(makePng(500, 500, 31338)), headers: { "idempotency-key": key, "content-type": "image/png" } });
    expectError(other, 422, "IDEMPOTENCY_KEY_REUSED");
  });

  it("keeps an expected refusal under its key too", async () => {
    const secret = await token(ids.creator);
    const key = randomUUID();
    const body = { target: { kind: "existing", groupId: "missing" }, items: [{ source: "url", url: `${media.url}/a.png`, type: "IMAGE", name: "a" }] };
    const first = await call("POST", "/api/v1/submissions", { token: secret, body, headers: { "idempotency-key": key } });
    expectError(first, 404, "NOT_FOUND");
    const second = await call("POST", "/api/v1/submissions", { token: secret, body, headers: { "idempotency-key": key } });
    expect(second.status).toBe(404);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expectError(await call("POST", "/api/v1/submissions", { token: secret, body, headers: { "idempotency-key": " " } }), 400, "INVALID_INPUT");
  });
});

describe("rate limit", () => {
  it("counts requests per token, says so in RateLimit-* headers, and answers 429 with Retry-After past the limit", async () => {
    const secret = await token(ids.creator, ["read"]);
    const fresh = await token(ids.creator, ["read"]);
    let limited: Answer | null = null;
    let previous: Answer | null = null;
    for (let i = 0; i < 2 * 40 + 2 && !limited; i++) {
      const answer = await call("GET", "/api/v1/submissions?limit=1", { token: secret });
      if (answer.status === 429) limited = answer;
      else previous = answer;
    }
    expect(limited).not.toBeNull();
    expectError(limited!, 429, "RATE_LIMITED");
    expect(limited!.headers.get("ratelimit-remaining")).toBe("0");
    const retryAfter = Number(limited!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(previous!.headers.get("ratelimit-limit")).toBe("40");
    // Another token of the same member has its own count.
    expect((await call("GET", "/api/v1/submissions?limit=1", { token: fresh })).status).toBe(200);
  });
});

describe("OpenAPI document", () => {
  it("is served without a token, is valid OpenAPI 3.1, and names every /api/v1 route and method", async () => {
    const answer = await call("GET", "/api/v1/openapi.json");
    expect(answer.status).toBe(200);
    const doc = answer.json;
    expect(doc.openapi).toBe("3.1.0");
    await expect(validate(structuredClone(doc))).resolves.toMatchObject({ valid: true });

    const root = path.resolve(import.meta.dirname);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else if (entry.name === "route.ts") files.push(path.join(dir, entry.name));
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const route = `/api/v1${path.dirname(file).slice(root.length)}`.replace(/\[([^\]]+)\]/g, "{$1}");
      const mod = (await routeFiles[`/app/api/v1${path.dirname(file).slice(root.length)}/route.ts`]!()) as Record<string, unknown>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      expect(methods.length, route).toBeGreaterThan(0);
      for (const method of methods) expect(doc.paths[route]?.[method.toLowerCase()], `${method} ${route}`).toBeDefined();
    }
  });
});
