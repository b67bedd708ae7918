/**
 * The one place that turns numbers and dates into the words the pages show. Browser-safe:
 * dates use the user's locale; sizes use decimal units, as the provider's limits are written.
 */

/** "48 KB", "3.1 MB"; "—" when unknown. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return "—";
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** "3.0 s"; null when unknown. */
export function formatSeconds(ms: number | null | undefined): string | null {
  if (ms == null) return null;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "3 Dec 2026, 14:05" in the user's locale; "—" when there is no date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday", "just now". */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of relativeUnits) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return "just now";
}

export const typeWords = {
  IMAGE: { one: "image", many: "images" },
  VIDEO: { one: "video", many: "videos" },
  AUDIO: { one: "audio file", many: "audio files" },
} as const;

/** "1 image", "3 audio files". */
export function countWords(count: number, type: keyof typeof typeWords): string {
  return `${count} ${count === 1 ? typeWords[type].one : typeWords[type].many}`;
}

/** "3 approved, 1 failed" */
export function reviewCounts(approved: number, failed: number): string {
  const parts = [`${approved} approved`];
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join(", ");
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "—" when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(s / 86_400);
  const h = Math.round((s % 86_400) / 3600);
  return h > 0 ? `${d} d ${h} h` : `${d} d`;
}

/** "87 %"; "—" without a rate. */
export function formatPercent(rate: number | null | undefined): string {
  return rate == null ? "—" : `${Math.round(rate * 100)} %`;
}
