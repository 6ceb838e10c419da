/**
 * The benchmark's child processes: each measurement that needs its own memory figures or a cold
 * start runs here, in a fresh Node process, and prints one `@@RESULT {json}` line.
 *
 *   tsx bench/child.ts MODE '{"db":…}'
 *
 * Modes: import, floor-build, cold, floor-cold, queries, reindex, floor-rebuild.
 */
import fs from 'node:fs';
import { LoopLag, peakRssBytes, RssSampler } from './memory';
import { QUERY_CLASSES, type BenchQuery, type QueryClass } from './queries';
import { distribution, type Distribution } from './stats';

import { RESULT_MARK } from './proc';

function emit(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

interface Args {
  db: string;
  floorDb?: string;
  files?: string[];
  query?: string;
  floorQuery?: string;
  queriesFile?: string;
  warmup?: number;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function importMode(args: Args) {
  const sampler = new RssSampler().start(100);
  const { Archive } = await import('../electron/core/archive/archive');
  const archive = Archive.open(args.db);
  const lag = new LoopLag().start();
  const started = performance.now();
  const summary = await archive.importPaths(args.files!);
  const seconds = (performance.now() - started) / 1000;
  const loop = lag.stop();
  const rssAfterImport = process.memoryUsage.rss();
  const checkpointStarted = performance.now();
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  const checkpointSeconds = (performance.now() - checkpointStarted) / 1000;
  archive.close();
  const sampled = sampler.stop();
  emit({
    imported: summary.imported,
    duplicates: summary.duplicates,
    failed: summary.failed.length,
    failures: summary.failed.slice(0, 5),
    seconds,
    checkpointSeconds,
    peakRssMb: mb(peakRssBytes() ?? sampled.peakBytes),
    sampledPeakRssMb: mb(sampled.peakBytes),
    rssSamples: sampled.samples,
    rssAfterImportMb: mb(rssAfterImport),
    eventLoop: loop,
  });
}

async function floorBuildMode(args: Args) {
  const sampler = new RssSampler().start(100);
  const { openFloor, buildFloor } = await import('./floor');
  const db = openFloor(args.db);
  const started = performance.now();
  const rows = await buildFloor(db, args.files!);
  const seconds = (performance.now() - started) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const sampled = sampler.stop();
  emit({
    imported: rows,
    seconds,
    peakRssMb: mb(peakRssBytes() ?? sampled.peakBytes),
    sampledPeakRssMb: mb(sampled.peakBytes),
  });
}

/** A fresh process: load the engine, open the existing archive, run one search. */
async function coldMode(args: Args) {
  const bootMs = performance.now(); // since this process started
  const loadStarted = performance.now();
  const { Archive } = await import('../electron/core/archive/archive');
  const openStarted = performance.now();
  const archive = Archive.open(args.db);
  const searchStarted = performance.now();
  const result = archive.search({ query: args.query!, limit: 10 });
  const done = performance.now();
  emit({
    bootMs,
    loadMs: openStarted - loadStarted,
    openMs: searchStarted - openStarted,
    searchMs: done - searchStarted,
    inProcessMs: done - openStarted,
    sinceStartMs: done,
    total: result.total,
    first: result.hits[0]?.title ?? null,
  });
  archive.close();
}

async function floorColdMode(args: Args) {
  const bootMs = performance.now();
  const loadStarted = performance.now();
  const { openFloor, FloorSearch } = await import('./floor');
  const openStarted = performance.now();
  const db = openFloor(args.db);
  const search = new FloorSearch(db);
  const searchStarted = performance.now();
  const result = search.search(args.floorQuery!, 10);
  const done = performance.now();
  emit({
    bootMs,
    loadMs: openStarted - loadStarted,
    openMs: searchStarted - openStarted,
    searchMs: done - searchStarted,
    inProcessMs: done - openStarted,
    sinceStartMs: done,
    total: result.total,
    first: result.hits[0]?.title ?? null,
  });
  db.close();
}

export interface ClassResult {
  ours: Distribution;
  floor: Distribution;
  /** Mean `total` of matching articles (ours / floor): how much work a query of the class finds. */
  meanTotal: { ours: number; floor: number };
  zeroHits: { ours: number; floor: number };
  /** For `title`: share of queries whose article is in the first 10 hits. */
  recallAt10?: { ours: number; floor: number };
  slowest: Array<{ text: string; ms: number; total: number; from?: string; to?: string }>;
  errors: { ours: number; floor: number };
}

async function queriesMode(args: Args) {
  const { Archive } = await import('../electron/core/archive/archive');
  const { openFloor, FloorSearch } = await import('./floor');
  const queries = JSON.parse(fs.readFileSync(args.queriesFile!, 'utf8')) as BenchQuery[];
  const archive = Archive.open(args.db);
  const warmup = args.warmup ?? 20;

  const ours = (q: BenchQuery): { total: number; ids: string[] } => {
    if (q.cls === 'typeahead') {
      const items = archive.suggest(q.text, 8).items;
      return { total: items.length, ids: items.map((i) => i.id) };
    }
    const r = archive.search({ query: q.text, limit: 10, from: q.from, to: q.to });
    return { total: r.total, ids: r.hits.map((h) => h.sourceId) };
  };
  for (const q of queries.slice(0, warmup)) ours(q);
  const idleRss = process.memoryUsage.rss();
  const heapUsed = process.memoryUsage().heapUsed;

  const floorDb = openFloor(args.floorDb!);
  const floorSearch = new FloorSearch(floorDb);
  const floor = (q: BenchQuery): { total: number; ids: string[] } => {
    if (q.cls === 'typeahead') {
      const hits = floorSearch.suggest(q.floor, 8);
      return { total: hits.length, ids: hits.map((h) => h.id) };
    }
    const r = floorSearch.search(q.floor, 10, q.from, q.to);
    return { total: r.total, ids: r.hits.map((h) => h.id) };
  };
  for (const q of queries.slice(0, warmup)) floor(q);

  type Acc = {
    ours: number[];
    floor: number[];
    totals: [number, number];
    zero: [number, number];
    found: [number, number];
    errors: [number, number];
    runs: Array<{ text: string; ms: number; total: number; from?: string; to?: string }>;
  };
  const acc = Object.fromEntries(
    QUERY_CLASSES.map((c) => [
      c,
      {
        ours: [],
        floor: [],
        totals: [0, 0],
        zero: [0, 0],
        found: [0, 0],
        errors: [0, 0],
        runs: [],
      } as Acc,
    ]),
  ) as Record<QueryClass, Acc>;

  const sampler = new RssSampler().start(100);
  const started = performance.now();
  queries.forEach((q, i) => {
    const a = acc[q.cls];
    const timeOne = (which: 0 | 1) => {
      const t0 = performance.now();
      try {
        const r = which === 0 ? ours(q) : floor(q);
        const ms = performance.now() - t0;
        (which === 0 ? a.ours : a.floor).push(ms);
        a.totals[which] += r.total;
        if (r.total === 0) a.zero[which]++;
        if (q.expectId && r.ids.includes(q.expectId)) a.found[which]++;
        if (which === 0) a.runs.push({ text: q.text, ms, total: r.total, from: q.from, to: q.to });
      } catch {
        a.errors[which]++;
      }
    };
    // Alternate who goes first, so neither side always runs on a cache the other just warmed.
    if (i % 2 === 0) {
      timeOne(0);
      timeOne(1);
    } else {
      timeOne(1);
      timeOne(0);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const sampled = sampler.stop();

  const classes = {} as Record<QueryClass, ClassResult>;
  for (const c of QUERY_CLASSES) {
    const a = acc[c];
    const n = [Math.max(1, a.ours.length), Math.max(1, a.floor.length)];
    classes[c] = {
      ours: distribution(a.ours),
      floor: distribution(a.floor),
      meanTotal: { ours: a.totals[0] / n[0], floor: a.totals[1] / n[1] },
      zeroHits: { ours: a.zero[0], floor: a.zero[1] },
      ...(c === 'title'
        ? { recallAt10: { ours: a.found[0] / n[0], floor: a.found[1] / n[1] } }
        : {}),
      slowest: a.runs.sort((x, y) => y.ms - x.ms).slice(0, 5),
      errors: { ours: a.errors[0], floor: a.errors[1] },
    };
  }
  floorDb.close();
  archive.close();
  emit({
    queries: queries.length,
    seconds,
    idleRssMb: mb(idleRss),
    idleHeapUsedMb: mb(heapUsed),
    peakRssMb: mb(peakRssBytes() ?? sampled.peakBytes),
    classes,
  });
}

async function reindexMode(args: Args) {
  const { Archive } = await import('../electron/core/archive/archive');
  const archive = Archive.open(args.db);
  const started = performance.now();
  const articles = archive.reindex();
  const seconds = (performance.now() - started) / 1000;
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  emit({ articles, seconds, peakRssMb: mb(peakRssBytes() ?? 0) });
}

async function floorRebuildMode(args: Args) {
  const { openFloor, rebuildFloor } = await import('./floor');
  const db = openFloor(args.db);
  const started = performance.now();
  rebuildFloor(db);
  const seconds = (performance.now() - started) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  emit({ seconds, peakRssMb: mb(peakRssBytes() ?? 0) });
}

const MODES: Record<string, (args: Args) => Promise<void>> = {
  import: importMode,
  'floor-build': floorBuildMode,
  cold: coldMode,
  'floor-cold': floorColdMode,
  queries: queriesMode,
  reindex: reindexMode,
  'floor-rebuild': floorRebuildMode,
};

const [mode, json] = process.argv.slice(2);
if (mode && MODES[mode]) {
  MODES[mode](JSON.parse(json ?? '{}') as Args).catch((error: unknown) => {
    process.stderr.write(`bench child ${mode} failed: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
}
