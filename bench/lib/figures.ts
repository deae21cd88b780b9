/** Figures from lists of measurements, and how the entries print them. */

/** The value at quantile `q` (0–1) by rank, NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** The median (the lower one of an even count), NaN for an empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** "p50 12.0 ms, p99 80.1 ms, max 95.3 ms" */
export function latencies(values: readonly number[]): string {
  if (values.length === 0) return "none";
  return `p50 ${ms(quantile(values, 0.5))}, p99 ${ms(quantile(values, 0.99))}, max ${ms(Math.max(...values))}`;
}

/** "200×9990, 503×10" */
export function tally(values: readonly (string | number)[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([value, n]) => `${value}×${n}`).join(", ") || "none";
}

/** An entry's figures, then its verdict: "every requirement met", or each one missed. */
export function printResult(figures: readonly string[], missed: readonly string[]): void {
  const result = missed.length === 0 ? "every requirement met" : `MISSED\n    ${missed.join("\n    ")}`;
  console.info([...figures, `  result: ${result}`].join("\n"));
}
