/**
 * The video jobs a tab knows to be running, kept in its session: a job that finishes while
 * the next page loads (a reload, a link opened in place), or just after it was started, is
 * still announced there by the finish watcher.
 */

const storageKey = "running-video-jobs";
/** How long a tab's list stays news: past it, the jobs it lists are not announced. */
const FRESH_MS = 15 * 60_000;

export function readRunningJobs(): Set<string> | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(storageKey) ?? "null") as { at: number; ids: string[] } | null;
    if (!kept || Date.now() - kept.at > FRESH_MS || !Array.isArray(kept.ids)) return null;
    return new Set(kept.ids.filter((id) => typeof id === "string"));
  } catch {
    return null;
  }
}

export function keepRunningJobs(ids: Iterable<string>): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify({ at: Date.now(), ids: [...ids] }));
  } catch {
    // Storage refused: notices hold within this page.
  }
}

/** A job this tab has just started. */
export function noteStartedJob(id: string): void {
  keepRunningJobs(new Set([...(readRunningJobs() ?? []), id]));
}
