/**
 * The shape of a run's figures (bench/results/latest.json) and how a figure is written in the
 * tables. A tier's figures come from its child processes (child*.ts) through run.ts.
 */
import type { TypingFigures } from './typing';
import type { MachineFacts } from './machine';
import type { QueryClass } from './queries';
import type { SourceKey } from './corpus';
import type { Distribution } from './stats';
import type { LagFigures } from './memory';
import type { PageResult } from './child-queries';

export interface ImportFigures {
  imported: number;
  duplicates?: number;
  failed?: number;
  seconds: number;
  rate: number;
  /** Ours: the catalog the host rebuilds in its own thread after the import, persisted and loaded (null: not within the wait). */
  catalogSeconds?: number | null;
  peakRssMb: number;
  peakRssWithCatalogMb?: number | null;
  sampledPeakRssMb: number;
  /** Database, WAL and files persisted beside it, in all. */
  dbBytes: number;
  diskFiles?: Record<string, number>;
  ratioToRaw: number;
  /** Main thread of the importing process while the engine imports in its worker thread. */
  mainLoop?: LagFigures | null;
  /** The engine thread's own event-loop delay during the import (its longest stall). */
  engineLoop?: LagFigures | null;
  /** Results from before the import moved into the engine's thread: the importing thread's lag. */
  eventLoop?: LagFigures;
  /** The last record of the input searched for by its title as soon as the import returned. */
  searchable?: { ms: number; found: boolean; total: number } | null;
}

export interface ColdFigures {
  runs: number;
  /** Spawn of a fresh `node --import tsx` to the result line on our side, per run. */
  spawnToResultMs: number[];
  medianSpawnToResultMs: number;
  /** After the first result: loading the catalog in the fresh process (null: none). */
  medianCatalogLoadMs: number | null;
  /** Inside the child: open + first search. */
  medianInProcessMs: number;
  medianBootMs: number;
  medianLoadMs: number;
  medianOpenMs: number;
  medianSearchMs: number;
}

export interface ClassFigures {
  ours: Distribution;
  floor: Distribution;
  meanTotal: { ours: number; floor: number };
  zeroHits: { ours: number; floor: number };
  recallAt10?: { ours: number; floor: number };
  didYouMean?: { offered: number; restored: number };
  slowest: Array<{ text?: string; ms: number; total: number; from?: string; to?: string }>;
  errors: { ours: number; floor: number };
  skipped?: number;
}

/** A tier whose input was built: what it held, whatever happened next. */
export interface TierBase {
  tier: string;
  articles: number;
  bySource: Record<SourceKey, number>;
  /** Records recombined from the real ones (100k, 1M tiers). */
  synthetic?: number;
  rawBytes: number;
  inputSeconds: number;
  seconds: number;
}

/** A tier where a step did not finish (ran out of memory, crashed): nothing after it was run. */
export interface TierFailure extends TierBase {
  failed: { step: string; error: string };
  /** Our import's figures, when the import finished and a later step did not. */
  importOurs?: ImportFigures;
}

export interface TierResult extends TierBase {
  import: { ours: ImportFigures; floor: ImportFigures };
  reindex: {
    ours: { seconds: number; rate: number; peakRssMb: number; engineError: string | null };
    floor: { seconds: number; rate: number; peakRssMb: number; engineError: null };
  } | null;
  cold: { ours: ColdFigures; floor: ColdFigures };
  /** Keystroke by keystroke through the browser host (absent in results from before it existed). */
  typing?: TypingFigures;
  queries: {
    perClass: number;
    seconds: number;
    catalogLoadSeconds: number | null;
    idleRssMb: number;
    idleHeapUsedMb: number;
    peakRssMb: number;
    classes: Record<QueryClass, ClassFigures>;
    page?: PageResult;
  };
}

export type TierOutcome = TierResult | TierFailure;

export const isFailure = (t: TierOutcome): t is TierFailure => 'failed' in t;

export interface BenchOptions {
  tiers: string[];
  queries: number;
  seed: number;
  coldRuns: number;
  /** Seconds one query class may take (ours + floor) before its remaining queries are skipped. */
  classBudget: number;
  /** Searches run again as a results page of 20 and without a page. */
  pageQueries: number;
  /** Tiers whose full index rebuild is measured. */
  reindex: string[];
}

export interface BenchReport {
  machine: MachineFacts;
  /** The run's options as given (`bench/run.ts`), less where it wrote and what it kept. */
  options: BenchOptions;
  startedAt: string;
  seconds: number;
  tiers: TierOutcome[];
}

// ── Formatting ──────────────────────────────────────────────────────────────────────────────

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const MB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
export const mb = (n: number) => `${int(n)} MB`;
export const s = (n: number) => `${n.toFixed(1)} s`;
export function ms(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return n < 10 ? `${n.toFixed(2)} ms` : n < 100 ? `${n.toFixed(1)} ms` : `${int(n)} ms`;
}
export function ratio(ours: number, floor: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(floor) || floor === 0) return '—';
  const r = ours / floor;
  return r < 10 ? r.toFixed(2) : r.toFixed(1);
}
export const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
