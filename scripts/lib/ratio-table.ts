import { pct } from "./bench-stack";

/** One scenario of a benchmark: its load times and, from the same run, a bare query's times. */
export type RatioRow = { scenario: string; times: number[]; bareTimes: number[]; count: number };

/**
 * Prints the scenarios as a table (p50/p95 of the loads and of the bare query, and their
 * ratios), then the percentiles over every load, and returns the p95 ratio over every load.
 */
export function printRatioTable(rows: RatioRow[], labels: { scenario: string; count: string }): number {
  const width = Math.max(labels.scenario.length, ...rows.map((r) => r.scenario.length)) + 2;
  const head = ["p50 ms", "p95 ms", "bare p50", "bare p95", "p50 ×", "p95 ×", labels.count];
  console.log(`${labels.scenario.padEnd(width)} ${head.map((h) => h.padStart(9)).join(" ")}`);
  for (const r of rows) {
    const [p50, p95, bareP50, bareP95] = [pct(r.times, 50), pct(r.times, 95), pct(r.bareTimes, 50), pct(r.bareTimes, 95)];
    const cells = [p50, p95, bareP50, bareP95].map((v) => v.toFixed(1));
    cells.push((p50 / bareP50).toFixed(1), (p95 / bareP95).toFixed(1), String(r.count));
    console.log(`${r.scenario.padEnd(width)} ${cells.map((c) => c.padStart(9)).join(" ")}`);
  }
  const all = rows.flatMap((r) => r.times);
  const allBare = rows.flatMap((r) => r.bareTimes);
  const p95 = pct(all, 95);
  const bareP95 = pct(allBare, 95);
  console.log(`\nall ${all.length} loads: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; bare: p50 ${pct(allBare, 50).toFixed(1)} ms, p95 ${bareP95.toFixed(1)} ms`);
  return p95 / bareP95;
}
