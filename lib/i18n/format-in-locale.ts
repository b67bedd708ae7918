import type { createFormatter } from "next-intl";
import type { MessageValues } from "@/lib/errors";
import type { formats } from "@/lib/i18n/formats";

export type FormatTools = {
  formatter: ReturnType<typeof createFormatter>;
  /** The `format` namespace's translator. */
  t: (key: string, values?: MessageValues) => string;
  now: Date;
};

type When = Date | string | number | null | undefined;

function toDate(value: When): Date | null {
  if (value == null || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The one place that turns numbers and dates into the words the pages show, in the user's
 * language and time zone (the formatter carries both). Sizes use decimal units, as the
 * provider's limits are written. Reached through `useFormat()` or `getFormat()`.
 */
// translator t: format
export function formatInLocale({ formatter, t, now }: FormatTools) {
  const number = (value: number, options?: { maximumFractionDigits?: number; minimumFractionDigits?: number }) => formatter.number(value, options ?? {});
  /** A date in one of the named styles of lib/i18n/formats.ts; "—" without one. */
  const dated = (style: keyof typeof formats.dateTime) => (value: When) => {
    const date = toDate(value);
    return date ? formatter.dateTime(date, style) : "—";
  };
  return {
    number,
    /** "3 Dec 2026, 14:05"; "—" without a date. */
    dateTime: dated("short"),
    /** "3 Dec 2026, 14:05 GMT+8": where the zone matters (details, exports, audit). */
    dateTimeWithZone: dated("withZone"),
    /** "3 Dec 2026" */
    day: dated("day"),
    /** "3 Dec" (chart axes). */
    dayMonth: dated("dayMonth"),
    /** "3 minutes ago", "yesterday"; "just now" inside a minute. */
    relative: (value: When) => {
      const date = toDate(value);
      if (!date) return "—";
      if (Math.abs(date.getTime() - now.getTime()) < 60_000) return t("justNow");
      return formatter.relativeTime(date, now);
    },
    /** "48 KB", "3.1 MB"; "—" when unknown. */
    bytes: (bytes: number | null | undefined) => {
      if (bytes == null) return "—";
      if (bytes < 1000) return t("bytes", { value: number(bytes) });
      if (bytes < 1_000_000) return t("kilobytes", { value: number(bytes / 1000, { maximumFractionDigits: bytes < 10_000 ? 1 : 0 }) });
      return t("megabytes", { value: number(bytes / 1_000_000, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) });
    },
    /** "3.0 s"; "—" when unknown. */
    seconds: (ms: number | null | undefined) =>
      ms == null ? "—" : t("seconds", { value: number(ms / 1000, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) }),
    /** "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "—" when unknown. */
    duration: (seconds: number | null | undefined) => {
      if (seconds == null || !Number.isFinite(seconds)) return "—";
      const s = Math.round(seconds);
      if (s < 60) return t("durationSeconds", { s });
      if (s < 3600) return t("durationMinutes", { m: Math.round(s / 60) });
      if (s < 86_400) {
        const h = Math.floor(s / 3600);
        const m = Math.round((s % 3600) / 60);
        return m > 0 ? t("durationHoursMinutes", { h, m }) : t("durationHours", { h });
      }
      const d = Math.floor(s / 86_400);
      const h = Math.round((s % 86_400) / 3600);
      return h > 0 ? t("durationDaysHours", { d, h }) : t("durationDays", { d });
    },
    /** "87%"; "—" without a rate. */
    percent: (rate: number | null | undefined) => (rate == null ? "—" : formatter.number(rate, "percent")),
    /** "1 image", "3 audio files". */
    count: (count: number, type: "IMAGE" | "VIDEO" | "AUDIO") => t(`count${type}`, { count }),
    /** "3 approved, 1 failed" (the failed part only when there are failures). */
    reviewCounts: (approved: number, failed: number) => t("reviewCounts", { approved, failed }),
  };
}

export type Format = ReturnType<typeof formatInLocale>;
