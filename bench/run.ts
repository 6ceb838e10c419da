/**
 * `npm run bench` — the archive engine against a floor of raw SQLite FTS5, per tier of real
 * articles from ../shared/corpus: import rate, index build, memory, disk, cold start to first
 * result, and query latency by class. One Markdown table per tier on stdout; every figure in
 * bench/results/latest.json and latest.md. Progress goes to stderr.
 *
 *   npm run bench -- [--tiers 10k,75k] [--queries 200] [--seed 1] [--cold-runs 5]
 *                    [--class-budget 25] [--reindex 10k|all|none|TIERS] [--keep] [--out DIR]
 *
 * Method and the meaning of each figure: bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTierInput, TIERS } from './corpus';
import { machineFacts } from './machine';
import { runChild, ROOT } from './proc';
import { generateQueries, interleave, QUERY_CLASSES } from './queries';
import {
  markdownReport,
  machineLine,
  MB,
  tierTable,
  type BenchOptions,
  type BenchReport,
  type ClassFigures,
  type ColdFigures,
  type ImportFigures,
  type TierResult,
} from './report';
import { median } from './stats';
import type { TypingFigures } from './typing';

interface Options extends BenchOptions {
  keep: boolean;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    tiers: ['10k', '75k'],
    queries: 200,
    seed: 1,
    coldRuns: 5,
    classBudget: 25,
    reindex: ['10k'],
    keep: false,
    out: path.join(ROOT, 'bench', 'results'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const count = (name: string) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive whole number`);
      return n;
    };
    if (flag === '--tiers')
      options.tiers = value()
        .split(',')
        .map((t) => t.trim());
    else if (flag === '--queries') options.queries = count('--queries');
    else if (flag === '--seed') options.seed = count('--seed');
    else if (flag === '--cold-runs') options.coldRuns = count('--cold-runs');
    else if (flag === '--class-budget') options.classBudget = count('--class-budget');
    else if (flag === '--reindex') {
      const v = value();
      options.reindex = v === 'none' ? [] : v === 'all' ? Object.keys(TIERS) : v.split(',');
    } else if (flag === '--keep') options.keep = true;
    else if (flag === '--out') options.out = path.resolve(value());
    else throw new Error(`unknown option ${argv[i]}`);
  }
  for (const t of options.tiers) {
    if (!TIERS[t]) throw new Error(`unknown tier ${t} (known: ${Object.keys(TIERS).join(', ')})`);
  }
  return options;
}

/** Queries typed keystroke by keystroke through the browser host, per tier. */
const TYPING_QUERIES = 40;

/** Queries of a class that always run, whatever its time budget says. */
const CLASS_MINIMUM = 30;

