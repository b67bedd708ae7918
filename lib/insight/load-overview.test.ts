import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";

/**
 * The Overview's figures on real PostgreSQL, on seeded rows with a known answer, cut into days
 * in UTC and in Asia/Shanghai (UTC+8): rows between 16:00 and 24:00 UTC fall on the next day
 * in Shanghai, and the window's first day starts eight hours earlier.
 */

let prisma: typeof import("@/lib/db").prisma;
let loadOverview: typeof import("@/lib/insight/load-overview").loadOverview;
const suffix = randomUUID().slice(0, 8);
const ids = { team: "", other: "", creator: "", lead: "", group: "", otherGroup: "" };
const now = new Date("2026-06-10T12:00:00Z");
const at = (iso: string) => new Date(iso);

async function asset(team: string, group: string, created: string, state: "APPROVED" | "REJECTED" | "REPLACED" | "DISMISSED" | "IN_REVIEW", reviewed?: string, code?: string) {
  const submission = await prisma.submission.create({
    data: { teamId: team, groupId: group, assetType: "IMAGE", projectName: "default", state: "COMPLETED", idempotencyKey: randomUUID() },
  });
  await prisma.asset.create({
    data: {
      teamId: team,
      submissionId: submission.id,
      groupId: group,
      name: `a-${randomUUID().slice(0, 6)}`,
      type: "IMAGE",
      state,
      createdAt: at(created),
      reviewedAt: reviewed ? at(reviewed) : null,
      failureCode: code ?? null,
      failureReason: code ? `reason of ${code}` : null,
    },
  });
}

async function job(team: string, by: string, model: string, created: string, state: "SUCCEEDED" | "RUNNING" | "FAILED", estimatedCost: number | null) {
  await prisma.videoJob.create({
    data: {
      teamId: team,
      createdById: by,
      model,
      params: { duration: 5, aspectRatio: "16:9", resolution: "720p", generateAudio: false, seed: null, returnLastFrame: false },
      state,
      idempotencyKey: randomUUID(),
      createdAt: at(created),
      estimatedCost,
    },
  });
}

beforeAll(async () => {
  setTestEnv();
  ({ prisma } = await import("@/lib/db"));
  ({ loadOverview } = await import("@/lib/insight/load-overview"));
  ids.team = (await prisma.team.create({ data: { name: `Insight ${suffix}` } })).id;
  ids.other = (await prisma.team.create({ data: { name: `Other ${suffix}` } })).id;
  const user = async (name: string, role: "CREATOR" | "LEAD") => {
    const u = await prisma.user.create({ data: { email: `${name}-${suffix}@example.com`, name } });
    await prisma.membership.create({ data: { teamId: ids.team, userId: u.id, role } });
    return u.id;
  };
  ids.creator = await user("Cora Creator", "CREATOR");
  ids.lead = await user("Lee Lead", "LEAD");
  ids.group = (await prisma.assetGroup.create({ data: { teamId: ids.team, name: "g" } })).id;
  ids.otherGroup = (await prisma.assetGroup.create({ data: { teamId: ids.other, name: "g" } })).id;
  await prisma.teamSettings.create({ data: { teamId: ids.team, models: [], priceTable: { currency: "USD", perSecond: { m1: { "720p": 0.1 } } } } });

  await asset(ids.team, ids.group, "2026-06-09T17:00:00Z", "APPROVED", "2026-06-09T17:10:00Z"); // 600 s; Shanghai 06-10
  await asset(ids.team, ids.group, "2026-06-09T10:00:00Z", "REJECTED", "2026-06-09T10:20:00Z", "X"); // 1200 s
  await asset(ids.team, ids.group, "2026-06-10T01:00:00Z", "REPLACED", "2026-06-10T02:00:00Z", "X"); // 3600 s
  await asset(ids.team, ids.group, "2026-06-10T03:00:00Z", "DISMISSED", "2026-06-10T03:30:00Z", "Y"); // 1800 s
  await asset(ids.team, ids.group, "2026-06-03T23:30:00Z", "IN_REVIEW"); // UTC 06-03 (outside 7 days), Shanghai 06-04 (inside)
  await asset(ids.team, ids.group, "2026-06-10T13:00:00Z", "IN_REVIEW"); // after now in UTC's today: counted today
  // Another team's rows never count.
  await asset(ids.other, ids.otherGroup, "2026-06-09T10:00:00Z", "REJECTED", "2026-06-09T10:05:00Z", "X");
  await job(ids.other, ids.lead, "m1", "2026-06-10T05:00:00Z", "SUCCEEDED", 100);

  await job(ids.team, ids.creator, "m1", "2026-06-09T20:00:00Z", "SUCCEEDED", null); // priced from the table: 5 s × 0.1
  await job(ids.team, ids.lead, "m1", "2026-06-10T05:00:00Z", "RUNNING", 1.25);
  await job(ids.team, ids.creator, "m2", "2026-06-10T06:00:00Z", "FAILED", 2); // released
});

