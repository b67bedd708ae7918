/**
 * Days in a person's time zone as instants, for filters that take days ("from 4 December"):
 * the day begins at that zone's midnight, not UTC's. Browser-safe.
 */
/** Minutes `timeZone` is ahead of UTC at `instant` (Shanghai: 480). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a day ("2026-12-04") begins in `timeZone`: Shanghai's 4 December begins at
 * 2026-12-03T16:00Z. A day that begins in a daylight-saving gap begins when the clock resumes.
 */
export function zonedDayStart(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  let instant = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  // The offset at the guess may differ from the offset at local midnight (a change that day).
  instant = midnightUtc - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The instants bounding the days `from`–`to` (both included) in `timeZone`: `gte` and `lt`. */
export function zonedDayRange(range: { from?: string; to?: string }, timeZone: string): { gte?: Date; lt?: Date } {
  const out: { gte?: Date; lt?: Date } = {};
  if (range.from) out.gte = zonedDayStart(range.from, timeZone);
  if (range.to) {
    const [year, month, date] = range.to.split("-").map(Number) as [number, number, number];
    out.lt = zonedDayStart(new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10), timeZone);
  }
  return out;
}
