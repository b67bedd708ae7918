import { cache } from "react";
import { auth } from "@/lib/auth/next-auth";
import { cachedSessionUserId } from "@/lib/auth/session-token-cache";
import { can, type Permission } from "@/lib/auth/roles";
import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

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
  // One plain statement (`readRows`): this runs on every request of every open tab.
  // The team's change counter (polled reads answer 304 by it) and kept asset counts (the
  // gallery's tabs) come along, in the same read.
  const [membership] = await readRows<
    { role: Role; teamId: string; teamName: string; userId: string; email: string; name: string | null; teamVersion: string | null; locale: string | null; timeZone: string | null } & Record<"pending" | "inReview" | "approved" | "rejected" | "replaced" | "dismissed", number | null>
  >(Prisma.sql`SELECT m.role::text AS role, t.id AS "teamId", t.name AS "teamName", u.id AS "userId", u.email, u.name, u.locale, u."timeZone", c."version" AS "teamVersion",
             c."pending", c."inReview", c."approved", c."rejected", c."replaced", c."dismissed"
      FROM "Membership" m JOIN "Team" t ON t.id = m."teamId" JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "TeamCounter" c ON c."teamId" = m."teamId"
     WHERE m."userId" = ${userId}`);
  if (!membership) return null;
  return {
    id: membership.userId,
    email: membership.email,
    name: membership.name,
    role: membership.role,
    teamId: membership.teamId,
    teamName: membership.teamName,
    /** The saved language ("en", "zh"), or null to follow the browser. */
    locale: membership.locale,
    /** The saved IANA time zone, or null until the browser has reported one. */
    timeZone: membership.timeZone,
    /** The team's change counter when this request began (see lib/http/team-version.ts). */
    teamVersion: membership.teamVersion === null ? 0n : BigInt(membership.teamVersion),
    /** The team's kept asset counts by state at that version (see lib/assets/team-counter.ts). */
    teamCounts: {
      pending: membership.pending ?? 0,
      inReview: membership.inReview ?? 0,
      approved: membership.approved ?? 0,
      rejected: membership.rejected ?? 0,
      replaced: membership.replaced ?? 0,
      dismissed: membership.dismissed ?? 0,
    },
  };
});

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "sessionEnded");
  return user;
}

export function assertCan(user: Pick<SessionUser, "role">, permission: Permission): void {
  if (!can(user.role, permission)) throw new AppError("FORBIDDEN", "forbidden");
}
