import { cache } from "react";
import { auth } from "@/lib/auth/next-auth";
import { cachedSessionUserId } from "@/lib/auth/session-token-cache";
import { can, type Permission } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The signed-in user as the database knows them now: the session cookie only names the
 * user, and team and role are looked up on every request.
 */
export const getSessionUser = cache(async () => {
  const userId = await cachedSessionUserId(async () => {
    const session = await auth();
    return { userId: session?.user?.id ?? null, expires: session?.expires ?? null };
  });
  if (!userId) return null;
  const membership = await prisma.membership.findUnique({
    where: { userId },
    select: {
      role: true,
      team: { select: { id: true, name: true } },
      user: { select: { id: true, email: true, name: true } },
    },
  });
  if (!membership) return null;
  return {
    id: membership.user.id,
    email: membership.user.email,
    name: membership.user.name,
    role: membership.role,
    teamId: membership.team.id,
    teamName: membership.team.name,
  };
});

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return user;
}

export function assertCan(user: SessionUser, permission: Permission): void {
  if (!can(user.role, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do that.");
}
