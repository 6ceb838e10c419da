/**
 * `npm run bench` — the archive engine against a floor of raw SQLite FTS5, per tier of articles
 * from ../shared/corpus (real, or real and recombined for 100k and 1M): import rate, time until
 * searchable, index build, memory, disk, event-loop lag, cold start to first result, query
 * latency by class, the results page — each against issue 4's targets. One Markdown table per
 * tier on stdout; every figure in bench/results/latest.json and latest.md. Progress on stderr.
 *
 * Flags: options.ts (USAGE). Method and the meaning of each figure: bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTierInput, TIERS, type TierInput } from './corpus';
import { machineFacts } from './machine';
import { parseArgs, type Options } from './options';
import { runChild, ROOT, useBundledChild } from './proc';
import { bundleChild } from './bundle';
import { generateQueries, interleave, QUERY_CLASSES } from './queries';
import { markdownReport, machineLine, MB, tierTable } from './report';
import type {
  BenchReport,
  ClassFigures,
  ColdFigures,
  ImportFigures,
  TierBase,
  TierFailure,
  TierOutcome,
  TierResult,
} from './figures';
import type { PageResult } from './child-queries';
import { median } from './stats';
import type { TypingFigures } from './typing';

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
  peakRssWithCatalogMb?: number | null;
  sampledPeakRssMb: number;
  mainLoop?: ImportFigures['mainLoop'];
  engineLoop?: ImportFigures['engineLoop'];
  searchable?: ImportFigures['searchable'];
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

/** What a tier held, for its result whether or not it got far. */
function tierBase(name: string, input: TierInput, started: number) {
  return {
    tier: name,
    articles: input.articles,
    bySource: input.bySource,
    synthetic: input.synthetic,
    rawBytes: input.rawBytes,
    inputSeconds: input.seconds,
    seconds: (performance.now() - started) / 1000,
  };
}

type QuerySets = ReturnType<typeof generateQueries>;

/** Where a tier's measurement has got to, for the report when a step does not finish. */
interface Progress {
  step: string;
  importOurs?: ImportFigures;
}