afterAll(async () => {
  await prisma.videoJob.deleteMany({ where: { teamId: { in: [ids.team, ids.other] } } });
  await prisma.asset.deleteMany({ where: { teamId: { in: [ids.team, ids.other] } } });
  await prisma.submission.deleteMany({ where: { teamId: { in: [ids.team, ids.other] } } });
  await prisma.team.deleteMany({ where: { id: { in: [ids.team, ids.other] } } });
  await prisma.user.deleteMany({ where: { id: { in: [ids.creator, ids.lead] } } });
});

const nonZero = (days: { day: string; submitted: number; approved: number; failed: number; jobs: number; spend: number }[]) =>
  days.filter((d) => d.submitted + d.approved + d.failed + d.jobs > 0).map(({ day, submitted, approved, failed, jobs, spend }) => ({ day, submitted, approved, failed, jobs, spend }));

describe("loadOverview", () => {
  it("cuts days at UTC midnight for a UTC reader", async () => {
    const o = await loadOverview(ids.team, { days: 7, timeZone: "UTC", now });
    expect(o.days.map((d) => d.day)).toEqual(["2026-06-04", "2026-06-05", "2026-06-06", "2026-06-07", "2026-06-08", "2026-06-09", "2026-06-10"]);
    expect(nonZero(o.days)).toEqual([
      { day: "2026-06-09", submitted: 2, approved: 1, failed: 1, jobs: 1, spend: 0.5 },
      { day: "2026-06-10", submitted: 3, approved: 0, failed: 2, jobs: 2, spend: 1.25 },
    ]);
    expect(o.days.find((d) => d.day === "2026-06-09")?.approvalRate).toBe(0.5);
    expect(o.days.find((d) => d.day === "2026-06-10")?.approvalRate).toBe(0);
    expect(o.days.find((d) => d.day === "2026-06-08")?.approvalRate).toBeNull();
    expect(o.totals).toEqual({ submitted: 5, approved: 1, failed: 3, approvalRate: 0.25, jobs: 3, spend: 1.75 });
  });

  it("cuts days at Shanghai midnight for a Shanghai reader", async () => {
    const o = await loadOverview(ids.team, { days: 7, timeZone: "Asia/Shanghai", now });
    expect(o.days[0]?.day).toBe("2026-06-04");
    expect(o.days.at(-1)?.day).toBe("2026-06-10");
    expect(nonZero(o.days)).toEqual([
      { day: "2026-06-04", submitted: 1, approved: 0, failed: 0, jobs: 0, spend: 0 },
      { day: "2026-06-09", submitted: 1, approved: 0, failed: 1, jobs: 0, spend: 0 },
      // 06-10T13:00Z is 21:00 on the 10th in Shanghai too
      { day: "2026-06-10", submitted: 4, approved: 1, failed: 2, jobs: 3, spend: 1.75 },
    ]);
    expect(o.timeZone).toBe("Asia/Shanghai");
  });

  it("ranks rejection reasons and measures review time", async () => {
    const o = await loadOverview(ids.team, { days: 7, timeZone: "UTC", now });
    expect(o.reasons).toEqual([
      { code: "X", count: 2, example: "reason of X" },
      { code: "Y", count: 1, example: "reason of Y" },
    ]);
    // 600, 1200, 1800, 3600 s: median 1500, p90 1800 + 0.7 × 1800
    expect(o.reviewTime.reviewed).toBe(4);
    expect(o.reviewTime.medianSeconds).toBeCloseTo(1500, 6);
    expect(o.reviewTime.p90Seconds).toBeCloseTo(3060, 6);
  });

  it("splits jobs and estimated spend by model and by member; failed jobs release their spend", async () => {
    const o = await loadOverview(ids.team, { days: 7, timeZone: "UTC", now });
    expect(o.currency).toBe("USD");
    expect(o.byModel).toEqual([
      { key: "m1", label: "m1", jobs: 2, failed: 0, spend: 1.75 },
      { key: "m2", label: "m2", jobs: 1, failed: 1, spend: 0 },
    ]);
    expect(o.byMember).toEqual([
      { key: ids.lead, label: "Lee Lead", jobs: 1, failed: 0, spend: 1.25 },
      { key: ids.creator, label: "Cora Creator", jobs: 2, failed: 1, spend: 0.5 },
    ]);
  });

  it("moves the window with the range and leaves out what came before it", async () => {
    const shortWindow = await loadOverview(ids.team, { days: 7, timeZone: "UTC", now: new Date("2026-06-17T12:00:00Z") });
    expect(shortWindow.totals.submitted).toBe(0);
    expect(shortWindow.reasons).toEqual([]);
    expect(shortWindow.reviewTime).toEqual({ reviewed: 0, medianSeconds: null, p90Seconds: null });
    const longWindow = await loadOverview(ids.team, { days: 30, timeZone: "UTC", now: new Date("2026-06-17T12:00:00Z") });
    expect(longWindow.days).toHaveLength(30);
    expect(longWindow.totals.submitted).toBe(6);
  });
});
