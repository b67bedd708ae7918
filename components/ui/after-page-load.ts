/**
 * Runs `run` once the page has loaded (its load event), or at once if it already has: for
 * code a page does not need for its first paint. Returns a function that cancels a run
 * still waiting.
 */
export function afterPageLoad(run: () => void): () => void {
  if (document.readyState === "complete") {
    run();
    return () => {};
  }
  window.addEventListener("load", run, { once: true });
  return () => window.removeEventListener("load", run);
}