async function runTier(name: string, options: Options, tmp: string): Promise<TierOutcome> {
  const started = performance.now();
  const dir = path.join(tmp, name);
  log(`${name}: building input from the corpus`);
  const input = await buildTierInput(TIERS[name], path.join(dir, 'input'), options.seed, (m) =>
    log(m),
  );
  log(
    `${name}: ${input.articles} articles (${input.synthetic} recombined), raw text ` +
      `${MB(input.rawBytes)}, built in ${input.seconds.toFixed(1)} s`,
  );
  const sets = generateQueries(input.titles, options.queries, options.seed, name);
  fs.writeFileSync(path.join(dir, 'queries.json'), JSON.stringify(interleave(sets, options.seed)));
  input.titles = []; // let the parent stay small while the children work

  const progress: Progress = { step: 'import' };
  try {
    const measured = await measureTier(name, options, dir, input, sets, progress);
    return { ...tierBase(name, input, started), ...measured };
  } catch (error) {
    // Out of memory, a crash: the verdict for the tier (at 1M, "finishes without running out").
    const message = error instanceof Error ? error.message : String(error);
    log(`${name}: the ${progress.step} did not finish: ${message}`);
    const failure: TierFailure = {
      ...tierBase(name, input, started),
      failed: { step: progress.step, error: message },
      importOurs: progress.importOurs,
    };
    return failure;
  } finally {
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measureTier(
  name: string,
  options: Options,
  dir: string,
  input: TierInput,
  sets: QuerySets,
  progress: Progress,
): Promise<Omit<TierResult, keyof TierBase>> {
  const db = path.join(dir, 'archive.db');
  const floorDb = path.join(dir, 'floor.db');
  const queriesFile = path.join(dir, 'queries.json');
  const figures = (r: ImportChild, file: string): ImportFigures => {
    const disk = diskUse(file);
    return {
      imported: r.imported,
      duplicates: r.duplicates,
      failed: r.failed,
      seconds: r.seconds,
      rate: r.imported / r.seconds,
      catalogSeconds: r.catalogSeconds,
      peakRssMb: r.peakRssMb,
      peakRssWithCatalogMb: r.peakRssWithCatalogMb ?? null,
      sampledPeakRssMb: r.sampledPeakRssMb,
      dbBytes: disk.total,
      diskFiles: disk.files,
      ratioToRaw: disk.total / input.rawBytes,
      mainLoop: r.mainLoop,
      engineLoop: r.engineLoop,
      searchable: r.searchable,
    };
  };

  log(`${name}: importing into a fresh archive through the host's worker thread (child process)`);
  const ours = await runChild<ImportChild>('import', { db, files: input.files, last: input.last });
  progress.step = 'settling of the archive';
  await runChild<{ seconds: number }>('settle', { db });
  const oursImport = figures(ours.result, db);
  progress.importOurs = oursImport;
  const found = ours.result.searchable;
  log(
    `${name}: imported ${ours.result.imported} (dup ${ours.result.duplicates}, failed ` +
      `${ours.result.failed}) in ${ours.result.seconds.toFixed(1)} s; last article ` +
      `${found ? `${found.found ? 'found' : 'NOT found'} in ${found.ms.toFixed(0)} ms` : 'not searched'}`,
  );
  if (ours.result.failed) log(`  failures: ${JSON.stringify(ours.result.failures)}`);

  progress.step = 'floor build';
  log(`${name}: building the floor (raw FTS5, child process)`);
  const floor = await runChild<ImportChild>('floor-build', { db: floorDb, files: input.files });
  const floorImport = figures(floor.result, floorDb);
  log(`${name}: floor built in ${floor.result.seconds.toFixed(1)} s`);

  progress.step = 'cold starts';
  useBundledChild(await bundleChild());
  log(`${name}: cold starts (${options.coldRuns} each, interleaved)`);
  const coldOurs: ColdRun[] = [];
  const coldFloor: ColdRun[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    const q = sets.two[i % sets.two.length];
    coldOurs.push(await runChild<ColdChild>('cold', { db, query: q.text }));
    coldFloor.push(await runChild<ColdChild>('floor-cold', { db: floorDb, floorQuery: q.floor }));
  }

  progress.step = 'query run';
  log(
    `${name}: ${QUERY_CLASSES.length} classes × up to ${options.queries} queries, ours and floor ` +
      `alternating, then ${options.pageQueries} results pages`,
  );
  const queries = await runChild<TierResult['queries'] & { queries: number; page: PageResult }>(
    'queries',
    {
      db,
      floorDb,
      queriesFile,
      warmup: 20,
      classBudgetMs: options.classBudget * 1000,
      classMinimum: CLASS_MINIMUM,
      pageQueries: options.pageQueries,
    },
  );
  // Corpus text stays out of the results: full titles are not kept.
  const classes = queries.result.classes as Record<string, ClassFigures>;
  classes.title.slowest = classes.title.slowest.map(({ ms, total }) => ({ ms, total }));

  progress.step = 'typing run';
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
    progress.step = 'index rebuild';
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
  return {
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
      page: queries.result.page,
    },
  };
}

/** `--input-only`: build each tier's input files and say what they hold. */
async function buildInputsOnly(options: Options, tmp: string): Promise<void> {
  for (const name of options.tiers) {
    const dir = path.join(tmp, name, 'input');
    const input = await buildTierInput(TIERS[name], dir, options.seed, (m) => log(m));
    const onDisk = input.files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    if (options.keep) {
      // The very queries a full run would time, for profiling them on an archive imported by hand.
      const sets = generateQueries(input.titles, options.queries, options.seed, name);
      const file = path.join(tmp, name, 'queries.json');
      fs.writeFileSync(file, JSON.stringify(interleave(sets, options.seed)));
    }
    process.stdout.write(
      `${name}: ${input.articles} articles (${input.bySource.vietnews} VietNews, ` +
        `${input.bySource.baomoi} Báo Mới, ${input.bySource.official} official, ` +
        `${input.synthetic} recombined); raw text ${MB(input.rawBytes)}; JSON Lines ${MB(onDisk)}; ` +
        `built in ${input.seconds.toFixed(1)} s; ${input.titles.length} titles for queries; ` +
        `last record ${input.last?.id ?? '—'}${options.keep ? `; in ${dir}, queries beside it` : ''}\n`,
    );
    if (!options.keep) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = machineFacts(ROOT);
  const startedAt = new Date().toISOString();
  log(machineLine(machine));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-reader-bench-'));
  log(`work folder ${tmp}${options.keep ? ' (kept)' : ''}`);
  if (options.inputOnly) {
    try {
      await buildInputsOnly(options, tmp);
    } finally {
      if (!options.keep) fs.rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  const tiers: TierOutcome[] = [];
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
      pageQueries: options.pageQueries,
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
