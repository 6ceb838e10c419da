/**
 * The report: one Markdown table per tier (stdout and bench/results/latest.md) and every raw
 * figure as JSON (bench/results/latest.json). A row is a figure, ours beside the floor's, their
 * ratio, and issue 4's target where it sets one, so later tiers and figures are rows, not code.
 */
import type { TypingFigures } from './typing';
import type { MachineFacts } from './machine';
import { CLASS_LABELS, QUERY_CLASSES, type QueryClass } from './queries';
import type { SourceKey } from './corpus';
import type { Distribution } from './stats';

export interface ImportFigures {
  imported: number;
  duplicates?: number;
  failed?: number;
  seconds: number;
  rate: number;
  /** Building and persisting the catalog after the import (null: the engine has none). */
  catalogSeconds?: number | null;
  peakRssMb: number;
  peakRssWithCatalogMb?: number | null;
  sampledPeakRssMb: number;
  /** Database, WAL and files persisted beside it, in all. */
  dbBytes: number;
  diskFiles?: Record<string, number>;
  ratioToRaw: number;
  eventLoop?: { maxMs: number; p99Ms: number; meanMs: number };
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
  slowest: Array<{ text?: string; ms: number; total: number; from?: string; to?: string }>;
  errors: { ours: number; floor: number };
  skipped?: number;
}

export interface TierResult {
  tier: string;
  articles: number;
  bySource: Record<SourceKey, number>;
  rawBytes: number;
  inputSeconds: number;
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
  };
  seconds: number;
}

export interface BenchOptions {
  tiers: string[];
  queries: number;
  seed: number;
  coldRuns: number;
  /** Seconds one query class may take (ours + floor) before its remaining queries are skipped. */
  classBudget: number;
  /** Tiers whose full index rebuild is measured. */
  reindex: string[];
}

export interface BenchReport {
  machine: MachineFacts;
  /** The run's options as given (`bench/run.ts`), less where it wrote and what it kept. */
  options: BenchOptions;
  startedAt: string;
  seconds: number;
  tiers: TierResult[];
}

// ── Formatting ──────────────────────────────────────────────────────────────────────────────

const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const MB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const mb = (n: number) => `${n.toFixed(0)} MB`;
const s = (n: number) => `${n.toFixed(1)} s`;
function ms(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return n < 10 ? `${n.toFixed(2)} ms` : n < 100 ? `${n.toFixed(1)} ms` : `${n.toFixed(0)} ms`;
}
function ratio(ours: number, floor: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(floor) || floor === 0) return '—';
  const r = ours / floor;
  return r < 10 ? r.toFixed(2) : r.toFixed(1);
}
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

interface Row {
  figure: string;
  ours: string;
  floor: string;
  ratio: string;
  target: string;
}

function diskBreakdown(f: ImportFigures): string {
  const parts = Object.entries(f.diskFiles ?? {})
    .filter(([, bytes]) => bytes > 0)
    .map(([name, bytes]) => `${name.replace(/^[.-]/, '')} ${(bytes / 1048576).toFixed(1)}`);
  return parts.length > 1 ? ` (${parts.join(' + ')})` : '';
}

function rows(t: TierResult): Row[] {
  const out: Row[] = [];
  const add = (figure: string, ours: string, floor = '', r = '', target = '') =>
    out.push({ figure, ours, floor, ratio: r, target });
  const { ours: io, floor: fo } = t.import;
  add(
    'import + index rate',
    `${int(io.rate)} art/s`,
    `${int(fo.rate)} art/s`,
    ratio(io.rate, fo.rate),
    '≥ 1,500 art/s',
  );
  add(
    'import + index time (FTS rows written in the import transactions)',
    s(io.seconds),
    s(fo.seconds),
    ratio(io.seconds, fo.seconds),
    '≤ 70 s',
  );
  if (io.catalogSeconds != null) {
    add(
      'catalog build + persist after the import (Lunr: titles, leads, numbers)',
      s(io.catalogSeconds),
      'none',
    );
  }
  if (t.reindex) {
    const failed = t.reindex.ours.engineError;
    add(
      failed
        ? 'full-text index alone, rebuilt from stored rows + optimize (bench paged equivalent: Archive.reindex() threw)'
        : 'full-text index alone: Archive.reindex() (rebuild from stored rows + optimize)',
      `${s(t.reindex.ours.seconds)}${failed ? ' †' : ''}`,
      s(t.reindex.floor.seconds),
      ratio(t.reindex.ours.seconds, t.reindex.floor.seconds),
    );
  } else {
    add('full-text index alone (rebuild from stored rows)', 'not run (`--reindex`)', '');
  }
  add(
    'peak RSS of the importing process (VmHWM)',
    mb(io.peakRssMb),
    mb(fo.peakRssMb),
    ratio(io.peakRssMb, fo.peakRssMb),
    '≤ 500 MB',
  );
  if (io.peakRssWithCatalogMb != null && io.catalogSeconds != null) {
    add('… including the catalog build', mb(io.peakRssWithCatalogMb), '', '', '≤ 500 MB');
  }
  if (io.eventLoop) {
    add(
      'event-loop lag of the importing thread, max (p99)',
      `${ms(io.eventLoop.maxMs)} (${ms(io.eventLoop.p99Ms)})`,
      '',
      '',
      '≤ 50 ms',
    );
  }
  add(
    'on disk: database + WAL after checkpoint + files beside it',
    `${MB(io.dbBytes)}${diskBreakdown(io)}`,
    MB(fo.dbBytes),
    ratio(io.dbBytes, fo.dbBytes),
  );
  add(
    '… as a multiple of the raw text',
    `${io.ratioToRaw.toFixed(2)} ×`,
    `${fo.ratioToRaw.toFixed(2)} ×`,
    '',
    '≤ 2.5 ×',
  );
  const { ours: co, floor: cf } = t.cold;
  add(
    `cold start: spawn → first result (median of ${co.runs})`,
    ms(co.medianSpawnToResultMs),
    ms(cf.medianSpawnToResultMs),
    ratio(co.medianSpawnToResultMs, cf.medianSpawnToResultMs),
    '≤ 1.0 s',
  );
  add(
    '… of which node + tsx boot / loading the engine modules',
    `${ms(co.medianBootMs)} / ${ms(co.medianLoadMs)}`,
    `${ms(cf.medianBootMs)} / ${ms(cf.medianLoadMs)}`,
  );
  add(
    '… of which open + first search (inside the child)',
    ms(co.medianInProcessMs),
    ms(cf.medianInProcessMs),
    ratio(co.medianInProcessMs, cf.medianInProcessMs),
  );
  if (co.medianCatalogLoadMs != null) {
    add(
      'then: catalog ready in the fresh process (load from disk)',
      ms(co.medianCatalogLoadMs),
      'none',
    );
  }
  add(
    'RSS idle, archive open, catalog loaded, warmed (query process)',
    mb(t.queries.idleRssMb),
    '',
    '',
    '≤ 300 MB',
  );
  for (const c of QUERY_CLASSES) {
    const q = t.queries.classes[c];
    const target = c === 'typeahead' ? 'p95 ≤ 20 ms' : 'p95 ≤ 50 ms';
    const partial = q.skipped ? ` (n = ${q.ours.n}: time budget)` : '';
    add(
      `query p50 / p95: ${CLASS_LABELS[c]}${partial}`,
      `${ms(q.ours.p50)} / ${ms(q.ours.p95)}`,
      `${ms(q.floor.p50)} / ${ms(q.floor.p95)}`,
      `${ratio(q.ours.p50, q.floor.p50)} / ${ratio(q.ours.p95, q.floor.p95)}`,
      target,
    );
  }
  const title = t.queries.classes.title.recallAt10;
  if (title) {
    add(
      'accent-stripped title finds its article in the top 10',
      pct(title.ours),
      pct(title.floor),
      '',
      '≥ 99 % (issue 2)',
    );
  }
  return out;
}

