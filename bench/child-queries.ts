/**
 * Query latency, ours beside the floor's, in one process that opens both: every query of every
 * class in one seeded interleaved order, each side timed around the whole call. Then a smaller
 * pass for the results page: the same searches with a page of 20 hits with snippets, and with no
 * page at all (count and ranking only), so the page's own cost shows.
 */
import fs from 'node:fs';
import type { Archive } from '../electron/core/archive/archive';
import { emit, mb, warmCatalog, type ChildArgs } from './child-util';
import { peakRssBytes, RssSampler } from './memory';
import { fold, QUERY_CLASSES, type BenchQuery, type QueryClass } from './queries';
import { distribution, type Distribution } from './stats';

export interface ClassResult {
  ours: Distribution;
  floor: Distribution;
  /** Mean `total` of matching articles (ours / floor): how much work a query of the class finds. */
  meanTotal: { ours: number; floor: number };
  zeroHits: { ours: number; floor: number };
  /** For `title`: share of queries whose article is in the first 10 hits. */
  recallAt10?: { ours: number; floor: number };
  /** For `fuzzy`: share answered with a "did you mean", and with the very words before the typo. */
  didYouMean?: { offered: number; restored: number };
  slowest: Array<{ text: string; ms: number; total: number; from?: string; to?: string }>;
  errors: { ours: number; floor: number };
  /** Queries not run because the class used up its time budget. */
  skipped: number;
}

/** The results page: the same searches with 20 hits and snippets, and with none. */
export interface PageResult {
  queries: number;
  /** `search({ limit: 20 })`: count, rank, and 20 hits hydrated with their snippets. */
  page20: Distribution;
  /** `search({ limit: 0 })`: count and rank only (null when the engine returned hits anyway). */
  noPage: Distribution | null;
  /** Per query, page20 − noPage: fetching the 20 rows and making their snippets. */
  pageCost: Distribution | null;
  meanHits: number;
}

interface Found {
  total: number;
  ids: string[];
  titles: string[];
  suggestion?: string | null;
}

type Acc = {
  ours: number[];
  floor: number[];
  totals: [number, number];
  zero: [number, number];
  found: [number, number];
  offered: number;
  restored: number;
  errors: [number, number];
  runs: Array<{ text: string; ms: number; total: number; from?: string; to?: string }>;
  spentMs: number;
  skipped: number;
};

const emptyAcc = (): Acc => ({
  ours: [],
  floor: [],
  totals: [0, 0],
  zero: [0, 0],
  found: [0, 0],
  offered: 0,
  restored: 0,
  errors: [0, 0],
  runs: [],
  spentMs: 0,
  skipped: 0,
});

/** The same words? (a suggestion may carry accents or another case). */
const sameWords = (a: string, b: string) =>
  fold(a).toLowerCase().split(/\s+/).join(' ') === fold(b).toLowerCase().split(/\s+/).join(' ');

function pagePass(archive: Archive, queries: BenchQuery[], wanted: number): PageResult {
  const searchClasses = QUERY_CLASSES.filter((c) => c !== 'typeahead');
  const each = Math.max(1, Math.ceil(wanted / searchClasses.length));
  const chosen = searchClasses.flatMap((c) => queries.filter((q) => q.cls === c).slice(0, each));
  const page20: number[] = [];
  const noPage: number[] = [];
  const cost: number[] = [];
  let hits = 0;
  let pageless = true;
  chosen.forEach((q, i) => {
    const run = (limit: number) => {
      const t0 = performance.now();
      const r = archive.search({ query: q.text, limit, from: q.from, to: q.to });
      return { ms: performance.now() - t0, hits: r.hits.length };
    };
    // Alternate which goes first, as in the main pass.
    let a: { ms: number; hits: number };
    let b: { ms: number; hits: number };
    if (i % 2 === 0) {
      a = run(20);
      b = run(0);
    } else {
      b = run(0);
      a = run(20);
    }
    page20.push(a.ms);
    noPage.push(b.ms);
    cost.push(a.ms - b.ms);
    hits += a.hits;
    if (b.hits > 0) pageless = false;
  });
  return {
    queries: chosen.length,
    page20: distribution(page20),
    noPage: pageless ? distribution(noPage) : null,
    pageCost: pageless ? distribution(cost) : null,
    meanHits: chosen.length ? hits / chosen.length : 0,
  };
}

export async function queriesMode(args: ChildArgs): Promise<void> {
  const { Archive } = await import('../electron/core/archive/archive');
  const { openFloor, FloorSearch } = await import('./floor');
  const queries = JSON.parse(fs.readFileSync(args.queriesFile!, 'utf8')) as BenchQuery[];
  const archive = Archive.open(args.db);
  const catalogLoadSeconds = await warmCatalog(archive);
  const warmup = args.warmup ?? 20;

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
      suggestion: r.suggestion,
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

  const acc = Object.fromEntries(QUERY_CLASSES.map((c) => [c, emptyAcc()])) as Record<
    QueryClass,
    Acc
  >;
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
        if (which === 0) {
          a.runs.push({ text: q.text, ms, total: r.total, from: q.from, to: q.to });
          if (r.suggestion) a.offered++;
          if (r.suggestion && q.intended && sameWords(r.suggestion, q.intended)) a.restored++;
        }
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
  const page = pagePass(archive, queries, args.pageQueries ?? 80);
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
      ...(c === 'fuzzy'
        ? { didYouMean: { offered: a.offered / n[0], restored: a.restored / n[0] } }
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
    page,
  });
}
