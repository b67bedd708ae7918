/** Dates and sizes as the gallery shows them. Browser-safe. */

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return "—";
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** "3 approved, 1 failed" */
export function reviewCounts(approved: number, failed: number): string {
  const parts = [`${approved} approved`];
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join(", ");
}
