/**
 * CPU time per call, measured call by call (process.cpuUsage: user + system of the whole process)
 * and summarised by the median, with the wall time and, when a D1 on node:sqlite counts its own time
 * (bench/timed-d1.ts), the part spent inside SQLite and the rest: the Worker's own JavaScript.
 */
import { printRow } from "./measure.ts";

export type CpuFigure = {
  label: string;
  /** Median CPU ms per call, SQLite in this process included. */
  cpuMs: number;
  /** Median CPU ms per call inside node:sqlite (0 without a timed D1). */
  sqlMs: number;
  /** Median CPU ms per call without the SQLite part (per call, then the median): the Worker's JS. */
  jsMs: number;
  /** Mean CPU ms per call. */
  meanCpuMs: number;
  /** Median wall ms per call. */
  wallMs: number;
  iterations: number;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/**
 * `fn` called `iterations` times in sequence after `warmup` calls (the call number is passed on);
 * `sqlMs` reads the running total of time spent in SQLite, if any.
 */
export async function cpuPerCall(
  label: string,
  fn: (i: number) => unknown,
  iterations: number,
  warmup = Math.ceil(iterations / 10),
  sqlMs?: () => number,
): Promise<CpuFigure> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const cpu: number[] = [];
  const sql: number[] = [];
  const js: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const s0 = sqlMs?.() ?? 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(warmup + i);
    const w = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const s = (sqlMs?.() ?? 0) - s0;
    const ms = (c.user + c.system) / 1000;
    cpu.push(ms);
    sql.push(s);
    js.push(Math.max(0, ms - s));
    wall.push(w);
  }
  const f: CpuFigure = {
    label,
    cpuMs: median(cpu),
    sqlMs: median(sql),
    jsMs: median(js),
    meanCpuMs: cpu.reduce((a, b) => a + b, 0) / iterations,
    wallMs: median(wall),
    iterations,
  };
  const split = sqlMs ? `SQLite ${f.sqlMs.toFixed(3)}, JS ${f.jsMs.toFixed(3)}; ` : "";
  printRow(
    label,
    `${f.cpuMs.toFixed(3)} ms CPU`,
    `${split}wall ${f.wallMs.toFixed(3)}, mean CPU ${f.meanCpuMs.toFixed(3)}; ${iterations} calls`,
  );
  return f;
}
