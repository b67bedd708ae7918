import "server-only";
import { prisma } from "@/lib/db";
import { displayName } from "@/lib/users/display-name";

/** What the gallery's filters offer: the team's groups, projects and members. */
export async function listGalleryFacets(teamId: string) {
  const [groups, members] = await Promise.all([
    prisma.assetGroup.findMany({
      where: { teamId },
      orderBy: [{ projectName: "asc" }, { name: "asc" }],
      take: 1000,
      select: { id: true, name: true, projectName: true },
    }),
    prisma.membership.findMany({
      where: { teamId },
      select: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    groups,
    projects: [...new Set(groups.map((g) => g.projectName))].sort(),
    members: members.map((m) => ({ id: m.user.id, name: displayName(m.user) })),
  };
}

export type GalleryFacets = Awaited<ReturnType<typeof listGalleryFacets>>;
