/**
 * The benchmark's child processes: each measurement that needs its own memory figures or a cold
 * start runs here, in a fresh Node process, and prints one `@@RESULT {json}` line.
 *
 *   tsx bench/child.ts MODE '{"db":…}'
 *
 * Modes: import, floor-build, cold, floor-cold, queries, reindex, floor-rebuild.
 */
import fs from 'node:fs';
import type { Archive } from '../electron/core/archive/archive';
import { LoopLag, peakRssBytes, RssSampler } from './memory';
import { QUERY_CLASSES, type BenchQuery, type QueryClass } from './queries';
import { distribution, type Distribution } from './stats';

import { FIRST_MARK, RESULT_MARK } from './proc';

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
  /** Per query class, ms of (ours + floor) time after which its remaining queries are skipped. */
  classBudgetMs?: number;
  /** … but never before this many queries of the class have run. */
  classMinimum?: number;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * Build or load the archive's in-memory catalog (Lunr: titles, leads, numbers, notes) the way a
 * host does at start-up and after an import, if this engine has one. Seconds, or null.
 */
async function warmCatalog(archive: object): Promise<number | null> {
  const warm = (archive as { warmCatalog?: () => unknown }).warmCatalog;
  if (typeof warm !== 'function') return null;
  const started = performance.now();
  await warm.call(archive);
  return (performance.now() - started) / 1000;
}

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
  const peakImport = peakRssBytes() ?? sampler.peak;
  const checkpointStarted = performance.now();
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  const checkpointSeconds = (performance.now() - checkpointStarted) / 1000;
  // The catalog is derived from the stored rows after the import, as a host does it.
  const catalogSeconds = await warmCatalog(archive);
  archive.close();
  const sampled = sampler.stop();
  emit({
    imported: summary.imported,
    duplicates: summary.duplicates,
    failed: summary.failed.length,
    failures: summary.failed.slice(0, 5),
    seconds,
    checkpointSeconds,
    catalogSeconds,
    peakRssMb: mb(peakImport),
    peakRssWithCatalogMb: mb(peakRssBytes() ?? sampled.peakBytes),
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
/** Marks taken during a cold start, from process start to the first result. */
interface ColdMarks {
  bootMs: number;
  loadStarted: number;
  openStarted: number;
  searchStarted: number;
  done: number;
  result: { total: number; hits: Array<{ title: string }> };
}

function coldTimings(m: ColdMarks) {
  return {
    bootMs: m.bootMs,
    loadMs: m.openStarted - m.loadStarted,
    openMs: m.searchStarted - m.openStarted,
    searchMs: m.done - m.searchStarted,
    inProcessMs: m.done - m.openStarted,
    sinceStartMs: m.done,
    total: m.result.total,
    first: m.result.hits[0]?.title ?? null,
  };
}

async function coldMode(args: Args) {
  const bootMs = performance.now(); // since this process started
  const loadStarted = performance.now();
  const { Archive } = await import('../electron/core/archive/archive');
  const openStarted = performance.now();
  const archive = Archive.open(args.db);
  const searchStarted = performance.now();
  const result = archive.search({ query: args.query!, limit: 10 });
  const done = performance.now();
  process.stdout.write(`${FIRST_MARK}\n`);
  // What a host does next at start-up: have the catalog ready for type-ahead.
  const catalogSeconds = await warmCatalog(archive);
  const marks = { bootMs, loadStarted, openStarted, searchStarted, done, result };
  emit({ catalogSeconds, ...coldTimings(marks) });
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
  process.stdout.write(`${FIRST_MARK}\n`);
  emit(coldTimings({ bootMs, loadStarted, openStarted, searchStarted, done, result }));
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
  /** Queries not run because the class used up its time budget. */
  skipped: number;
}

async function queriesMode(args: Args) {
  const { Archive } = await import('../electron/core/archive/archive');
  const { openFloor, FloorSearch } = await import('./floor');
  const queries = JSON.parse(fs.readFileSync(args.queriesFile!, 'utf8')) as BenchQuery[];
  const archive = Archive.open(args.db);
  const catalogLoadSeconds = await warmCatalog(archive);
  const warmup = args.warmup ?? 20;

  type Found = { total: number; ids: string[]; titles: string[] };
  const ours = (q: BenchQuery): Found => {
    if (q.cls === 'typeahead') {
      const items = archive.suggest(q.text, 8).items;
      return {
        total: items.length,
        ids: items.map((i) => i.id),
        titles: items.map((i) => i.title),
      };
    }
    const r = archive.search({ query: q.text, limit: 10, from: q.from, to: q.to });
    return {
      total: r.total,
      ids: r.hits.map((h) => h.sourceId),
      titles: r.hits.map((h) => h.title),
    };
  };
  for (const q of queries.slice(0, warmup)) ours(q);
  const idleRss = process.memoryUsage.rss();
  const heapUsed = process.memoryUsage().heapUsed;

  const floorDb = openFloor(args.floorDb!);
  const floorSearch = new FloorSearch(floorDb);
  const floor = (q: BenchQuery): Found => {
    if (q.cls === 'typeahead') {
      const hits = floorSearch.suggest(q.floor, 8);
      return { total: hits.length, ids: hits.map((h) => h.id), titles: hits.map((h) => h.title) };
    }
    const r = floorSearch.search(q.floor, 10, q.from, q.to);
    return { total: r.total, ids: r.hits.map((h) => h.id), titles: r.hits.map((h) => h.title) };
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
    spentMs: number;
    skipped: number;
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
        spentMs: 0,
        skipped: 0,
      } as Acc,
    ]),
  ) as Record<QueryClass, Acc>;

  const sampler = new RssSampler().start(100);
  const started = performance.now();
  const budget = args.classBudgetMs ?? Infinity;
  queries.forEach((q, i) => {
    const a = acc[q.cls];
    if (a.spentMs > budget && a.ours.length >= (args.classMinimum ?? 0)) {
      a.skipped++;
      return;
    }
    const timeOne = (which: 0 | 1) => {
      const t0 = performance.now();
      try {
        const r = which === 0 ? ours(q) : floor(q);
        const ms = performance.now() - t0;
        a.spentMs += ms;
        (which === 0 ? a.ours : a.floor).push(ms);
        a.totals[which] += r.total;
        if (r.total === 0) a.zero[which]++;
        const sameTitle = q.expectTitle !== undefined && r.titles.includes(q.expectTitle);
        if (q.expectId && (r.ids.includes(q.expectId) || sameTitle)) a.found[which]++;
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
      skipped: a.skipped,
    };
  }
  floorDb.close();
  archive.close();
  emit({
    queries: queries.length,
    seconds,
    catalogLoadSeconds,
    idleRssMb: mb(idleRss),
    idleHeapUsedMb: mb(heapUsed),
    peakRssMb: mb(peakRssBytes() ?? sampled.peakBytes),
    classes,
  });
}

/**
 * The index alone: `Archive.reindex()` rebuilds the full-text rows from the stored articles. If
 * the engine's own call fails, the error is reported and the same work is done by the bench in
 * pages (same statements, same tokenizer), so the figure still exists and the failure is visible.
 */
async function reindexMode(args: Args) {
  const { Archive } = await import('../electron/core/archive/archive');
  const archive = Archive.open(args.db);
  let started = performance.now();
  let articles: number;
  let engineError: string | null = null;
  try {
    articles = archive.reindex();
  } catch (error) {
    engineError = error instanceof Error ? error.message : String(error);
    started = performance.now();
    articles = await pagedReindex(archive);
  }
  const seconds = (performance.now() - started) / 1000;
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  emit({ articles, seconds, engineError, peakRssMb: mb(peakRssBytes() ?? 0) });
}

async function pagedReindex(archive: Archive): Promise<number> {
  const { ftsRow } = await import('../electron/core/search/fts-text');
  const db = archive.db;
  type Row = Parameters<Archive['articles']['hydrate']>[0];
  const page = db.prepare('SELECT * FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500');
  const insert = db.prepare(`
      INSERT INTO articles_fts (rowid, title, title_folded, meta, meta_folded, body, body_folded)
      VALUES (@rowid, @title, @title_folded, @meta, @meta_folded, @body, @body_folded)`);
  let n = 0;
  db.transaction(() => {
    db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
    for (let last = 0; ;) {
      const rows = page.all(last) as Row[];
      if (!rows.length) break;
      for (const row of rows) {
        insert.run({ rowid: row.rowid, ...ftsRow(archive.articles.hydrate(row)) });
        n++;
      }
      last = rows[rows.length - 1].rowid;
    }
  })();
  db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')").run();
  return n;
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

async function typingMode(args: Args) {
  const { measureTyping } = await import('./typing');
  const texts = JSON.parse(fs.readFileSync(args.queriesFile!, 'utf8')) as string[];
  emit(await measureTyping(args.db, texts));
}

const MODES: Record<string, (args: Args) => Promise<void>> = {
  typing: typingMode,
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
