/** Medians of times collected by hand (when each run needs untimed set-up), printed like measure.ts. */
import type { Measurement } from "./measure.ts";
import { printRow } from "./measure.ts";

export function summarize(label: string, times: readonly number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error(`${label}: no runs`);
  const m = { label, median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, runs: sorted.length };
  printRow(label, `median ${m.median.toFixed(2)} ms`, `min ${m.min.toFixed(2)} ms, ${m.runs} runs`);
  return m;
}

export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
