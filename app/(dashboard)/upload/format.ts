/** "48 KB", "3.1 MB" (decimal units, as the provider's limits are written). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** "3.0 s" */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "just now", "5 min ago", "3 h ago", else a date. */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

export const typeWords = {
  IMAGE: { one: "image", many: "images" },
  VIDEO: { one: "video", many: "videos" },
  AUDIO: { one: "audio file", many: "audio files" },
} as const;

export function countWords(count: number, type: keyof typeof typeWords): string {
  return `${count} ${count === 1 ? typeWords[type].one : typeWords[type].many}`;
}
