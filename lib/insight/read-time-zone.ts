import "server-only";
import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/insight/time-zone";

/**
 * The reader's time zone for a page or route: the signed-in user's saved zone first, then
 * `?tz=`, then the browser's cookie, else UTC.
 */
export async function readTimeZone(param?: string | string[] | null): Promise<string> {
  const [jar, user] = await Promise.all([cookies(), getSessionUser().catch(() => null)]);
  return resolveTimeZone({ user: user?.timeZone, param: Array.isArray(param) ? param[0] : param, cookie: jar.get(TIME_ZONE_COOKIE)?.value });
}
