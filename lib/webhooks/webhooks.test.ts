import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PgBoss } from "pg-boss";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { setTestEnv, startMediaServer, useOwnDatabase, waitFor } from "@/test/integration-kit";

/**
 * Webhooks end to end against real PostgreSQL (a database of this file's own), pg-boss and a
 * receiver over HTTP on loopback (allowed here by the operator's OUTBOUND_ALLOW_PRIVATE, as the
 * test kit sets it): a review's events signed per Standard Webhooks and checked with the same
 * library, retries after 500s, redelivery by hand, nothing sent after the endpoint is removed,
 * and an endpoint failing for a day turned off.
 */

const API_KEY = "sk-webhooks-test";

type Received = { headers: IncomingHttpHeaders; body: string; at: number };

let db: Awaited<ReturnType<typeof useOwnDatabase>>;
let sim: RunningSimulator;
let media: Awaited<ReturnType<typeof startMediaServer>>;
let receiver: Server;
let receiverUrl = "";
const received: Received[] = [];
/** Answers for the next requests, in order; 200 once they run out. */
const script: number[] = [];
let boss: PgBoss;
let teamId = "";
let adminId = "";

let prisma: typeof import("@/lib/db").prisma;
let addWebhookEndpoint: typeof import("@/lib/webhooks/add-webhook-endpoint").addWebhookEndpoint;
let removeWebhookEndpoint: typeof import("@/lib/webhooks/remove-webhook-endpoint").removeWebhookEndpoint;
let redeliverWebhook: typeof import("@/lib/webhooks/redeliver-webhook").redeliverWebhook;
let emitWebhookEvent: typeof import("@/lib/webhooks/emit-webhook-event").emitWebhookEvent;
let deliverWebhook: typeof import("@/lib/webhooks/deliver-webhook").deliverWebhook;

beforeAll(async () => {
  setTestEnv({ UPSTREAM_API_KEY: API_KEY });
  db = await useOwnDatabase("webhooks");
  ({ prisma } = await import("@/lib/db"));
  ({ addWebhookEndpoint } = await import("@/lib/webhooks/add-webhook-endpoint"));
  ({ removeWebhookEndpoint } = await import("@/lib/webhooks/remove-webhook-endpoint"));
  ({ redeliverWebhook } = await import("@/lib/webhooks/redeliver-webhook"));
  ({ emitWebhookEvent } = await import("@/lib/webhooks/emit-webhook-event"));
  ({ deliverWebhook } = await import("@/lib/webhooks/deliver-webhook"));
  const { startSimulator } = await import("@/simulator/server");
  sim = await startSimulator({ port: 0, apiKeys: [API_KEY], reviewMs: 100 });
  media = await startMediaServer();

  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
    res.writeHead(script.shift() ?? 200).end("ok");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const { boundProviderSettings } = await import("@/lib/settings/provider-settings-test-kit");
  teamId = (await prisma.team.create({ data: { name: `Hooks ${randomUUID().slice(0, 6)}` } })).id;
  adminId = (await prisma.user.create({ data: { email: `hooks-${randomUUID().slice(0, 8)}@example.com` } })).id;
  await prisma.membership.create({ data: { teamId, userId: adminId, role: "ADMIN" } });
  await prisma.teamSettings.create({ data: { teamId, ...boundProviderSettings(sim.url, API_KEY) } });

  const { createBoss } = await import("@/lib/jobs/boss");
  const { registerWebhookJobs } = await import("@/lib/webhooks/webhook-jobs");
  boss = createBoss();
  boss.on("error", () => {});
  await boss.start();
  await registerWebhookJobs(boss);
}, 120_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, timeout: 2000 }).catch(() => {});
  await new Promise<void>((resolve) => {
    receiver?.closeAllConnections();
    receiver ? receiver.close(() => resolve()) : resolve();
  });
  await media?.close();
  await sim?.close();
  await db?.restore();
});

const actor = () => ({ id: adminId, teamId });

async function finishReview(submissionIds: string[]) {
  const { pollSubmission } = await import("@/lib/submissions/poll-submission");
  await waitFor(
    "the review to finish",
    async () => {
      const rows = await prisma.submission.findMany({ where: { id: { in: submissionIds } } });
      for (const row of rows) if (row.state === "SENT") await pollSubmission({ submissionId: row.id, teamId, dueAt: row.nextPollAt });
      return (await prisma.submission.findMany({ where: { id: { in: submissionIds } } })).every((r) => r.state !== "SENT");
    },
    20_000,
    150,
  );
}

