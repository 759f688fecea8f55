/**
 * Shared by every benchmark: timing that reports this process's CPU time beside wall time (the machine is
 * shared, so wall time alone says little when others are busy) and peak memory.
 */

/** The date every CLI benchmark colours and summarises as of. */
export const BENCH_AS_OF = '2022-09-15';

export interface Timing<T> {
  result: T;
  wallMs: number;
  cpuMs: number;
}

/** Runs `run` once and measures it; awaits a promise so async workflows are timed to completion. */
export async function measure<T>(run: () => T | Promise<T>): Promise<Timing<T>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** The synchronous form, for the domain benches that time pure functions. */
export function measureSync<T>(run: () => T): Timing<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** Times `run` and prints one aligned line: label, wall ms, cpu ms. */
export function time<T>(label: string, run: () => T): T {
  const t = measureSync(run);
  console.log(`${label.padEnd(44)} ${t.wallMs.toFixed(0).padStart(6)} ms wall ${t.cpuMs.toFixed(0).padStart(6)} ms cpu`);
  return t.result;
}

/** This process's peak resident set size so far, in MB (Linux reports maxRSS in KB). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
