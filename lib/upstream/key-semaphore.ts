import { createHash } from "node:crypto";

/**
 * At most N calls in flight per provider key, shared by every client built with that key in
 * this process. Keyed by a hash so that the key itself is never held as a map key.
 */
class Semaphore {
  limit: number;
  active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  get idle(): boolean {
    return this.active === 0 && this.waiters.length === 0;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        this.active++;
        resolve();
      };
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(grant);
    });
  }

  release(): void {
    this.active--;
    this.drain();
  }

  drain(): void {
    while (this.active < this.limit && this.waiters.length > 0) this.waiters.shift()?.();
  }
}

const semaphores = new Map<string, Semaphore>();

export function keyHash(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex").slice(0, 32);
}

/**
 * Runs `fn` once a slot for this key is free. The limit is the one given by the latest
 * caller, so a changed setting takes effect without a restart.
 */
export async function withKeySlot<T>(apiKey: string, limit: number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const id = keyHash(apiKey);
  let semaphore = semaphores.get(id);
  if (!semaphore) {
    semaphore = new Semaphore(limit);
    semaphores.set(id, semaphore);
  } else if (semaphore.limit !== limit) {
    semaphore.limit = limit;
    semaphore.drain();
  }
  const s = semaphore;
  try {
    await s.acquire(signal);
  } catch (error) {
    if (s.idle && semaphores.get(id) === s) semaphores.delete(id);
    throw error;
  }
  try {
    return await fn();
  } finally {
    s.release();
    if (s.idle && semaphores.get(id) === s) semaphores.delete(id);
  }
}