describe("webhook endpoints", () => {
  it("refuses link-local targets and URLs that are not http(s)", async () => {
    await expect(addWebhookEndpoint(actor(), { url: "http://169.254.169.254/hook", events: ["review.finished"] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const { addWebhookEndpointSchema } = await import("@/lib/webhooks/add-webhook-endpoint.validation");
    expect(addWebhookEndpointSchema.safeParse({ url: "file:///etc/passwd", events: ["review.finished"] }).success).toBe(false);
    expect(addWebhookEndpointSchema.safeParse({ url: receiverUrl, events: [] }).success).toBe(false);
    expect(await prisma.webhookEndpoint.count({ where: { teamId } })).toBe(0);
  });

  it("signs a review's events, retries after a 500, and can be sent again by hand", async () => {
    const endpoint = await addWebhookEndpoint(actor(), { url: receiverUrl, events: ["review.finished", "asset.approved"] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secretEnc).not.toContain(endpoint.secret.slice(6));
    const verifier = new Webhook(endpoint.secret);

    // The first delivery of each event fails once.
    script.push(500, 500);
    const { submitAssets } = await import("@/lib/submissions/submit-assets");
    const result = await submitAssets(
      { target: { kind: "new", name: "Hooked" }, projectName: "default", items: [{ source: "url", type: "IMAGE", name: "hero", url: `${media.url}/hero.png` }] },
      { teamId, userId: adminId },
    );
    await finishReview(result.submissions.map((s) => s.id));

    // Both events were answered 500 once, then delivered on the retry a few seconds later.
    await waitFor("both events to be delivered", async () => (await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id, state: "SUCCEEDED" } })) === 2, 30_000, 250);
    expect(received).toHaveLength(4);
    const events = received.map((r) => verifier.verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, unknown> });
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(["review.finished", "asset.approved"]));
    const finished = events.find((e) => e.type === "review.finished")!;
    expect(finished.data).toMatchObject({ submissionId: result.submissions[0]!.id, state: "COMPLETED", approved: 1, rejected: 0 });
    const approved = events.find((e) => e.type === "asset.approved")!;
    expect(approved.data).toMatchObject({ name: "hero", state: "APPROVED", assetUrl: expect.stringMatching(/^asset:\/\//) });
    // A retry carries the same webhook-id, so a receiver can drop a duplicate.
    const byId = new Map<string, number>();
    for (const r of received) byId.set(String(r.headers["webhook-id"]), (byId.get(String(r.headers["webhook-id"])) ?? 0) + 1);
    expect([...byId.values()]).toEqual([2, 2]);
    // A wrong secret does not verify.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(received[0]!.body, received[0]!.headers as Record<string, string>)).toThrow();

    const deliveries = await prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
    for (const d of deliveries) {
      expect(d.attempts).toBe(2);
      expect(d.attemptLog.map((a) => a.statusCode)).toEqual([500, 200]);
      expect(d.attemptLog[1]!.at.getTime() - d.attemptLog[0]!.at.getTime()).toBeGreaterThanOrEqual(4_500);
    }
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();

    const count = received.length;
    await redeliverWebhook(actor(), deliveries[0]!.id);
    await waitFor("the redelivery", async () => received.length > count, 10_000);
    expect(received.at(-1)!.headers["webhook-id"]).toBe(deliveries[0]!.eventId);
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveries[0]!.id } })).attempts).toBe(3);
    await removeWebhookEndpoint(actor(), endpoint.id);
  });

  it("sends only the events an endpoint chose, and nothing once it is removed", async () => {
    const endpoint = await addWebhookEndpoint(actor(), { url: receiverUrl, events: ["video.failed"] });
    const before = received.length;
    await prisma.$transaction((tx) => emitWebhookEvent(tx, { teamId, type: "review.finished", data: { n: 1 } }));
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);

    // Failing answers: the delivery waits for its retry; the endpoint is removed meanwhile.
    script.push(500, 500, 500);
    await prisma.$transaction((tx) => emitWebhookEvent(tx, { teamId, type: "video.failed", data: { jobId: "j1" } }));
    await waitFor("the first attempt", async () => received.length > before, 10_000);
    await removeWebhookEndpoint(actor(), endpoint.id);
    const after = received.length;
    await new Promise((r) => setTimeout(r, 7_000));
    expect(received.length).toBe(after);
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    script.length = 0;
  });

  it("rotates a secret: for a day deliveries carry both signatures and verify with either secret, then only the new one signs", async () => {
    const endpoint = await addWebhookEndpoint(actor(), { url: receiverUrl, events: ["video.succeeded"] });
    const { rotateWebhookSecret, SECRET_OVERLAP_MS } = await import("@/lib/webhooks/rotate-webhook-secret");
    const rotatedAt = new Date();
    const rotated = await rotateWebhookSecret(actor(), endpoint.id, rotatedAt);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(new Date(rotated.previousValidUntil).getTime() - rotatedAt.getTime()).toBe(SECRET_OVERLAP_MS);
    expect(await prisma.auditEvent.count({ where: { teamId, action: "webhook.secret_rotated", targetId: endpoint.id } })).toBe(1);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secretEnc).not.toContain(rotated.secret.slice(6));

    const receive = async (data: Record<string, unknown>) => {
      const before = received.length;
      await prisma.$transaction((tx) => emitWebhookEvent(tx, { teamId, type: "video.succeeded", data }));
      await waitFor("the delivery", async () => received.length > before, 10_000);
      return received.at(-1)!;
    };
    // During the overlap: two space-separated signatures, and each secret verifies on its own.
    const during = await receive({ jobId: "during" });
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated.secret]) {
      expect(new Webhook(secret).verify(during.body, during.headers as Record<string, string>)).toMatchObject({ data: { jobId: "during" } });
    }

    // After the overlap: only the new secret signs.
    await prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
    const after = await receive({ jobId: "after" });
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(new Webhook(rotated.secret).verify(after.body, after.headers as Record<string, string>)).toMatchObject({ data: { jobId: "after" } });
    expect(() => new Webhook(endpoint.secret).verify(after.body, after.headers as Record<string, string>)).toThrow();

    // Another team's admin cannot rotate it.
    await expect(rotateWebhookSecret({ id: adminId, teamId: "another-team" }, endpoint.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeWebhookEndpoint(actor(), endpoint.id);
  });

  it("sends every delivery through the outbound guard: a link-local target stored in the row is refused at send time, not fetched", async () => {
    const endpoint = await addWebhookEndpoint(actor(), { url: receiverUrl, events: ["video.failed"] });
    // As if the address had changed meanwhile: the URL is checked again on every attempt.
    await prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: "http://169.254.169.254/latest/meta-data" } });
    const before = received.length;
    await prisma.$transaction((tx) => emitWebhookEvent(tx, { teamId, type: "video.failed", data: { jobId: "guarded" } }));
    await waitFor("the refused attempt", async () => (await prisma.webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } })) > 0, 10_000);
    const [attempt] = await prisma.webhookAttempt.findMany({ where: { delivery: { endpointId: endpoint.id } } });
    expect(attempt).toMatchObject({ statusCode: null });
    expect(attempt!.error).toMatch(/link-local|not allowed|refused|private/i);
    expect(received.length).toBe(before);
    await removeWebhookEndpoint(actor(), endpoint.id);
  });

  it("turns off an endpoint failing for a day, says so in the audit log, and gives up a delivery after its day", async () => {
    const endpoint = await addWebhookEndpoint(actor(), { url: receiverUrl, events: ["video.succeeded"] });
    const later = new Date(Date.now() + 3600_000);
    await prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(later.getTime() - 25 * 3600_000) } });
    const delivery = await prisma.webhookDelivery.create({
      data: { teamId, endpointId: endpoint.id, eventId: "msg_test", eventType: "video.succeeded", payload: { type: "video.succeeded", data: {} }, nextAttemptAt: new Date(later.getTime() - 1000), retryUntil: new Date(later.getTime() + 1000) },
    });
    script.push(503);
    expect(await deliverWebhook(delivery.id, { now: () => later })).toBe("failed");
    const off = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(off.enabled).toBe(false);
    // The last failure is kept (as a key, the status beside it) and worded on the listing.
    expect(off.disabledReason).toBe("webhookEndpointAnswered");
    expect(await prisma.auditEvent.count({ where: { teamId, action: "webhook.endpoint_disabled", targetId: endpoint.id } })).toBe(1);
    // The Settings page tells its admins.
    const { countDisabledWebhookEndpoints } = await import("@/lib/webhooks/count-disabled-webhook-endpoints");
    expect(await countDisabledWebhookEndpoints(teamId)).toBe(1);
    expect(await countDisabledWebhookEndpoints("another-team")).toBe(0);
    const given = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(given).toMatchObject({ state: "FAILED", attempts: 1, lastStatus: 503, nextAttemptAt: null });
    const { listWebhookEndpoints } = await import("@/lib/webhooks/list-webhook-endpoints");
    const listed = (await listWebhookEndpoints(teamId)).find((e) => e.id === endpoint.id)!;
    expect(listed.disabledReason).toBe("Every delivery failed for a day (last: The endpoint answered 503.).");
    expect(listed.deliveries[0]!.lastError).toBe("The endpoint answered 503.");
    expect((await listWebhookEndpoints(teamId, { locale: "zh" })).find((e) => e.id === endpoint.id)!.deliveries[0]!.lastError).toBe("端点返回了 503。");
    // A turned-off endpoint gets no new events and no redelivery.
    await prisma.$transaction((tx) => emitWebhookEvent(tx, { teamId, type: "video.succeeded", data: {} }));
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    await expect(redeliverWebhook(actor(), delivery.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
