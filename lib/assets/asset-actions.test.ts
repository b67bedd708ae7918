import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";
import { englishError } from "@/test/english-error";

/**
 * Fixing failed assets on real PostgreSQL: a resubmission is a new asset linked to the one
 * it replaces, history is never rewritten, and who may do what is checked on the server.
 * Also the gallery's keyset pages and filters.
 */

let prisma: typeof import("@/lib/db").prisma;
let resubmitAssets: typeof import("@/lib/assets/resubmit-assets").resubmitAssets;
let dismissAssets: typeof import("@/lib/assets/dismiss-assets").dismissAssets;
let listAssets: typeof import("@/lib/assets/list-assets").listAssets;
let sqlCanList: typeof import("@/lib/assets/list-assets").sqlCanList;
let countAssetsByTab: typeof import("@/lib/assets/count-assets-by-tab").countAssetsByTab;
let getAssetDetail: typeof import("@/lib/assets/get-asset-detail").getAssetDetail;
let listRejectedAssets: typeof import("@/lib/assets/list-rejected-assets").listRejectedAssets;
let parseGalleryFilters: typeof import("@/lib/assets/parse-gallery-filters").parseGalleryFilters;
let decodeCursor: typeof import("@/lib/assets/gallery-filters").decodeCursor;

const storage = { publicUrl: (key: string) => `https://studio.example.com/files/${key}` };
let teamId: string;
let otherTeamId: string;
let lead: { id: string; role: "LEAD" };
let creator: { id: string; role: "CREATOR" };
let otherCreator: { id: string; role: "CREATOR" };
let groupId: string;

beforeAll(async () => {
  setTestEnv();
  ({ prisma } = await import("@/lib/db"));
  ({ resubmitAssets } = await import("@/lib/assets/resubmit-assets"));
  ({ dismissAssets } = await import("@/lib/assets/dismiss-assets"));
  ({ listAssets, sqlCanList } = await import("@/lib/assets/list-assets"));
  ({ countAssetsByTab } = await import("@/lib/assets/count-assets-by-tab"));
  ({ getAssetDetail } = await import("@/lib/assets/get-asset-detail"));
  ({ listRejectedAssets } = await import("@/lib/assets/list-rejected-assets"));
  ({ decodeCursor } = await import("@/lib/assets/gallery-filters"));
  ({ parseGalleryFilters } = await import("@/lib/assets/parse-gallery-filters"));
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Actions ${suffix}` } })).id;
  otherTeamId = (await prisma.team.create({ data: { name: `Other ${suffix}` } })).id;
  const user = async (role: "LEAD" | "CREATOR", name: string) => {
    const u = await prisma.user.create({ data: { email: `${name}-${suffix}@example.com`, name } });
    await prisma.membership.create({ data: { teamId, userId: u.id, role } });
    return u.id;
  };
  lead = { id: await user("LEAD", "lead"), role: "LEAD" };
  creator = { id: await user("CREATOR", "creator"), role: "CREATOR" };
  otherCreator = { id: await user("CREATOR", "other"), role: "CREATOR" };
  groupId = (await prisma.assetGroup.create({ data: { teamId, name: "Launch", projectName: "spring" } })).id;
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await prisma.user.deleteMany({ where: { id: { in: [lead.id, creator.id, otherCreator.id] } } });
});

/** A finished submission with assets in the given states, made by `by`. */
async function seed(by: string, assets: { name: string; state: "APPROVED" | "REJECTED" | "IN_REVIEW"; at?: Date }[], team = teamId, group = groupId) {
  const submission = await prisma.submission.create({
    data: { teamId: team, groupId: group, assetType: "IMAGE", projectName: "spring", state: "PARTIAL", idempotencyKey: randomUUID(), createdById: by },
  });
  const rows = [];
  for (const a of assets) {
    rows.push(
      await prisma.asset.create({
        data: {
          teamId: team,
          submissionId: submission.id,
          groupId: group,
          name: a.name,
          type: "IMAGE",
          state: a.state,
          sourceUrl: `https://media.example.com/${a.name}.png`,
          createdById: by,
          createdAt: a.at,
          ...(a.state === "REJECTED"
            ? { failureCode: "InputImageSensitiveContentDetected.PrivacyInformation", failureReason: "InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person" }
            : a.state === "APPROVED"
              ? { assetUrl: `asset://asset-${a.name}` }
              : {}),
        },
      }),
    );
  }
  return rows;
}

