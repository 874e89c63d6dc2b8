/**
 * The shape every measurement writes (one JSON file per measure run), read back by
 * scripts/bench.mjs to print the table and compare with bench/budgets.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type BenchBrowser = 'chromium' | 'firefox' | 'node' | 'build';

export interface Figure {
  /** A key of bench/budgets.json. */
  figure: string;
  browser: BenchBrowser;
  /** Site id, or '' where the figure is not per site. */
  site: string;
  /** What kind of run, where a figure has several per site (full load / in-app; press / key). */
  variant?: string;
  unit: 'ms' | 'µs' | 'count' | 'ratio' | 'kB';
  median?: number;
  p95?: number;
  /** For counts: how many of `of` tries did the thing. */
  count?: number;
  of?: number;
  /** A single value (sizes, ratios). */
  value?: number;
  /** How it was measured, or why it could not be. */
  note?: string;
  /** True when the figure could not be measured in this browser (the note says why). */
  unmeasured?: boolean;
  /** Growth curves (`--curves`): which curve, and this figure's point on it ("10 people"). */
  curve?: string;
  point?: string;
}

/** A figure as one point of a growth curve. */
export function onCurve(curve: string, point: string, figure: Figure): Figure {
  return { ...figure, curve, point };
}

/** BENCH_MODE from scripts/bench.mjs: the default run, the slow-laptop run or the growth curves. */
export type BenchMode = 'default' | 'throttle' | 'curves';
export function benchMode(): BenchMode {
  const mode = process.env.BENCH_MODE ?? 'default';
  if (mode !== 'default' && mode !== 'throttle' && mode !== 'curves') throw new Error(`unknown BENCH_MODE ${mode}`);
  return mode;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function timing(figure: string, browser: BenchBrowser, site: string, samples: readonly number[], note?: string): Figure {
  return { figure, browser, site, unit: 'ms', median: median(samples), p95: percentile(samples, 95), ...(note ? { note } : {}) };
}

/** BENCH_QUICK=1: fewer repetitions (CI smoke). */
export function repetitions(full: number, quick: number): number {
  return process.env.BENCH_QUICK === '1' ? quick : full;
}

/** Writes the figures where scripts/bench.mjs asked (BENCH_OUT). */
export function writeFigures(figures: readonly Figure[]): void {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT is not set: run the bench through `npm run bench`');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
}
