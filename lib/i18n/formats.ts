import type { Formats } from "next-intl";

/**
 * Named date and number styles, so every page writes a date the same way. Dates are shown in
 * the user's time zone (set once for the request in lib/auth/request-language.ts).
 */
export const formats = {
  dateTime: {
    /** "3 Dec 2026, 14:05" / "2026年12月3日 14:05" */
    short: { dateStyle: "medium", timeStyle: "short" },
    /** The same with the zone: "3 Dec 2026, 14:05 GMT+8". */
    withZone: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
    /** "3 Dec 2026" */
    day: { dateStyle: "medium" },
    /** "3 Dec" */
    dayMonth: { day: "numeric", month: "short" },
    /** "14:05" */
    time: { timeStyle: "short" },
  },
  number: {
    percent: { style: "percent", maximumFractionDigits: 0 },
    decimal1: { maximumFractionDigits: 1, minimumFractionDigits: 1 },
  },
} satisfies Formats;
