import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/roles";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

/** For server pages: the signed-in user, or a redirect to sign-in that returns here afterwards. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = safeReturnPath((await headers()).get("x-pathname"));
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** For pages only some roles may open: others get the not-permitted page, by link too. */
export async function requirePagePermission(permission: Permission): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!can(user.role, permission)) redirect("/forbidden");
  return user;
}
