/** Tracks background work so that closing the simulator can stop and wait for it. */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  run(job: () => Promise<void>, onError: (error: unknown) => void): void {
    if (this.stopped) return;
    const promise: Promise<void> = job()
      .catch((error: unknown) => {
        if (!this.stopped) onError(error);
      })
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Settles when nothing is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.idle();
  }
}

export async function forEachLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(workers);
}