const runStarted = performance.now();
function log(message: string): void {
  const t = ((performance.now() - runStarted) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${t} s] ${message}\n`);
}

/**
 * Bytes on disk of a database and everything persisted beside it under its name (its WAL, a
 * catalog file), the shared-memory index excepted; per file, and in all.
 */
function diskUse(file: string): { total: number; files: Record<string, number> } {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const files: Record<string, number> = {};
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(base) || name.endsWith('-shm') || name.endsWith('.tmp')) continue;
    files[name.slice(base.length) || 'db'] = fs.statSync(path.join(dir, name)).size;
  }
  return { total: Object.values(files).reduce((a, b) => a + b, 0), files };
}

interface ImportChild {
  imported: number;
  duplicates?: number;
  failed?: number;
  failures?: unknown[];
  seconds: number;
  catalogSeconds?: number | null;
  peakRssMb: number;
  peakRssWithCatalogMb?: number;
  sampledPeakRssMb: number;
  eventLoop?: ImportFigures['eventLoop'];
}

interface ColdChild {
  catalogSeconds?: number | null;
  bootMs: number;
  loadMs: number;
  openMs: number;
  searchMs: number;
  inProcessMs: number;
  total: number;
}

type ColdRun = { result: ColdChild; firstMs: number };

function coldFigures(runs: ColdRun[]): ColdFigures {
  const m = (f: (r: ColdChild) => number) => median(runs.map((r) => f(r.result)));
  const catalog = runs.map((r) => r.result.catalogSeconds).filter((v) => typeof v === 'number');
  return {
    runs: runs.length,
    spawnToResultMs: runs.map((r) => r.firstMs),
    medianSpawnToResultMs: median(runs.map((r) => r.firstMs)),
    medianCatalogLoadMs: catalog.length ? median(catalog) * 1000 : null,
    medianInProcessMs: m((r) => r.inProcessMs),
    medianBootMs: m((r) => r.bootMs),
    medianLoadMs: m((r) => r.loadMs),
    medianOpenMs: m((r) => r.openMs),
    medianSearchMs: m((r) => r.searchMs),
  };
}

async function runTier(name: string, options: Options, tmp: string): Promise<TierResult> {
  const started = performance.now();
  const tier = TIERS[name];
  const dir = path.join(tmp, name);
  log(`${name}: building input from the corpus`);
  const input = await buildTierInput(tier, path.join(dir, 'input'), options.seed, (m) => log(m));
  log(`${name}: ${input.articles} articles, raw text ${MB(input.rawBytes)}`);

  const sets = generateQueries(input.titles, options.queries, options.seed, name);
  const queriesFile = path.join(dir, 'queries.json');
  fs.writeFileSync(queriesFile, JSON.stringify(interleave(sets, options.seed)));
  input.titles = []; // let the parent stay small while the children work

  const db = path.join(dir, 'archive.db');
  const floorDb = path.join(dir, 'floor.db');
  const figures = (r: ImportChild, file: string): ImportFigures => {
    const disk = diskUse(file);
    return {
      imported: r.imported,
      duplicates: r.duplicates,
      failed: r.failed,
      seconds: r.seconds,
      rate: r.imported / r.seconds,
      catalogSeconds: r.catalogSeconds ?? null,
      peakRssMb: r.peakRssMb,
      peakRssWithCatalogMb: r.peakRssWithCatalogMb ?? null,
      sampledPeakRssMb: r.sampledPeakRssMb,
      dbBytes: disk.total,
      diskFiles: disk.files,
      ratioToRaw: disk.total / input.rawBytes,
      eventLoop: r.eventLoop,
    };
  };

  log(`${name}: importing into a fresh archive (child process)`);
  const ours = await runChild<ImportChild>('import', { db, files: input.files });
  const oursImport = figures(ours.result, db);
  log(
    `${name}: imported ${ours.result.imported} (dup ${ours.result.duplicates}, failed ` +
      `${ours.result.failed}) in ${ours.result.seconds.toFixed(1)} s`,
  );
  if (ours.result.failed) log(`  failures: ${JSON.stringify(ours.result.failures)}`);

  log(`${name}: building the floor (raw FTS5, child process)`);
  const floor = await runChild<ImportChild>('floor-build', { db: floorDb, files: input.files });
  const floorImport = figures(floor.result, floorDb);
  log(`${name}: floor built in ${floor.result.seconds.toFixed(1)} s`);

  log(`${name}: cold starts (${options.coldRuns} each, interleaved)`);
  const coldOurs: ColdRun[] = [];
  const coldFloor: ColdRun[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    const q = sets.two[i % sets.two.length];
    coldOurs.push(await runChild<ColdChild>('cold', { db, query: q.text }));
    coldFloor.push(await runChild<ColdChild>('floor-cold', { db: floorDb, floorQuery: q.floor }));
  }

  log(`${name}: ${QUERY_CLASSES.length} × ${options.queries} queries, ours and floor alternating`);
  const queries = await runChild<TierResult['queries'] & { queries: number }>('queries', {
    db,
    floorDb,
    queriesFile,
    warmup: 20,
    classBudgetMs: options.classBudget * 1000,
    classMinimum: CLASS_MINIMUM,
  });
  // Corpus text stays out of the results: full titles are not kept.
  const classes = queries.result.classes as Record<string, ClassFigures>;
  classes.title.slowest = classes.title.slowest.map(({ ms, total }) => ({ ms, total }));

  log(`${name}: typing ${TYPING_QUERIES} queries keystroke by keystroke through the browser host`);
  const typingFile = path.join(dir, 'typing.json');
  // Half typed without accents (as most users type), half with them.
  const typingTexts = [
    ...sets.accentFree.slice(0, TYPING_QUERIES / 2),
    ...sets.three.slice(0, TYPING_QUERIES / 2),
  ].map((q) => q.text.replace(/"/g, ''));
  fs.writeFileSync(typingFile, JSON.stringify(typingTexts));
  const typing = await runChild<TypingFigures>('typing', { db, queriesFile: typingFile });
  log(
    `${name}: ${typing.result.requests} keystrokes, p50 ${typing.result.p50Ms.toFixed(1)} ms, ` +
      `p95 ${typing.result.p95Ms.toFixed(1)} ms`,
  );

  let reindex: TierResult['reindex'] = null;
  if (options.reindex.includes(name)) {
    log(`${name}: full index rebuild, ours then floor`);
    const ri = await runChild<{
      seconds: number;
      peakRssMb: number;
      articles: number;
      engineError: string | null;
    }>('reindex', { db });
    if (ri.result.engineError) log(`  Archive.reindex() threw: ${ri.result.engineError}`);
    const fr = await runChild<{ seconds: number; peakRssMb: number }>('floor-rebuild', {
      db: floorDb,
    });
    reindex = {
      ours: { ...ri.result, rate: ri.result.articles / ri.result.seconds },
      floor: { ...fr.result, rate: floorImport.imported / fr.result.seconds, engineError: null },
    };
  }
  if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });

  return {
    tier: name,
    articles: input.articles,
    bySource: input.bySource,
    rawBytes: input.rawBytes,
    inputSeconds: input.seconds,
    import: { ours: oursImport, floor: floorImport },
    reindex,
    typing: typing.result,
    cold: { ours: coldFigures(coldOurs), floor: coldFigures(coldFloor) },
    queries: {
      perClass: options.queries,
      seconds: queries.result.seconds,
      catalogLoadSeconds: queries.result.catalogLoadSeconds,
      idleRssMb: queries.result.idleRssMb,
      idleHeapUsedMb: queries.result.idleHeapUsedMb,
      peakRssMb: queries.result.peakRssMb,
      classes: queries.result.classes,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = machineFacts(ROOT);
  const startedAt = new Date().toISOString();
  log(machineLine(machine));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-reader-bench-'));
  log(`work folder ${tmp}${options.keep ? ' (kept)' : ''}`);
  const tiers: TierResult[] = [];
  try {
    for (const name of options.tiers) {
      const result = await runTier(name, options, tmp);
      tiers.push(result);
      process.stdout.write(`\n${tierTable(result)}\n\n`);
    }
  } finally {
    if (!options.keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
  const report: BenchReport = {
    machine,
    options: {
      tiers: options.tiers,
      queries: options.queries,
      seed: options.seed,
      coldRuns: options.coldRuns,
      classBudget: options.classBudget,
      reindex: options.reindex,
    },
    startedAt,
    seconds: (performance.now() - runStarted) / 1000,
    tiers,
  };
  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(options.out, 'latest.md'), markdownReport(report));
  log(
    `done in ${report.seconds.toFixed(0)} s; wrote ${path.relative(ROOT, options.out)}/latest.{json,md}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
