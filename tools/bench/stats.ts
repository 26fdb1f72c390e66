/** Small timing helpers for the benchmarks: figures are printed, never asserted. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

export function report(name: string, figure: string, target?: string, ok?: boolean): void {
  const verdict = ok === undefined ? '' : ok ? '  ✔ within target' : '  ✘ OVER TARGET';
  console.log(`${name.padEnd(52)} ${figure.padEnd(28)}${target ? ` target ${target}` : ''}${verdict}`);
}
