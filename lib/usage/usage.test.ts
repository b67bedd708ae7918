import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/test/integration-kit";
import { englishError } from "@/test/english-error";

/**
 * Groups and assets per group against the account's limits on real PostgreSQL (2 groups, 3
 * assets a group here): a submit that would pass one is refused with the numbers and writes
 * nothing; the usage figures count what holds a place at the provider.
 */

let prisma: typeof import("@/lib/db").prisma;
let submitAssets: typeof import("@/lib/submissions/submit-assets").submitAssets;
let getUsage: typeof import("@/lib/usage/get-usage").getUsage;
let resubmitAssets: typeof import("@/lib/assets/resubmit-assets").resubmitAssets;
let submitAssetsSchema: typeof import("@/lib/submissions/submit-assets.validation").submitAssetsSchema;
const suffix = randomUUID().slice(0, 8);
const ids = { team: "", user: "" };

beforeAll(async () => {
  setTestEnv({ ASSET_GROUPS_LIMIT: "2", ASSETS_PER_GROUP_LIMIT: "3" });
  ({ prisma } = await import("@/lib/db"));
  ({ submitAssets } = await import("@/lib/submissions/submit-assets"));
  ({ getUsage } = await import("@/lib/usage/get-usage"));
  ({ resubmitAssets } = await import("@/lib/assets/resubmit-assets"));
  ({ submitAssetsSchema } = await import("@/lib/submissions/submit-assets.validation"));
  ids.team = (await prisma.team.create({ data: { name: `Usage ${suffix}` } })).id;
  ids.user = (await prisma.user.create({ data: { email: `u-${suffix}@example.com`, name: "U" } })).id;
  await prisma.membership.create({ data: { teamId: ids.team, userId: ids.user, role: "CREATOR" } });
});

afterAll(async () => {
  await prisma.asset.deleteMany({ where: { teamId: ids.team } });
  await prisma.submission.deleteMany({ where: { teamId: ids.team } });
  await prisma.team.deleteMany({ where: { id: ids.team } });
  await prisma.user.deleteMany({ where: { id: ids.user } });
});

const submit = (group: string, count: number) =>
  submitAssets(
    submitAssetsSchema.parse({
      target: { kind: "new", name: group },
      items: Array.from({ length: count }, (_, i) => ({ source: "url", url: `https://media.example.com/${group}-${i}-${randomUUID().slice(0, 4)}.png`, type: "IMAGE", name: `${group}-${i}-${randomUUID().slice(0, 4)}` })),
    }),
    { teamId: ids.team, userId: ids.user },
  );

describe("submission limits", () => {
  it("refuses a submit that would pass the assets a group may hold, with the numbers", async () => {
    await submit("alpha", 2);
    expect(await englishError(submit("alpha", 2))).toMatch("Nothing was submitted: “alpha” holds 2 of at most 3 assets, so only 1 more fit and this submit has 2.");
    expect(await prisma.asset.count({ where: { teamId: ids.team } })).toBe(2);
    await submit("alpha", 1);
  });

  it("refuses a new group past the account's number of groups", async () => {
    await submit("beta", 1);
    expect(await englishError(submit("gamma", 1))).toMatch("the team already has 2 of at most 2 groups");
    expect(await prisma.assetGroup.count({ where: { teamId: ids.team } })).toBe(2);
  });

  it("counts groups and the assets that hold a place in them; a rejected one frees its place", async () => {
    const alpha = await prisma.assetGroup.findFirstOrThrow({ where: { teamId: ids.team, name: "alpha" } });
    expect(await getUsage(ids.team)).toEqual({
      groups: { used: 2, limit: 2 },
      assetsPerGroup: 3,
      fullest: [
        { id: alpha.id, name: "alpha", projectName: "default", assets: 3 },
        { id: expect.any(String), name: "beta", projectName: "default", assets: 1 },
      ],
    });
    const one = await prisma.asset.findFirstOrThrow({ where: { groupId: alpha.id } });
    await prisma.asset.update({ where: { id: one.id }, data: { state: "REJECTED" } });
    expect((await getUsage(ids.team)).fullest[0]?.assets).toBe(2);
    await expect(submit("alpha", 1)).resolves.toBeDefined();
  });

  it("checks failed assets sent again, or their replacements, against their group's places; a full team of groups still takes them", async () => {
    const alpha = await prisma.assetGroup.findFirstOrThrow({ where: { teamId: ids.team, name: "alpha" } });
    const failed = await prisma.asset.findFirstOrThrow({ where: { groupId: alpha.id, state: "REJECTED" } });
    const actor = { id: ids.user, role: "CREATOR" as const };
    // alpha holds 3 of 3: neither the same file nor a new one fits.
    expect(await englishError(resubmitAssets({ teamId: ids.team, actor, items: [{ assetId: failed.id }] }))).toMatch(
      "Nothing was sent again: “alpha” holds 3 of at most 3 assets, so no more fit and this resubmit has 1.",
    );
    const upload = await prisma.upload.create({
      data: { teamId: ids.team, uploaderId: ids.user, storageKey: `u/${randomUUID()}.png`, sha256: randomUUID(), fileName: "fixed.png", mimeType: "image/png", type: "IMAGE", sizeBytes: 50_000, width: 800, height: 800 },
    });
    await expect(resubmitAssets({ teamId: ids.team, actor, items: [{ assetId: failed.id, uploadId: upload.id }] })).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
    expect(await prisma.asset.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ state: "REJECTED" });
    expect(await prisma.asset.count({ where: { teamId: ids.team } })).toBe(5);

    // beta has room: its failed asset goes back in, though the team already has all the groups it may.
    const beta = await prisma.assetGroup.findFirstOrThrow({ where: { teamId: ids.team, name: "beta" } });
    const betaFailed = await prisma.asset.findFirstOrThrow({ where: { groupId: beta.id } });
    await prisma.asset.update({ where: { id: betaFailed.id }, data: { state: "REJECTED" } });
    const result = await resubmitAssets({ teamId: ids.team, actor, items: [{ assetId: betaFailed.id, uploadId: upload.id }] });
    expect(Object.keys(result.replacements)).toEqual([betaFailed.id]);
    expect((await getUsage(ids.team)).groups).toEqual({ used: 2, limit: 2 });
  });
});
