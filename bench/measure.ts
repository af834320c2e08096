/** Timing helpers for `npm run bench`: warm-up, then the median and min of repeated runs. */
export type Measurement = { label: string; median: number; min: number; runs: number };

export function measure(label: string, fn: () => unknown, runs = 15, warmup = 3): Measurement {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return report(label, times);
}

export async function measureAsync(label: string, fn: () => Promise<unknown>, runs = 5, warmup = 1): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return report(label, times);
}

function report(label: string, times: number[]): Measurement {
  times.sort((a, b) => a - b);
  const m = { label, median: times[Math.floor(times.length / 2)]!, min: times[0]!, runs: times.length };
  printRow(label, `median ${m.median.toFixed(2)} ms`, `min ${m.min.toFixed(2)} ms, ${m.runs} runs`);
  return m;
}

export function printRow(a: string, b: string, c: string): void {
  console.log(`  ${a.padEnd(58)} ${b.padStart(20)}  ${c}`);
}
