import { prisma } from "@/lib/db";
import { displayName } from "@/lib/users/display-name";

/**
 * The display names of these users, by id (unknown and empty ids are skipped; no query when
 * there is none to ask about). The ids come from rows the caller has already scoped to a team.
 */
export async function loadUserNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, displayName(u)]));
}
