import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";
import { describeAppError } from "@/lib/i18n/error-message";
import { englishError } from "@/test/english-error";

/**
 * Budgets on real PostgreSQL: a video job's estimated cost is reserved when it is created, under
 * the team's budget row lock, so parallel creations never spend past a limit; a failed job gives
 * its reservation back. The provider here is a closed port: every send is "unsent" and the job
 * stays queued (its reservation held), which keeps the counts exact.
 */

let prisma: typeof import("@/lib/db").prisma;
let createVideoJob: typeof import("@/lib/generation/create-video-job").createVideoJob;
let retryVideoJob: typeof import("@/lib/generation/retry-video-job").retryVideoJob;
let saveTeamBudget: typeof import("@/lib/budgets/save-team-budget").saveTeamBudget;
let saveMemberBudget: typeof import("@/lib/budgets/save-member-budget").saveMemberBudget;
let getBudgetStatus: typeof import("@/lib/budgets/get-budget-status").getBudgetStatus;
let client: import("@/lib/upstream/client").UpstreamClient;

const MODEL = "m-budget";
const suffix = randomUUID().slice(0, 8);
const ids = { team: "", other: "", admin: "", creator: "", outsider: "", asset: "" };

const request = (resolution: "720p" | "1080p" = "720p") => ({
  model: MODEL,
  prompt: "waves",
  references: [{ assetId: ids.asset, type: "IMAGE" as const, role: "reference_image" as const }],
  duration: 5,
  aspectRatio: "16:9" as const,
  resolution,
  generateAudio: false,
  seed: null,
  returnLastFrame: false,
});

const start = (userId: string, resolution?: "720p" | "1080p") =>
  createVideoJob({ teamId: ids.team, userId, request: request(resolution), source: "form" }, { client, models: [MODEL] });

beforeAll(async () => {
  setTestEnv();
  ({ prisma } = await import("@/lib/db"));
  ({ createVideoJob } = await import("@/lib/generation/create-video-job"));
  ({ retryVideoJob } = await import("@/lib/generation/retry-video-job"));
  ({ saveTeamBudget } = await import("@/lib/budgets/save-team-budget"));
  ({ saveMemberBudget } = await import("@/lib/budgets/save-member-budget"));
  ({ getBudgetStatus } = await import("@/lib/budgets/get-budget-status"));
  const { createUpstreamClient } = await import("@/lib/upstream/client");
  client = createUpstreamClient({ baseUrl: "http://127.0.0.1:9", apiKey: "sk-test", timeoutMs: 2000, maxRetries: 0, concurrency: 4, language: "en" });
  ids.team = (await prisma.team.create({ data: { name: `Budget ${suffix}` } })).id;
  ids.other = (await prisma.team.create({ data: { name: `Other ${suffix}` } })).id;
  const member = async (teamId: string, name: string, role: "ADMIN" | "CREATOR") => {
    const u = await prisma.user.create({ data: { email: `${name}-${suffix}@example.com`, name } });
    await prisma.membership.create({ data: { teamId, userId: u.id, role } });
    return u.id;
  };
  ids.admin = await member(ids.team, "admin", "ADMIN");
  ids.creator = await member(ids.team, "creator", "CREATOR");
  ids.outsider = await member(ids.other, "outsider", "CREATOR");
  await prisma.teamSettings.create({ data: { teamId: ids.team, models: [MODEL], priceTable: { currency: "USD", perSecond: { [MODEL]: { "720p": 0.1 } } } } });
  const group = await prisma.assetGroup.create({ data: { teamId: ids.team, name: "g" } });
  const submission = await prisma.submission.create({ data: { teamId: ids.team, groupId: group.id, assetType: "IMAGE", projectName: "default", state: "COMPLETED", idempotencyKey: randomUUID() } });
  ids.asset = (
    await prisma.asset.create({
      data: { teamId: ids.team, submissionId: submission.id, groupId: group.id, name: "hero", type: "IMAGE", state: "APPROVED", assetUrl: "asset://asset-20260101000000-hero1" },
    })
  ).id;
});

afterAll(async () => {
  await prisma.videoJob.deleteMany({ where: { teamId: ids.team } });
  await prisma.asset.deleteMany({ where: { teamId: ids.team } });
  await prisma.submission.deleteMany({ where: { teamId: ids.team } });
  await prisma.team.deleteMany({ where: { id: { in: [ids.team, ids.other] } } });
  await prisma.user.deleteMany({ where: { id: { in: [ids.admin, ids.creator, ids.outsider] } } });
});

