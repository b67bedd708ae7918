import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";

/**
 * The kept tab counts (`TeamCounter`, kept by triggers) against a full recount after every
 * writer's transition: submit, review verdicts (running and finished), resubmit and replace,
 * dismiss, drop, delete, bulk writes, a row moved between teams, and a team deleted. The
 * change counter moves on each write and only for the team written to.
 */

let prisma: typeof import("@/lib/db").prisma;
let writeSubmission: typeof import("@/lib/submissions/write-submission").writeSubmission;
let recordReviewResult: typeof import("@/lib/submissions/record-review-result").recordReviewResult;
let resubmitAssets: typeof import("@/lib/assets/resubmit-assets").resubmitAssets;
let dismissAssets: typeof import("@/lib/assets/dismiss-assets").dismissAssets;
let dropSubmission: typeof import("@/lib/submissions/drop-submission").dropSubmission;
let countAssetsByTab: typeof import("@/lib/assets/count-assets-by-tab").countAssetsByTab;

let teamId: string;
let otherTeamId: string;
let leadId: string;
let groupId: string;
const states = ["PENDING", "IN_REVIEW", "APPROVED", "REJECTED", "REPLACED", "DISMISSED"] as const;

beforeAll(async () => {
  setTestEnv();
  ({ prisma } = await import("@/lib/db"));
  ({ writeSubmission } = await import("@/lib/submissions/write-submission"));
  ({ recordReviewResult } = await import("@/lib/submissions/record-review-result"));
  ({ resubmitAssets } = await import("@/lib/assets/resubmit-assets"));
  ({ dismissAssets } = await import("@/lib/assets/dismiss-assets"));
  ({ dropSubmission } = await import("@/lib/submissions/drop-submission"));
  ({ countAssetsByTab } = await import("@/lib/assets/count-assets-by-tab"));
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Counts ${suffix}` } })).id;
  otherTeamId = (await prisma.team.create({ data: { name: `Counts other ${suffix}` } })).id;
  leadId = (await prisma.user.create({ data: { email: `lead-${suffix}@example.com`, name: "Lead" } })).id;
  await prisma.membership.create({ data: { teamId, userId: leadId, role: "LEAD" } });
  groupId = (await prisma.assetGroup.create({ data: { teamId, name: "Counted", projectName: "p" } })).id;
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await prisma.user.deleteMany({ where: { id: leadId } });
});

async function kept(team: string) {
  const row = await prisma.teamCounter.findUnique({ where: { teamId: team } });
  return {
    counts: {
      PENDING: row?.pending ?? 0,
      IN_REVIEW: row?.inReview ?? 0,
      APPROVED: row?.approved ?? 0,
      REJECTED: row?.rejected ?? 0,
      REPLACED: row?.replaced ?? 0,
      DISMISSED: row?.dismissed ?? 0,
    },
    version: row?.version ?? 0n,
  };
}

async function recount(team: string) {
  const rows = await prisma.asset.groupBy({ by: ["state"], where: { teamId: team }, _count: { _all: true } });
  return Object.fromEntries(states.map((s) => [s, rows.find((r) => r.state === s)?._count._all ?? 0]));
}

/** The kept counts equal a recount for both teams, and the versions moved as expected. */
async function expectKept(moved: { team: boolean; other?: boolean }, before: { team: bigint; other: bigint }) {
  const [mine, other] = [await kept(teamId), await kept(otherTeamId)];
  expect(mine.counts).toEqual(await recount(teamId));
  expect(other.counts).toEqual(await recount(otherTeamId));
  if (moved.team) expect(mine.version).toBeGreaterThan(before.team);
  else expect(mine.version).toBe(before.team);
  if (moved.other) expect(other.version).toBeGreaterThan(before.other);
  else expect(other.version).toBe(before.other);
  return { team: mine.version, other: other.version };
}

async function submit(names: string[], team = teamId, group = groupId) {
  return prisma.$transaction((tx) =>
    writeSubmission(tx, {
      teamId: team,
      groupId: group,
      projectName: "p",
      assetType: "IMAGE",
      createdById: leadId,
      createdAt: new Date(),
      assets: names.map((name) => ({ name, uploadId: null, sourceUrl: `https://media.example.com/${name}.png` })),
    }),
  );
}

async function sent(submissionId: string) {
  await prisma.submission.update({ where: { id: submissionId }, data: { state: "SENT", providerTaskId: `task-${submissionId}` } });
}

