import "server-only";

/**
 * Polled answers kept in this process by everything they depend on, the team's change counter
 * among it: when a write moves the counter, every open tab of the team asks again at once, and
 * the same view is then computed once, not once per tab. A kept answer is never stale (a write
 * makes a new key; the old one ages out), and asks that arrive while it is being computed
 * wait for that one computation.
 */
const MAX_KEPT = 200;
const kept = new Map<string, Promise<string>>();

/** The JSON of `make()` under `key`, computed once while kept. A failure is not kept. */
export function sharedAnswer(key: string, make: () => Promise<unknown>): Promise<string> {
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const made = make().then((value) => JSON.stringify(value));
  kept.set(key, made);
  made.catch(() => {
    if (kept.get(key) === made) kept.delete(key);
  });
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return made;
}
