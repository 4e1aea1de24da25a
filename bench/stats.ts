// Small numeric helpers for the benchmark: nearest-rank percentiles over runs.

export type Summary = { median: number; p95: number; min: number; max: number };

/** The value at rank ceil(p/100 × n) of the sorted sample (nearest-rank method). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));

  return sorted[rank - 1] as number;
}

export function summarize(values: readonly number[], digits = 1): Summary {
  return {
    median: round(percentile(values, 50), digits),
    p95: round(percentile(values, 95), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
  };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function ratio(numerator: number, denominator: number): number {
  return round(numerator / denominator, 3);
}
