import "server-only";
import { prisma } from "@/lib/db";

export async function listMembers(teamId: string) {
  return prisma.membership.findMany({
    where: { teamId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}

export type TeamMember = Awaited<ReturnType<typeof listMembers>>[number];
