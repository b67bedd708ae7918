/**
 * The time zone a person's figures are cut into days by. Until users keep a zone of their own,
 * it comes from the `tz` cookie the browser sets (components/insight/time-zone-cookie.tsx) or a
 * `tz` search param; anything unknown falls back to UTC. A per-user setting plugs in here.
 */
export const TIME_ZONE_COOKIE = "tz";

export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function resolveTimeZone(sources: { param?: string | null; cookie?: string | null; user?: string | null }): string {
  for (const candidate of [sources.user, sources.param, sources.cookie]) {
    if (candidate && isTimeZone(candidate)) return candidate;
  }
  return "UTC";
}

