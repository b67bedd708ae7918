import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { setTestEnv } from "@/test/integration-kit";

/**
 * The polled reads answer by version: an unchanged poll is a 304 without the page, a change
 * of the team's is a 200 with a new ETag, another team's change leaves the ETag alone.
 */

const session = vi.hoisted(() => ({ user: null as null | { id: string; teamId: string; role: "LEAD" | "CREATOR"; locale?: string | null } }));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  requireUser: async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return { ...session.user, email: "u@example.com", name: null, teamName: "T" };
  },
}));

type Handler = (request: Request) => Promise<Response>;
let routes: Record<string, Handler>;
let prisma: typeof import("@/lib/db").prisma;
let teamId: string;
let otherTeamId: string;
let userId: string;
let groupId: string;
let otherGroupId: string;

beforeAll(async () => {
  setTestEnv({ PUBLIC_BASE_URL: "https://studio.example.com" });
  ({ prisma } = await import("@/lib/db"));
  routes = {
    "/api/assets": (await import("@/app/api/assets/route")).GET,
    "/api/assets/rejected": (await import("@/app/api/assets/rejected/route")).GET,
    "/api/submissions": (await import("@/app/api/submissions/route")).GET,
    "/api/video-jobs": (await import("@/app/api/video-jobs/route")).GET,
  };
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Etag ${suffix}` } })).id;
  otherTeamId = (await prisma.team.create({ data: { name: `Etag other ${suffix}` } })).id;
  userId = (await prisma.user.create({ data: { email: `etag-${suffix}@example.com`, name: "Etag" } })).id;
  await prisma.membership.create({ data: { teamId, userId, role: "LEAD" } });
  groupId = (await prisma.assetGroup.create({ data: { teamId, name: "G", projectName: "p" } })).id;
  otherGroupId = (await prisma.assetGroup.create({ data: { teamId: otherTeamId, name: "G", projectName: "p" } })).id;
  session.user = { id: userId, teamId, role: "LEAD" };
  await addAsset(teamId, groupId, "first");
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await prisma.user.deleteMany({ where: { id: userId } });
});

async function addAsset(team: string, group: string, name: string, createdById?: string) {
  const submission = await prisma.submission.create({
    data: { teamId: team, groupId: group, assetType: "IMAGE", projectName: "p", state: "PARTIAL", idempotencyKey: randomUUID() },
  });
  return prisma.asset.create({
    data: { teamId: team, submissionId: submission.id, groupId: group, name, type: "IMAGE", state: "REJECTED", sourceUrl: `https://media.example.com/${name}.png`, failureCode: "X", failureReason: "X", createdById },
  });
}

function get(path: string, etag?: string, headers: Record<string, string> = {}): Promise<Response> {
  return routes[path.split("?")[0]!]!(new Request(`https://studio.example.com${path}`, { headers: { ...headers, ...(etag ? { "if-none-match": etag } : {}) } }));
}

describe("polled reads by version", () => {
  it.each(["/api/assets", "/api/assets?tab=failed&q=fir", "/api/assets/rejected", "/api/submissions", "/api/video-jobs?status=active"])(
    "%s: 304 while unchanged, 200 with a new ETag after a change of the team's, unmoved by another team's",
    async (path) => {
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBe("private, no-cache");
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^W\/".+"$/);

      const unchanged = await get(path, etag);
      expect(unchanged.status).toBe(304);
      expect(unchanged.headers.get("etag")).toBe(etag);
      expect(await unchanged.text()).toBe("");

      // Another team's write leaves this team's answer (and its tag) alone.
      await addAsset(otherTeamId, otherGroupId, `other-${randomUUID().slice(0, 6)}`);
      expect((await get(path, etag)).status).toBe(304);

      // A write of this team's: a full answer with a new tag, then 304 again on that one.
      await addAsset(teamId, groupId, `first-${randomUUID().slice(0, 6)}`);
      const changed = await get(path, etag);
      expect(changed.status).toBe(200);
      const next = changed.headers.get("etag")!;
      expect(next).not.toBe(etag);
      expect((await get(path, next)).status).toBe(304);
    },
  );

  it("tags each view and each user apart", async () => {
    const all = (await get("/api/assets")).headers.get("etag")!;
    const failed = (await get("/api/assets?tab=failed")).headers.get("etag")!;
    expect(failed).not.toBe(all);
    // The same view asked two ways shares one tag.
    expect((await get("/api/assets?tab=all&q=")).headers.get("etag")).toBe(all);
    expect((await get("/api/assets?tab=failed", all)).status).toBe(200);
    const me = session.user!;
    session.user = { ...me, id: `someone-else-${randomUUID().slice(0, 6)}` };
    try {
      expect((await get("/api/assets", all)).status).toBe(200);
    } finally {
      session.user = me;
    }
  });

  it("tags each language apart: the saved choice, else the language cookie, else Accept-Language", async () => {
    const path = "/api/submissions";
    const english = (await get(path)).headers.get("etag")!;
    const byCookie = await get(path, english, { cookie: "theme=dark; locale=zh" });
    expect(byCookie.status).toBe(200);
    const chinese = byCookie.headers.get("etag")!;
    expect(chinese).not.toBe(english);
    expect((await get(path, chinese, { "accept-language": "zh-CN,zh;q=0.9" })).status).toBe(304);
    expect((await get(path, english, { cookie: "locale=en", "accept-language": "zh-CN" })).status).toBe(304);
    const me = session.user!;
    session.user = { ...me, locale: "zh" };
    try {
      expect((await get(path, chinese, { cookie: "locale=en" })).status).toBe(304);
    } finally {
      session.user = me;
    }
  });

  it("gives the team's members one computed page, shows a write at once, and keeps \"mine\" to each member", async () => {
    const me = session.user!;
    const names = async (path: string) => ((await (await get(path)).json()) as { items: { name: string }[] }).items.map((i) => i.name);
    const other = (await prisma.user.create({ data: { email: `etag-other-${randomUUID().slice(0, 6)}@example.com` } })).id;
    await prisma.membership.create({ data: { teamId, userId: other, role: "CREATOR" } });
    try {
      const mine = `mine-${randomUUID().slice(0, 6)}`;
      await addAsset(teamId, groupId, mine, userId);
      const asMe = await names("/api/assets");
      expect(asMe).toContain(mine);
      session.user = { id: other, teamId, role: "CREATOR" };
      expect(await names("/api/assets")).toEqual(asMe);
      expect(await names("/api/assets?who=me")).not.toContain(mine);
      const theirs = `theirs-${randomUUID().slice(0, 6)}`;
      await addAsset(teamId, groupId, theirs, other);
      expect(await names("/api/assets?who=me")).toContain(theirs);
      session.user = me;
      expect(await names("/api/assets")).toContain(theirs);
      expect(await names("/api/assets?who=me")).toContain(mine);
      expect(await names("/api/assets?who=me")).not.toContain(theirs);
    } finally {
      session.user = me;
      await prisma.user.delete({ where: { id: other } });
    }
  });
});
