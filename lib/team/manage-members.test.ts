import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addMember } from "@/lib/team/add-member";
import { changeRole } from "@/lib/team/change-role";
import { removeMember } from "@/lib/team/remove-member";
import { listMembers } from "@/lib/team/list-members";

let teamId: string;
let otherTeamId: string;
let adminId: string;

beforeAll(async () => {
  const suffix = Math.random().toString(36).slice(2);
  const team = await prisma.team.create({ data: { name: `Team ${suffix}` } });
  const other = await prisma.team.create({ data: { name: `Other ${suffix}` } });
  teamId = team.id;
  otherTeamId = other.id;
  const admin = await prisma.user.create({
    data: { email: `admin-${suffix}@test.local`, membership: { create: { teamId, role: "ADMIN" } } },
  });
  adminId = admin.id;
});

describe("team management", () => {
  it("adds a member, changes the role, removes them, and audits each step", async () => {
    const actor = { id: adminId, teamId };
    const user = await addMember(actor, { email: `new-${teamId}@test.local`, role: "CREATOR", password: "long-enough" });
    const membership = await prisma.membership.findUniqueOrThrow({ where: { userId: user.id } });
    await changeRole(actor, membership.id, "LEAD");
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("LEAD");
    await removeMember(actor, membership.id);
    expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
    const actions = (await prisma.auditEvent.findMany({ where: { teamId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["member.added", "member.role_changed", "member.removed"]);
  });

  it("refuses a duplicate email", async () => {
    const actor = { id: adminId, teamId };
    await addMember(actor, { email: `dup-${teamId}@test.local`, role: "CREATOR", password: "long-enough" });
    await expect(addMember(actor, { email: `dup-${teamId}@test.local`, role: "LEAD", password: "long-enough" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps the last admin", async () => {
    const adminMembership = await prisma.membership.findUniqueOrThrow({ where: { userId: adminId } });
    await expect(changeRole({ id: adminId, teamId }, adminMembership.id, "CREATOR")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(removeMember({ id: adminId, teamId }, adminMembership.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never reaches into another team", async () => {
    const adminMembership = await prisma.membership.findUniqueOrThrow({ where: { userId: adminId } });
    await expect(changeRole({ id: adminId, teamId: otherTeamId }, adminMembership.id, "LEAD")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember({ id: adminId, teamId: otherTeamId }, adminMembership.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listMembers(otherTeamId)).toEqual([]);
  });
});

describe("last admin under concurrency", () => {
  it("two admins demoting each other at once leave one admin", async () => {
    const suffix = Math.random().toString(36).slice(2);
    const team = await prisma.team.create({ data: { name: `Race ${suffix}` } });
    const a = await prisma.user.create({ data: { email: `a-${suffix}@test.local`, membership: { create: { teamId: team.id, role: "ADMIN" } } }, include: { membership: true } });
    const b = await prisma.user.create({ data: { email: `b-${suffix}@test.local`, membership: { create: { teamId: team.id, role: "ADMIN" } } }, include: { membership: true } });
    const results = await Promise.allSettled([
      changeRole({ id: a.id, teamId: team.id }, b.membership!.id, "CREATOR"),
      changeRole({ id: b.id, teamId: team.id }, a.membership!.id, "CREATOR"),
    ]);
    expect(await prisma.membership.count({ where: { teamId: team.id, role: "ADMIN" } })).toBe(1);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
  });
});