describe("TeamCounter", () => {
  it("matches a full recount after every transition, and moves only the written team's version", async () => {
    let v = { team: (await kept(teamId)).version, other: (await kept(otherTeamId)).version };

    // Submit: PENDING rows in one transaction.
    const first = await submit(["a", "b", "c", "d"]);
    v = await expectKept({ team: true }, v);
    expect(await countAssetsByTab(teamId, {}, null)).toEqual({ approved: 0, in_review: 4, failed: 0, all: 4 });

    // Verdicts while the task runs: one approved, one rejected, the rest IN_REVIEW.
    await sent(first.id);
    v = await expectKept({ team: true }, v);
    await recordReviewResult({
      submissionId: first.id,
      teamId,
      task: {
        taskId: `task-${first.id}`,
        status: "running",
        rawStatus: "processing",
        unknownStatus: false,
        progress: 50,
        review: { usable: [{ name: "a", assetId: "asset-a", assetUrl: "asset://asset-a" }], failed: [{ name: "b", code: "InputImageSensitiveContentDetected", reason: "no" }], pending: [{ name: "c" }, { name: "d" }] },
      },
      raw: { data: { status: "processing" } },
      now: new Date(),
      nextPollAt: new Date(Date.now() + 3000),
    });
    v = await expectKept({ team: true }, v);

    // The task finishes: the rest settle.
    await recordReviewResult({
      submissionId: first.id,
      teamId,
      task: {
        taskId: `task-${first.id}`,
        status: "completed",
        rawStatus: "completed",
        unknownStatus: false,
        progress: 100,
        review: {
          usable: [{ name: "a", assetId: "asset-a", assetUrl: "asset://asset-a" }, { name: "c", assetId: "asset-c", assetUrl: "asset://asset-c" }],
          failed: [{ name: "b", code: "InputImageSensitiveContentDetected", reason: "no" }, { name: "d", code: "InputImageSensitiveContentDetected", reason: "no" }],
          pending: [],
        },
      },
      raw: { data: { status: "completed" } },
      now: new Date(),
      nextPollAt: new Date(),
    });
    v = await expectKept({ team: true }, v);
    const counts = (await kept(teamId)).counts;
    expect(counts.APPROVED).toBe(2);
    expect(counts.REJECTED).toBe(2);

    // Resubmit one failed asset (REJECTED → REPLACED, a new PENDING one) and replace another's file.
    const [b, d] = await Promise.all(["b", "d"].map((name) => prisma.asset.findFirstOrThrow({ where: { submissionId: first.id, name } })));
    await resubmitAssets({ teamId, actor: { id: leadId, role: "LEAD" }, items: [{ assetId: b!.id }] });
    v = await expectKept({ team: true }, v);
    expect((await kept(teamId)).counts).toMatchObject({ REPLACED: 1, REJECTED: 1, PENDING: 1 });
    // Replace (what `replaceAsset` does before it sends): the same with a new file.
    const upload = await prisma.upload.create({
      data: { teamId, uploaderId: leadId, storageKey: `counts/${randomUUID()}.png`, sha256: randomUUID(), fileName: "d2.png", mimeType: "image/png", type: "IMAGE", sizeBytes: 10_000, width: 800, height: 800 },
    });
    await resubmitAssets({ teamId, actor: { id: leadId, role: "LEAD" }, items: [{ assetId: d!.id, uploadId: upload.id }] });
    v = await expectKept({ team: true }, v);
    expect((await kept(teamId)).counts).toMatchObject({ REPLACED: 2, REJECTED: 0, PENDING: 2 });
    // A thumbnail made later changes the cards: the version moves, the counts do not.
    await prisma.upload.update({ where: { id: upload.id }, data: { thumbnailKey: `counts/${randomUUID()}.webp` } });
    v = await expectKept({ team: true }, v);

    // Dismiss the other failed one… (make one more failed first)
    const second = await submit(["e", "f"]);
    v = await expectKept({ team: true }, v);
    await prisma.asset.updateMany({ where: { submissionId: second.id }, data: { state: "REJECTED", failureCode: "X", failureReason: "X" } });
    v = await expectKept({ team: true }, v);
    const e = await prisma.asset.findFirstOrThrow({ where: { submissionId: second.id, name: "e" } });
    await dismissAssets({ teamId, actorId: leadId, assetIds: [e.id], note: "not needed" });
    v = await expectKept({ team: true }, v);

    // Drop a submission whose send failed: its PENDING assets become DISMISSED.
    const third = await submit(["g", "h", "i"]);
    v = await expectKept({ team: true }, v);
    await prisma.submission.update({ where: { id: third.id }, data: { state: "SEND_FAILED", errorCode: "UPSTREAM_UNAVAILABLE" } });
    v = await expectKept({ team: true }, v);
    await dropSubmission({ submissionId: third.id }, { id: leadId, teamId, role: "LEAD" });
    v = await expectKept({ team: true }, v);
    expect((await kept(teamId)).counts.DISMISSED).toBe(4);

    // A write that changes nothing moves nothing.
    await prisma.asset.updateMany({ where: { teamId, name: "no such asset" }, data: { state: "APPROVED" } });
    v = await expectKept({ team: false }, v);

    // Bulk insert, a row moved to another team, one deleted, a submission deleted with its assets.
    const otherGroup = await prisma.assetGroup.create({ data: { teamId: otherTeamId, name: "Other", projectName: "p" } });
    const otherSubmission = await submit(["x"], otherTeamId, otherGroup.id);
    v = await expectKept({ team: false, other: true }, v);
    await prisma.asset.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ teamId, submissionId: second.id, groupId, name: `bulk-${i}`, type: "IMAGE" as const, state: i % 3 === 0 ? ("APPROVED" as const) : ("IN_REVIEW" as const) })),
    });
    v = await expectKept({ team: true }, v);
    const moved = await prisma.asset.findFirstOrThrow({ where: { teamId, name: "bulk-0" } });
    await prisma.asset.update({ where: { id: moved.id }, data: { teamId: otherTeamId, submissionId: otherSubmission.id, groupId: otherGroup.id } });
    v = await expectKept({ team: true, other: true }, v);
    await prisma.asset.delete({ where: { id: (await prisma.asset.findFirstOrThrow({ where: { teamId, name: "bulk-1" } })).id } });
    v = await expectKept({ team: true }, v);
    await prisma.submission.delete({ where: { id: second.id } });
    v = await expectKept({ team: true }, v);

    // Things shown on cards besides the asset row: a group renamed, an author renamed.
    await prisma.assetGroup.update({ where: { id: groupId }, data: { name: "Counted again" } });
    v = await expectKept({ team: true }, v);
    await prisma.user.update({ where: { id: leadId }, data: { name: "Lead Two" } });
    v = await expectKept({ team: true }, v);

    // Unfiltered counts come from the kept row; filtered ones still match a query.
    const all = await recount(teamId);
    expect(await countAssetsByTab(teamId, {}, null)).toEqual({
      approved: all.APPROVED,
      in_review: all.PENDING! + all.IN_REVIEW!,
      failed: all.REJECTED,
      all: Object.values(all).reduce((s, n) => s + n, 0),
    });
    const named = await prisma.asset.count({ where: { teamId, name: { contains: "a", mode: "insensitive" } } });
    expect(named).toBeGreaterThan(0);
    expect((await countAssetsByTab(teamId, { q: "a" }, null)).all).toBe(named);

    // A team deleted with its assets leaves its kept counts at zero.
    await prisma.team.delete({ where: { id: otherTeamId } });
    expect((await kept(otherTeamId)).counts).toEqual({ PENDING: 0, IN_REVIEW: 0, APPROVED: 0, REJECTED: 0, REPLACED: 0, DISMISSED: 0 });
  });

  it("keeps the bytes of the team's uploads against a full sum through inserts, a thumbnail, a changed size, a move and deletes, without moving the version", async () => {
    const bytesTeam = (await prisma.team.create({ data: { name: `Bytes ${randomUUID().slice(0, 8)}` } })).id;
    const sum = async (team: string) => Number((await prisma.upload.aggregate({ where: { teamId: team }, _sum: { sizeBytes: true } }))._sum.sizeBytes ?? 0);
    const keptRow = async (team: string) => {
      const row = await prisma.teamCounter.findUnique({ where: { teamId: team } });
      return { bytes: Number(row?.uploadBytes ?? 0n), version: row?.version ?? 0n };
    };
    const expectBytes = async () => {
      for (const team of [teamId, bytesTeam]) expect((await keptRow(team)).bytes, team).toBe(await sum(team));
    };
    const make = (team: string, sizeBytes: number) => ({
      teamId: team,
      uploaderId: leadId,
      storageKey: `bytes/${randomUUID()}.png`,
      sha256: randomUUID(),
      fileName: "b.png",
      mimeType: "image/png",
      type: "IMAGE" as const,
      sizeBytes,
      width: 800,
      height: 800,
    });
    try {
      const before = await keptRow(teamId);
      const one = await prisma.upload.create({ data: make(teamId, 2_000_000) });
      await prisma.upload.createMany({ data: [make(teamId, 1_500), make(bytesTeam, 2_000_000_000), make(bytesTeam, 2_000_000_000), make(bytesTeam, 7)] });
      await expectBytes();
      // A new upload changes nothing the polled reads show.
      expect((await keptRow(teamId)).version).toBe(before.version);
      await prisma.upload.update({ where: { id: one.id }, data: { thumbnailKey: `bytes/${randomUUID()}.webp` } });
      await expectBytes();
      await prisma.upload.update({ where: { id: one.id }, data: { sizeBytes: 2_500_000 } });
      await expectBytes();
      await prisma.upload.update({ where: { id: one.id }, data: { teamId: bytesTeam } });
      await expectBytes();
      await prisma.upload.deleteMany({ where: { teamId: bytesTeam, sizeBytes: { lt: 10 } } });
      await expectBytes();
      // Beyond 2^31 in all: the quota is in gigabytes.
      expect((await keptRow(bytesTeam)).bytes).toBeGreaterThan(2 ** 31);
    } finally {
      await prisma.upload.deleteMany({ where: { teamId: bytesTeam } });
      await expectBytes();
      await prisma.team.delete({ where: { id: bytesTeam } });
    }
  });
});