export function tierHeading(t: TierResult): string {
  const b = t.bySource;
  return (
    `### ${t.tier} tier: ${int(t.articles)} articles ` +
    `(${int(b.vietnews)} VietNews + ${int(b.baomoi)} Báo Mới + ${int(b.official)} official documents), ` +
    `raw text ${MB(t.rawBytes)}`
  );
}

export function tierTable(t: TierResult): string {
  const lines = [
    tierHeading(t),
    '',
    '| figure | ours | floor: raw FTS5 | ours ÷ floor | target (issue 4, at 100k) |',
    '|---|--:|--:|--:|---|',
    ...rows(t).map((r) => `| ${r.figure} | ${r.ours} | ${r.floor} | ${r.ratio} | ${r.target} |`),
    '',
    ...(t.reindex?.ours.engineError
      ? [
          `† \`Archive.reindex()\` threw "${t.reindex.ours.engineError}"; the figure is the bench's paged equivalent.`,
          '',
        ]
      : []),
    ...(t.typing
      ? [
          `Typing through the browser host (engine in its worker thread): ${int(t.typing.requests)} ` +
            `keystrokes of ${int(t.typing.queries)} queries, each answered with 20 hits and snippets in ` +
            `p50 ${t.typing.p50Ms.toFixed(1)} ms, p95 ${t.typing.p95Ms.toFixed(1)} ms, max ` +
            `${t.typing.maxMs.toFixed(0)} ms; ${(t.typing.within150 * 100).toFixed(1)} % within 150 ms ` +
            `(issue 3's bar).`,
          '',
        ]
      : []),
    `Queries: ${int(t.queries.perClass)} per class, ${int(QUERY_CLASSES.length * t.queries.perClass)} ` +
      `in all, interleaved; limit 10 with snippets (type-ahead: 8 suggestions). ` +
      `Tier wall time ${s(t.seconds)}.`,
  ];
  return lines.join('\n');
}

export function machineLine(m: MachineFacts): string {
  return (
    `Machine: ${m.cpu}, ${m.cores} cores, ${(m.ramBytes / 1073741824).toFixed(1)} GB RAM, ` +
    `Node ${m.node}, SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3}), ${m.platform}; ` +
    `run ${m.date} on commit ${m.commit}` +
    (m.engineFilesChanged
      ? ` with ${m.engineFilesChanged} uncommitted file(s) in electron/core.`
      : '.')
  );
}

export function markdownReport(r: BenchReport): string {
  return [
    '# Benchmark: latest run',
    '',
    machineLine(r.machine),
    '',
    `Command: \`npm run bench -- --tiers ${r.options.tiers.join(',')} --queries ${r.options.queries}` +
      ` --class-budget ${r.options.classBudget} --reindex ${r.options.reindex.join(',') || 'none'}\`` +
      ` (seed ${r.options.seed}, ${r.options.coldRuns} cold runs); whole run ${s(r.seconds)}. ` +
      'Ratios are ours ÷ floor: above 1 is slower or bigger, except for the rate, where below 1 is slower. ' +
      'See bench/README.md for the method.',
    '',
    ...r.tiers.flatMap((t) => [tierTable(t), '']),
  ].join('\n');
}
