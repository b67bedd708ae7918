/** The simulator's clock: real time plus an offset that tests can move forward. */
export class SimClock {
  constructor(public offsetMs = 0) {}

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += Math.round(seconds * 1000);
  }
}

export function toUnixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