async function clearJobs() {
  await prisma.videoJob.deleteMany({ where: { teamId: ids.team } });
  await prisma.memberBudget.deleteMany({ where: { teamId: ids.team } });
  await prisma.teamBudget.deleteMany({ where: { teamId: ids.team } });
}

const admin = () => ({ id: ids.admin, teamId: ids.team });

const retry = (userId: string, jobId: string) => retryVideoJob({ teamId: ids.team, userId, jobId }, { client, models: [MODEL] });

/** A job of `userId` that ended in `state` (a provider failure, or a request the provider refused). */
async function endedJob(userId: string, state: "FAILED" | "SEND_FAILED") {
  const { jobId } = await start(userId);
  await prisma.videoJob.update({ where: { id: jobId }, data: { state, errorCode: state === "FAILED" ? "InternalServiceError" : "UPSTREAM_REJECTED", finishedAt: new Date(), nextPollAt: null } });
  return jobId;
}

describe("budgets", () => {
  it("20 parallel creations never spend past the team's limit", async () => {
    await clearJobs();
    // 5 s at 0.1 a second = 0.5 a job; 2.2 admits four.
    await saveTeamBudget(admin(), { monthlyLimit: 2.2, maxRunningJobs: null });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => start(i % 2 ? ids.admin : ids.creator)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(4);
    expect(refused).toHaveLength(16);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: "QUOTA_EXCEEDED" });
      expect(await describeAppError(r.reason, "en")).toMatch(/would cost about \$0\.50 \(estimate\)\. The team has \$0\.20 left of its \$2\.20 monthly budget/);
    }
    const jobs = await prisma.videoJob.findMany({ where: { teamId: ids.team }, select: { estimatedCost: true, state: true } });
    expect(jobs).toHaveLength(4);
    expect(jobs.reduce((n, j) => n + Number(j.estimatedCost), 0)).toBeCloseTo(2, 6);
    expect(jobs.every((j) => j.state === "QUEUED")).toBe(true);
    const status = await getBudgetStatus(ids.team);
    expect(status.team).toEqual({ monthlyLimit: 2.2, spent: 0, reserved: 2, left: 0.2 });
    expect(status.running).toBe(4);
  });

  it("a failed job gives its reservation back; a succeeded one keeps it as spent", async () => {
    const [first, second] = await prisma.videoJob.findMany({ where: { teamId: ids.team }, orderBy: { createdAt: "asc" } });
    await prisma.videoJob.update({ where: { id: first!.id }, data: { state: "FAILED" } });
    await prisma.videoJob.update({ where: { id: second!.id }, data: { state: "SUCCEEDED" } });
    const status = await getBudgetStatus(ids.team);
    expect(status.team).toEqual({ monthlyLimit: 2.2, spent: 0.5, reserved: 1, left: 0.7 });
    await expect(start(ids.creator)).resolves.toBeDefined();
    await expect(start(ids.creator)).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
  });

  it("a member's budget of 0 refuses their jobs and nobody else's", async () => {
    await clearJobs();
    await saveMemberBudget(admin(), { userId: ids.creator, monthlyLimit: 0 });
    expect(await englishError(start(ids.creator))).toMatch("You have $0.00 left of your $0.00 monthly budget.");
    await expect(start(ids.admin)).resolves.toBeDefined();
    await saveMemberBudget(admin(), { userId: ids.creator, monthlyLimit: null });
    await expect(start(ids.creator)).resolves.toBeDefined();
    expect(await prisma.auditEvent.count({ where: { teamId: ids.team, action: "budget.member_saved", targetId: ids.creator } })).toBe(2);
  });

  it("limits the jobs running at once", async () => {
    await clearJobs();
    await saveTeamBudget(admin(), { monthlyLimit: null, maxRunningJobs: 2 });
    await start(ids.creator);
    await start(ids.admin);
    expect(await englishError(start(ids.creator))).toMatch("The team already has 2 of at most 2 video jobs running at once.");
    expect(await prisma.auditEvent.count({ where: { teamId: ids.team, action: "budget.team_saved" } })).toBeGreaterThanOrEqual(2);
  });

  it("refuses a job it cannot price while spending is limited", async () => {
    await clearJobs();
    await saveTeamBudget(admin(), { monthlyLimit: 100, maxRunningJobs: null });
    expect(await englishError(start(ids.creator, "1080p"))).toMatch(/has no price for m-budget at 1080p/);
    await saveTeamBudget(admin(), { monthlyLimit: null, maxRunningJobs: null });
    await expect(start(ids.creator, "1080p")).resolves.toBeDefined();
  });

  it("sets budgets only for members of the admin's own team", async () => {
    await expect(saveMemberBudget(admin(), { userId: ids.outsider, monthlyLimit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.memberBudget.count({ where: { userId: ids.outsider } })).toBe(0);
  });

  it("a member whose budget is 0 cannot retry a failed job or send an unsent one again; the job stays as it was", async () => {
    await clearJobs();
    const failed = await endedJob(ids.creator, "FAILED");
    const unsent = await endedJob(ids.creator, "SEND_FAILED");
    await saveMemberBudget(admin(), { userId: ids.creator, monthlyLimit: 0 });
    expect(await englishError(retry(ids.creator, failed))).toMatch("You have $0.00 left of your $0.00 monthly budget.");
    expect(await englishError(retry(ids.creator, unsent))).toMatch("You have $0.00 left of your $0.00 monthly budget.");
    expect(await prisma.videoJob.count({ where: { teamId: ids.team } })).toBe(2);
    expect(await prisma.videoJob.findUniqueOrThrow({ where: { id: unsent } })).toMatchObject({ state: "SEND_FAILED", errorCode: "UPSTREAM_REJECTED" });
    expect((await getBudgetStatus(ids.team)).team.reserved).toBe(0);

    await saveMemberBudget(admin(), { userId: ids.creator, monthlyLimit: 0.5 });
    await expect(retry(ids.creator, unsent)).resolves.toMatchObject({ jobId: unsent });
    expect(await prisma.videoJob.findUniqueOrThrow({ where: { id: unsent } })).toMatchObject({ state: "QUEUED" });
    expect(await englishError(retry(ids.creator, failed))).toMatch("You have $0.00 left of your $0.50 monthly budget.");
    await saveMemberBudget(admin(), { userId: ids.creator, monthlyLimit: null });
  });

  it("a retry counts against the jobs running at once", async () => {
    await clearJobs();
    const failed = await endedJob(ids.creator, "FAILED");
    const unsent = await endedJob(ids.creator, "SEND_FAILED");
    await saveTeamBudget(admin(), { monthlyLimit: null, maxRunningJobs: 1 });
    await start(ids.admin);
    expect(await englishError(retry(ids.creator, failed))).toMatch("The team already has 1 of at most 1 video jobs running at once.");
    expect(await englishError(retry(ids.creator, unsent))).toMatch("The team already has 1 of at most 1 video jobs running at once.");
  });

  it("10 retries and creations at once never spend past the team's limit", async () => {
    await clearJobs();
    const failed = await Promise.all(Array.from({ length: 4 }, (_, i) => endedJob(i % 2 ? ids.admin : ids.creator, "FAILED")));
    const unsent = await Promise.all(Array.from({ length: 3 }, (_, i) => endedJob(i % 2 ? ids.admin : ids.creator, "SEND_FAILED")));
    // 0.5 a job; 1.7 admits three of the ten.
    await saveTeamBudget(admin(), { monthlyLimit: 1.7, maxRunningJobs: null });
    const results = await Promise.allSettled([
      ...failed.map((id) => retry(ids.creator, id)),
      ...unsent.map((id) => retry(ids.admin, id)),
      ...Array.from({ length: 3 }, () => start(ids.creator)),
    ]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(await describeAppError(r.reason, "en")).toMatch(/The team has \$0\.20 left of its \$1\.70 monthly budget/);
    const holding = await prisma.videoJob.findMany({ where: { teamId: ids.team, state: { notIn: ["FAILED", "SEND_FAILED", "CANCELLED"] } }, select: { estimatedCost: true } });
    expect(holding).toHaveLength(3);
    expect(holding.reduce((n, j) => n + Number(j.estimatedCost), 0)).toBeCloseTo(1.5, 6);
    expect((await getBudgetStatus(ids.team)).team).toEqual({ monthlyLimit: 1.7, spent: 0, reserved: 1.5, left: 0.2 });
  });
});
