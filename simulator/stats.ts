/** Request counts, so tests can tell how often a client called (or polled). */
export class RequestStats {
  total = 0;
  endpoints: Record<string, number> = {};
  tasks: Record<string, number> = {};

  count(endpoint: string, taskId?: string): void {
    this.total += 1;
    this.endpoints[endpoint] = (this.endpoints[endpoint] ?? 0) + 1;
    if (taskId) this.tasks[taskId] = (this.tasks[taskId] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.endpoints = {};
    this.tasks = {};
  }
}
