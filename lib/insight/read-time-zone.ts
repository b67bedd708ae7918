import "server-only";
import { cookies } from "next/headers";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/insight/time-zone";

/** The reader's time zone for a page or route: `?tz=` first, then the browser's cookie, else UTC. */
export async function readTimeZone(param?: string | string[] | null): Promise<string> {
  const jar = await cookies();
  return resolveTimeZone({ param: Array.isArray(param) ? param[0] : param, cookie: jar.get(TIME_ZONE_COOKIE)?.value });
}
