import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

/** "Resend anyway" follows the same rule as dropping: creators their own, leads and admins anyone's. */

type Role = "ADMIN" | "LEAD" | "CREATOR";
const session = vi.hoisted(() => ({ user: null as null | { id: string; teamId: string; role: Role } }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return { ...session.user, email: "u@example.com", name: null, teamName: "T" };
  },
  assertCan: () => {},
}));

let prisma: typeof import("@/lib/db").prisma;
let retrySubmissionAction: typeof import("@/lib/submissions/retry-submission.action").retrySubmissionAction;
let dropSubmissionAction: typeof import("@/lib/submissions/drop-submission.action").dropSubmissionAction;
let teamId: string;
let groupId: string;
const users: Record<"owner" | "otherCreator" | "lead", string> = { owner: "", otherCreator: "", lead: "" };

beforeAll(async () => {
  Object.assign(process.env, {
    AUTH_SECRET: process.env.AUTH_SECRET ?? "x".repeat(40),
    SETTINGS_ENCRYPTION_KEY: process.env.SETTINGS_ENCRYPTION_KEY ?? "ab".repeat(32),
    // Nothing listens here: a resend that is allowed fails to connect, which is all this test needs.
    UPSTREAM_BASE_URL: "http://127.0.0.1:9",
    UPSTREAM_API_KEY: "sk-retry-test",
    UPSTREAM_MAX_RETRIES: "0",
    UPSTREAM_IDEMPOTENCY: "false",
  });
  ({ prisma } = await import("@/lib/db"));
  ({ retrySubmissionAction } = await import("@/lib/submissions/retry-submission.action"));
  ({ dropSubmissionAction } = await import("@/lib/submissions/drop-submission.action"));
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Retry ${suffix}` } })).id;
  for (const [name, role] of [["owner", "CREATOR"], ["otherCreator", "CREATOR"], ["lead", "LEAD"]] as const) {
    const u = await prisma.user.create({ data: { email: `${name}-${suffix}@example.com`, name } });
    await prisma.membership.create({ data: { teamId, userId: u.id, role } });
    users[name] = u.id;
  }
  groupId = (await prisma.assetGroup.create({ data: { teamId, name: "G", projectName: "p" } })).id;
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: teamId } });
  await prisma.user.deleteMany({ where: { id: { in: Object.values(users) } } });
});

async function uncertainSubmission(by: string) {
  const submission = await prisma.submission.create({
    data: { teamId, groupId, assetType: "IMAGE", projectName: "p", state: "UNCERTAIN", idempotencyKey: randomUUID(), createdById: by, attempts: 1 },
  });
  await prisma.asset.create({
    data: { teamId, submissionId: submission.id, groupId, name: `a-${submission.id}`, type: "IMAGE", sourceUrl: "https://cdn.example.com/a.png" },
  });
  return submission.id;
}

const as = (who: keyof typeof users, role: Role) => {
  session.user = { id: users[who], teamId, role };
};

describe("resend anyway", () => {
  it("refuses a creator resending another member's UNCERTAIN submission, as dropping does", async () => {
    const id = await uncertainSubmission(users.owner);
    as("otherCreator", "CREATOR");
    const retried = await retrySubmissionAction({ submissionId: id, resendUncertain: true });
    expect(retried.serverError).toBe("This submission was made by someone else; ask a team lead to send it again.");
    const dropped = await dropSubmissionAction({ submissionId: id });
    expect(dropped.serverError).toMatch(/made by someone else/);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "UNCERTAIN", attempts: 1 });
    expect(await prisma.auditEvent.count({ where: { teamId, targetId: id } })).toBe(0);
  });

  it("lets the creator who made it, and a lead, resend it", async () => {
    const own = await uncertainSubmission(users.owner);
    as("owner", "CREATOR");
    const mine = await retrySubmissionAction({ submissionId: own, resendUncertain: true });
    expect(mine.serverError).toBeUndefined();
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: own } })).attempts).toBe(2);

    const theirs = await uncertainSubmission(users.owner);
    as("lead", "LEAD");
    const lead = await retrySubmissionAction({ submissionId: theirs, resendUncertain: true });
    expect(lead.serverError).toBeUndefined();
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: theirs } })).attempts).toBe(2);
  });
});
