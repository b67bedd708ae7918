import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";

/** The Audit page's list on real PostgreSQL: filters, days in the reader's zone, keyset pages, team scope. */

let prisma: typeof import("@/lib/db").prisma;
let listAuditEvents: typeof import("@/lib/insight/list-audit-events").listAuditEvents;
let parseAuditFilters: typeof import("@/lib/insight/audit-filters").parseAuditFilters;
const suffix = randomUUID().slice(0, 8);
const ids = { team: "", other: "", lead: "" };

beforeAll(async () => {
  setTestEnv();
  ({ prisma } = await import("@/lib/db"));
  ({ listAuditEvents } = await import("@/lib/insight/list-audit-events"));
  ({ parseAuditFilters } = await import("@/lib/insight/audit-filters"));
  ids.team = (await prisma.team.create({ data: { name: `Audit ${suffix}` } })).id;
  ids.other = (await prisma.team.create({ data: { name: `Other ${suffix}` } })).id;
  ids.lead = (await prisma.user.create({ data: { email: `lead-${suffix}@example.com`, name: "Lee Lead" } })).id;
  await prisma.membership.create({ data: { teamId: ids.team, userId: ids.lead, role: "LEAD" } });
  const event = (createdAt: string, action: string, actorId: string | null, targetId?: string, teamId = ids.team) =>
    prisma.auditEvent.create({ data: { teamId, actorId, action, createdAt: new Date(createdAt), targetType: targetId ? "video_job" : null, targetId, metadata: { model: "m1" } } });
  await event("2026-06-09T15:00:00Z", "video_job.created", ids.lead, "job-1"); // Shanghai 06-09 23:00
  await event("2026-06-09T17:00:00Z", "video_job.failed", null, "job-1"); // Shanghai 06-10 01:00
  await event("2026-06-10T09:00:00Z", "member.added", ids.lead);
  // Three events in the same millisecond: the id orders them.
  for (let i = 0; i < 3; i += 1) await event("2026-06-11T00:00:00.000Z", "settings.provider_saved", ids.lead);
  await event("2026-06-10T09:00:00Z", "member.added", null, undefined, ids.other);
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: { in: [ids.team, ids.other] } } });
  await prisma.user.deleteMany({ where: { id: ids.lead } });
});

describe("listAuditEvents", () => {
  it("lists the team's events newest first, described, and nothing of another team", async () => {
    const { events, next } = await listAuditEvents(ids.team, {}, { timeZone: "UTC" });
    expect(events.map((e) => e.action)).toEqual(["settings.provider_saved", "settings.provider_saved", "settings.provider_saved", "member.added", "video_job.failed", "video_job.created"]);
    expect(next).toBeNull();
    expect(events.at(-1)).toMatchObject({ actorName: "Lee Lead", text: "started a video with m1", targetId: "job-1" });
    expect(events.at(-2)?.actorName).toBeNull();
  });

  it("filters by who, action, category and target", async () => {
    const actions = async (query: string) => (await listAuditEvents(ids.team, parseAuditFilters(new URLSearchParams(query)), { timeZone: "UTC" })).events.map((e) => e.action);
    expect(await actions("who=system")).toEqual(["video_job.failed"]);
    expect(await actions(`who=${ids.lead}&action=member.added`)).toEqual(["member.added"]);
    expect(await actions("action=video_job")).toEqual(["video_job.failed", "video_job.created"]);
    expect(await actions("target=job-1")).toEqual(["video_job.failed", "video_job.created"]);
    expect(await actions("target=video_job")).toEqual(["video_job.failed", "video_job.created"]);
    // A made-up action is dropped, not an error.
    expect(parseAuditFilters(new URLSearchParams("action=drop table"))).toEqual({});
  });

  it("cuts from/to days in the reader's time zone", async () => {
    const day = async (tz: string) => (await listAuditEvents(ids.team, { from: "2026-06-09", to: "2026-06-09" }, { timeZone: tz })).events.map((e) => e.action);
    expect(await day("UTC")).toEqual(["video_job.failed", "video_job.created"]);
    expect(await day("Asia/Shanghai")).toEqual(["video_job.created"]);
    const tenth = await listAuditEvents(ids.team, { from: "2026-06-10", to: "2026-06-10" }, { timeZone: "Asia/Shanghai" });
    expect(tenth.events.map((e) => e.action)).toEqual(["member.added", "video_job.failed"]);
  });

  it("pages by keyset without losing or repeating an event", async () => {
    const seen: string[] = [];
    let cursor = null;
    for (let i = 0; i < 10; i += 1) {
      const page: Awaited<ReturnType<typeof listAuditEvents>> = await listAuditEvents(ids.team, {}, { timeZone: "UTC", limit: 2, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.next;
      if (!cursor) break;
    }
    const all = (await listAuditEvents(ids.team, {}, { timeZone: "UTC" })).events.map((e) => e.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(6);
  });
});