describe("resubmitting failed assets", () => {
  it("makes new assets in new submissions linked to the ones they replace, which keep their verdict", async () => {
    const [bad1, bad2] = await seed(creator.id, [
      { name: "rp-1", state: "REJECTED" },
      { name: "rp-2", state: "REJECTED" },
    ]);
    const upload = await prisma.upload.create({
      data: {
        teamId,
        uploaderId: creator.id,
        storageKey: `t/${randomUUID()}.png`,
        sha256: randomUUID(),
        fileName: "hero-new.png",
        mimeType: "image/png",
        type: "IMAGE",
        sizeBytes: 50_000,
        width: 800,
        height: 800,
      },
    });
    const result = await resubmitAssets({
      teamId,
      actor: creator,
      items: [{ assetId: bad1!.id, uploadId: upload.id }, { assetId: bad2!.id }],
    });
    expect(result.submissionIds).toHaveLength(1);
    const submission = await prisma.submission.findUniqueOrThrow({ where: { id: result.submissionIds[0]! }, include: { assets: true } });
    expect(submission).toMatchObject({ state: "QUEUED", groupId, projectName: "spring", createdById: creator.id, attempts: 0 });
    const replacement1 = submission.assets.find((a) => a.replacesId === bad1!.id)!;
    const replacement2 = submission.assets.find((a) => a.replacesId === bad2!.id)!;
    expect(replacement1).toMatchObject({ name: "hero-new", uploadId: upload.id, sourceUrl: null, state: "PENDING", groupId });
    expect(replacement2).toMatchObject({ name: "rp-2", sourceUrl: bad2!.sourceUrl, state: "PENDING" });
    expect(result.replacements).toEqual({ [bad1!.id]: replacement1.id, [bad2!.id]: replacement2.id });

    const old = await prisma.asset.findMany({ where: { id: { in: [bad1!.id, bad2!.id] } } });
    for (const a of old) {
      expect(a.state).toBe("REPLACED");
      expect(a.failureReason).toMatch(/real person/);
    }
    const audit = await prisma.auditEvent.findMany({ where: { teamId, action: { in: ["review.replaced", "review.resubmitted"] } } });
    expect(audit.map((e) => e.action).sort()).toEqual(["review.replaced", "review.resubmitted"]);

    // The history reads both ways.
    const detail = await getAssetDetail(teamId, replacement1.id, { includeRaw: false, storage });
    expect(detail.history.replaces.map((s) => s.name)).toEqual(["rp-1"]);
    expect(detail.raw).toBeNull();
    const back = await getAssetDetail(teamId, bad1!.id, { includeRaw: true, storage });
    expect(back.history.replacedBy.map((s) => s.name)).toEqual(["hero-new"]);
    expect(back.raw).toEqual({ item: null, submission: null });

    // A replaced asset cannot be resubmitted twice.
    await expect(resubmitAssets({ teamId, actor: lead, items: [{ assetId: bad1!.id }] })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets creators fix only their own failures, and leads anyone's", async () => {
    const [theirs] = await seed(otherCreator.id, [{ name: "theirs", state: "REJECTED" }]);
    await expect(resubmitAssets({ teamId, actor: creator, items: [{ assetId: theirs!.id }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.asset.findUniqueOrThrow({ where: { id: theirs!.id } })).state).toBe("REJECTED");
    await resubmitAssets({ teamId, actor: lead, items: [{ assetId: theirs!.id }] });
    expect((await prisma.asset.findUniqueOrThrow({ where: { id: theirs!.id } })).state).toBe("REPLACED");
  });

  it("refuses assets of another team, approved ones, and a new file outside the limits", async () => {
    const otherGroup = await prisma.assetGroup.create({ data: { teamId: otherTeamId, name: "Elsewhere" } });
    const [foreign] = await seed(lead.id, [{ name: "foreign", state: "REJECTED" }], otherTeamId, otherGroup.id);
    await expect(resubmitAssets({ teamId, actor: lead, items: [{ assetId: foreign!.id }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [good] = await seed(lead.id, [{ name: "good", state: "APPROVED" }]);
    await expect(resubmitAssets({ teamId, actor: lead, items: [{ assetId: good!.id }] })).rejects.toMatchObject({ code: "CONFLICT" });
    const [bad] = await seed(lead.id, [{ name: "tiny-replaced", state: "REJECTED" }]);
    const tiny = await prisma.upload.create({
      data: { teamId, uploaderId: lead.id, storageKey: `t/${randomUUID()}.png`, sha256: randomUUID(), fileName: "tiny.png", mimeType: "image/png", type: "IMAGE", sizeBytes: 900, width: 100, height: 100 },
    });
    await expect(resubmitAssets({ teamId, actor: lead, items: [{ assetId: bad!.id, uploadId: tiny.id }] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await englishError(resubmitAssets({ teamId, actor: lead, items: [{ assetId: bad!.id, uploadId: tiny.id }] }))).toMatch(/300–6000 px/);
    expect((await prisma.asset.findUniqueOrThrow({ where: { id: bad!.id } })).state).toBe("REJECTED");
  });

  it("does not send a file already approved in the team again: the answer names the approved asset, unless asked to send it anyway", async () => {
    // By URL: an approved asset from the same URL in the group.
    const [approvedByUrl] = await seed(creator.id, [{ name: "dupe-url", state: "APPROVED" }]);
    const [failedByUrl, other] = await seed(creator.id, [
      { name: "dupe-url", state: "REJECTED" },
      { name: "not-a-dupe", state: "REJECTED" },
    ]);
    const result = await resubmitAssets({ teamId, actor: creator, items: [{ assetId: failedByUrl!.id }, { assetId: other!.id }] });
    expect(result.alreadyApproved).toEqual([
      { assetId: failedByUrl!.id, name: "dupe-url", approved: expect.objectContaining({ assetId: approvedByUrl!.id, name: "dupe-url", assetUrl: "asset://asset-dupe-url", uploadId: null, sourceUrl: approvedByUrl!.sourceUrl }) },
    ]);
    expect(Object.keys(result.replacements)).toEqual([other!.id]);
    expect(await prisma.asset.findUniqueOrThrow({ where: { id: failedByUrl!.id } })).toMatchObject({ state: "REJECTED" });
    expect(await prisma.asset.count({ where: { replacesId: failedByUrl!.id } })).toBe(0);

    // By upload (the same bytes): a replacement file that is already approved in the group.
    const upload = await prisma.upload.create({
      data: { teamId, uploaderId: creator.id, storageKey: `t/${randomUUID()}.png`, sha256: randomUUID(), fileName: "approved.png", mimeType: "image/png", type: "IMAGE", sizeBytes: 50_000, width: 800, height: 800 },
    });
    const [approvedUpload] = await seed(creator.id, [{ name: "approved-file", state: "APPROVED" }]);
    await prisma.asset.update({ where: { id: approvedUpload!.id }, data: { uploadId: upload.id, sourceUrl: null } });
    const [toReplace] = await seed(creator.id, [{ name: "to-replace", state: "REJECTED" }]);
    const replaced = await resubmitAssets({ teamId, actor: creator, items: [{ assetId: toReplace!.id, uploadId: upload.id }] });
    expect(replaced).toEqual({
      submissionIds: [],
      replacements: {},
      alreadyApproved: [{ assetId: toReplace!.id, name: "to-replace", approved: expect.objectContaining({ assetId: approvedUpload!.id, uploadId: upload.id, name: "approved-file" }) }],
    });
    expect(await prisma.asset.findUniqueOrThrow({ where: { id: toReplace!.id } })).toMatchObject({ state: "REJECTED" });

    // An approval in another group of the team counts too (its asset:// URL serves any video), named with its group;
    // and "Submit it again" sends it.
    const elsewhere = await prisma.assetGroup.create({ data: { teamId, name: `Elsewhere ${randomUUID().slice(0, 4)}`, projectName: "spring" } });
    const [elsewhereFailed] = await seed(creator.id, [{ name: "dupe-url", state: "REJECTED" }], teamId, elsewhere.id);
    expect((await resubmitAssets({ teamId, actor: creator, items: [{ assetId: elsewhereFailed!.id }] })).alreadyApproved).toEqual([
      { assetId: elsewhereFailed!.id, name: "dupe-url", approved: expect.objectContaining({ assetId: approvedByUrl!.id, sameGroup: false }) },
    ]);
    const forced = await resubmitAssets({ teamId, actor: creator, items: [{ assetId: toReplace!.id, uploadId: upload.id }], sendApprovedAgain: true });
    expect(forced.alreadyApproved).toEqual([]);
    expect(Object.keys(forced.replacements)).toEqual([toReplace!.id]);
  });

  it("splits more than 20 into several submissions with unique names", async () => {
    const failed = await seed(lead.id, Array.from({ length: 23 }, () => ({ name: "same-name", state: "REJECTED" as const })));
    const result = await resubmitAssets({ teamId, actor: lead, items: failed.map((a) => ({ assetId: a.id })) });
    expect(result.submissionIds).toHaveLength(2);
    const rows = await prisma.asset.findMany({ where: { submissionId: { in: result.submissionIds } }, select: { name: true, submissionId: true } });
    expect(rows).toHaveLength(23);
    for (const id of result.submissionIds) {
      const names = rows.filter((r) => r.submissionId === id).map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe("dismissing failed assets", () => {
  it("keeps the verdict and records the note", async () => {
    const [a, b] = await seed(creator.id, [
      { name: "dismiss-a", state: "REJECTED" },
      { name: "dismiss-b", state: "REJECTED" },
    ]);
    expect(await dismissAssets({ teamId, actorId: lead.id, assetIds: [a!.id, b!.id], note: "not needed" })).toBe(2);
    const rows = await prisma.asset.findMany({ where: { id: { in: [a!.id, b!.id] } } });
    expect(rows.every((r) => r.state === "DISMISSED" && r.dismissNote === "not needed" && r.failureReason)).toBe(true);
    await expect(dismissAssets({ teamId, actorId: lead.id, assetIds: [a!.id], note: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    const queue = await listRejectedAssets(teamId, { storage });
    expect(queue.groups.flatMap((g) => g.items).map((i) => i.id)).not.toContain(a!.id);
  });
});

describe("the gallery's pages", () => {
  it("walks every asset once by keyset, newest first, with filters and counts", async () => {
    const team = (await prisma.team.create({ data: { name: `Gallery ${randomUUID().slice(0, 6)}` } })).id;
    const group = (await prisma.assetGroup.create({ data: { teamId: team, name: "G", projectName: "p1" } })).id;
    const same = new Date("2026-02-01T10:00:00.000Z");
    const seeded = await seed(
      creator.id,
      Array.from({ length: 25 }, (_, i) => ({
        name: `${i % 5 === 0 ? "hero" : "side"}-${i}`,
        state: (i % 3 === 0 ? "REJECTED" : i % 3 === 1 ? "APPROVED" : "IN_REVIEW") as "REJECTED" | "APPROVED" | "IN_REVIEW",
        // Several rows share a time: the id breaks the tie.
        at: i < 10 ? same : new Date(same.getTime() + i * 60_000),
      })),
      team,
      group,
    );
    try {
      const seen: string[] = [];
      let cursor = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof listAssets>> = await listAssets(team, parseGalleryFilters({}), { cursor, limit: 7, viewerId: lead.id, storage });
        seen.push(...page.items.map((i) => i.id));
        cursor = decodeCursor(page.nextCursor);
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(25);
      const expected = [...seeded].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : 1)).map((r) => r.id);
      expect(seen).toEqual(expected);

      const failed = await listAssets(team, parseGalleryFilters({ tab: "failed", q: "HERO" }), { limit: 50, viewerId: lead.id, storage });
      expect(failed.items.map((i) => i.name).sort()).toEqual(["hero-0", "hero-15"]);
      expect(failed.items[0]!.status).toMatchObject({ key: "failed", live: false });
      expect(failed.items[0]!.thumbnailUrl).toBe("https://media.example.com/hero-15.png");

      const mine = await listAssets(team, parseGalleryFilters({ who: "me", project: "p1", from: "2026-02-01", to: "2026-02-01" }), { limit: 50, viewerId: creator.id, storage });
      expect(mine.items).toHaveLength(25);
      const nobody = await listAssets(team, parseGalleryFilters({ who: "me" }), { limit: 50, viewerId: lead.id, storage });
      expect(nobody.items).toHaveLength(0);
      const later = await listAssets(team, parseGalleryFilters({ from: "2026-02-02" }), { limit: 50, viewerId: lead.id, storage });
      expect(later.items).toHaveLength(0);

      // The one-statement way (every filter the gallery has) and the query builder's way (taken
      // for a filter the statement does not know) answer alike, card for card.
      expect(sqlCanList(parseGalleryFilters({}))).toBe(true);
      for (const query of [{}, { tab: "failed", q: "HERO" }, { who: "me", project: "p1", from: "2026-02-01" }, { tab: "failed", reason: "InputImageSensitiveContentDetected.PrivacyInformation" }, { type: "IMAGE", group, to: "2026-02-01" }]) {
        const filters = parseGalleryFilters(query);
        const builder = { ...filters, notInTheStatement: "x" } as typeof filters;
        expect(sqlCanList(filters)).toBe(true);
        expect(sqlCanList(builder)).toBe(false);
        for (const cursor of [null, decodeCursor((await listAssets(team, filters, { limit: 4, viewerId: creator.id, storage })).nextCursor)]) {
          const bySql = await listAssets(team, filters, { cursor, limit: 6, viewerId: creator.id, storage });
          const byBuilder = await listAssets(team, builder, { cursor, limit: 6, viewerId: creator.id, storage });
          expect(bySql.items.length, JSON.stringify(query)).toBeGreaterThan(0);
          expect(bySql).toEqual(byBuilder);
        }
      }

      expect(await countAssetsByTab(team, {}, lead.id)).toEqual({ approved: 8, in_review: 8, failed: 9, all: 25 });
      expect(await countAssetsByTab(team, { q: "hero" }, lead.id)).toEqual({ approved: 1, in_review: 2, failed: 2, all: 5 });
      // Another team sees none of it.
      expect((await listAssets(otherTeamId, parseGalleryFilters({}), { limit: 50, viewerId: lead.id, storage })).items.map((i) => i.id)).not.toContain(seen[0]);
    } finally {
      await prisma.team.delete({ where: { id: team } });
    }
  });

  it("cuts the days of `from` and `to` in the viewer's time zone", async () => {
    const team = (await prisma.team.create({ data: { name: `Zone ${randomUUID().slice(0, 6)}` } })).id;
    const group = (await prisma.assetGroup.create({ data: { teamId: team, name: "Z", projectName: "p1" } })).id;
    // Shanghai is UTC+8: its 5 February runs from 4 February 16:00 UTC to 5 February 16:00 UTC.
    await seed(
      creator.id,
      [
        { name: "before-local-midnight", state: "APPROVED", at: new Date("2026-02-04T15:59:00.000Z") },
        { name: "after-local-midnight", state: "APPROVED", at: new Date("2026-02-04T16:01:00.000Z") },
        { name: "local-afternoon", state: "REJECTED", at: new Date("2026-02-05T07:00:00.000Z") },
        { name: "after-local-day", state: "IN_REVIEW", at: new Date("2026-02-05T16:30:00.000Z") },
      ],
      team,
      group,
    );
    try {
      const names = async (filters: Record<string, string>, timeZone?: string) => {
        const page = await listAssets(team, parseGalleryFilters(filters), { limit: 50, viewerId: lead.id, storage, timeZone });
        return page.items.map((i) => i.name).sort();
      };
      const day = { from: "2026-02-05", to: "2026-02-05" };
      expect(await names(day, "Asia/Shanghai")).toEqual(["after-local-midnight", "local-afternoon"]);
      expect(await names(day)).toEqual(["after-local-day", "local-afternoon"]);
      expect(await names({ from: "2026-02-05" }, "Asia/Shanghai")).toEqual(["after-local-day", "after-local-midnight", "local-afternoon"]);
      expect(await names({ to: "2026-02-04" }, "Asia/Shanghai")).toEqual(["before-local-midnight"]);
      // With a reason filter too.
      const reason = "InputImageSensitiveContentDetected.PrivacyInformation";
      expect(await names({ ...day, tab: "failed", reason }, "Asia/Shanghai")).toEqual(["local-afternoon"]);
      expect(await names({ from: "2026-02-06", tab: "failed", reason }, "Asia/Shanghai")).toEqual([]);
      expect(await names({ to: "2026-02-04", tab: "failed", reason }, "America/Los_Angeles")).toEqual(["local-afternoon"]);
      expect(await countAssetsByTab(team, { from: "2026-02-05", to: "2026-02-05" }, lead.id, { timeZone: "Asia/Shanghai" })).toEqual({ approved: 1, in_review: 0, failed: 1, all: 2 });
      expect(await countAssetsByTab(team, { from: "2026-02-05", to: "2026-02-05" }, lead.id)).toEqual({ approved: 0, in_review: 1, failed: 1, all: 2 });
    } finally {
      await prisma.team.delete({ where: { id: team } });
    }
  });
});
