/**
 * The benchmark's child processes: each measurement that needs its own memory figures or a cold
 * start runs here, in a fresh Node process, and prints one `@@RESULT {json}` line.
 *
 *   tsx bench/child.ts MODE '{"db":…}'
 *
 * Modes: import and settle (child-import.ts), floor-build, cold, floor-cold, queries
 * (child-queries.ts), typing, reindex, floor-rebuild.
 */
import fs from 'node:fs';
import type { Archive } from '../electron/core/archive/archive';
import { emit, mb, warmCatalog, type ChildArgs as Args } from './child-util';
import { peakRssBytes, RssSampler } from './memory';
import { FIRST_MARK } from './proc';

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
  // The host is not closed: closing makes its backup on quit, a copy of the whole archive.
  process.exit(0);
}

const MODES: Record<string, (args: Args) => Promise<void>> = {
  typing: typingMode,
  import: async (args) => (await import('./child-import')).importMode(args),
  settle: async (args) => (await import('./child-import')).settleMode(args),
  queries: async (args) => (await import('./child-queries')).queriesMode(args),
  'floor-build': floorBuildMode,
  cold: coldMode,
  'floor-cold': floorColdMode,
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
