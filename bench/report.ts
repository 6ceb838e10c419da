/**
 * The report: one Markdown table per tier (stdout and bench/results/latest.md) and every raw
 * figure as JSON (bench/results/latest.json). A row is a figure, ours beside the floor's, their
 * ratio, and issue 4's target where it sets one (targets.ts judges it at 100k and 1M), so later
 * tiers and figures are rows, not code.
 */
import type { MachineFacts } from './machine';
import { CLASS_LABELS, QUERY_CLASSES } from './queries';
import {
  int,
  isFailure,
  MB,
  mb,
  ms,
  pct,
  ratio,
  s,
  type BenchReport,
  type ImportFigures,
  type TierBase,
  type TierOutcome,
  type TierResult,
} from './figures';
import { scaleOf, targetCell, verdictList } from './targets';
import type { Distribution } from './stats';

export { MB };

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

const lag = (l: { maxMs: number; p99Ms: number }) => `${ms(l.maxMs)} (${ms(l.p99Ms)})`;
const three = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)}`;

function importRows(t: TierResult, add: (r: Partial<Row> & { figure: string }) => void): void {
  const { ours: io, floor: fo } = t.import;
  const target = (key: string) => targetCell(t, key);
  add({
    figure: 'import + index rate (engine in its worker thread, through the API)',
    ours: `${int(io.rate)} art/s`,
    floor: `${int(fo.rate)} art/s`,
    ratio: ratio(io.rate, fo.rate),
    target: target('rate'),
  });
  add({
    figure: 'import + index time (FTS rows written in the import transactions)',
    ours: s(io.seconds),
    floor: s(fo.seconds),
    ratio: ratio(io.seconds, fo.seconds),
  });
  if (io.searchable) {
    add({
      figure: 'last imported article searchable: its title searched as the import returns',
      ours: `${ms(io.searchable.ms)} (${io.searchable.found ? 'found' : 'NOT found'})`,
      target: target('searchable'),
    });
  }
  if (io.catalogSeconds !== undefined) {
    add({
      figure: 'catalog rebuilt by the host in its own thread after the import, persisted + loaded',
      ours: io.catalogSeconds === null ? 'not within the wait' : s(io.catalogSeconds),
      floor: 'none',
    });
  }
  if (t.reindex) {
    const failed = t.reindex.ours.engineError;
    add({
      figure: failed
        ? 'full-text index alone, rebuilt from stored rows + optimize (bench paged equivalent: Archive.reindex() threw)'
        : 'full-text index alone: Archive.reindex() (rebuild from stored rows + optimize)',
      ours: `${s(t.reindex.ours.seconds)}${failed ? ' †' : ''}`,
      floor: s(t.reindex.floor.seconds),
      ratio: ratio(t.reindex.ours.seconds, t.reindex.floor.seconds),
    });
  } else {
    add({
      figure: 'full-text index alone (rebuild from stored rows)',
      ours: 'not run (`--reindex`)',
    });
  }
  add({
    figure: 'peak RSS of the importing process (VmHWM: main + engine thread + tokenising pool)',
    ours: mb(io.peakRssMb),
    floor: mb(fo.peakRssMb),
    ratio: ratio(io.peakRssMb, fo.peakRssMb),
    target: target('rssImport'),
  });
  if (io.peakRssWithCatalogMb != null) {
    add({
      figure: '… with the catalog rebuilt after it (same process)',
      ours: mb(io.peakRssWithCatalogMb),
      target: target('rssCatalog'),
    });
  }
  if (io.mainLoop) {
    add({
      figure: 'event-loop lag of the main thread during the import, max (p99)',
      ours: lag(io.mainLoop),
      target: target('mainLag'),
    });
  }
  const engine = io.engineLoop ?? io.eventLoop;
  if (engine) {
    add({
      figure: "… the engine thread's own stall (a call waits behind a batch), max (p99)",
      ours: lag(engine),
    });
  }
  add({
    figure: 'on disk: database + WAL after checkpoint + files beside it',
    ours: `${MB(io.dbBytes)}${diskBreakdown(io)}`,
    floor: MB(fo.dbBytes),
    ratio: ratio(io.dbBytes, fo.dbBytes),
  });
  add({
    figure: '… as a multiple of the raw text',
    ours: `${io.ratioToRaw.toFixed(2)} ×`,
    floor: `${fo.ratioToRaw.toFixed(2)} ×`,
    target: target('disk'),
  });
}

function rows(t: TierResult): Row[] {
  const out: Row[] = [];
  const add = (r: Partial<Row> & { figure: string }) =>
    out.push({ ours: '', floor: '', ratio: '', target: '', ...r });
  const target = (key: string) => targetCell(t, key);
  importRows(t, add);
  const { ours: co, floor: cf } = t.cold;
  add({
    figure: `cold start: spawn → first result (median of ${co.runs})`,
    ours: ms(co.medianSpawnToResultMs),
    floor: ms(cf.medianSpawnToResultMs),
    ratio: ratio(co.medianSpawnToResultMs, cf.medianSpawnToResultMs),
    target: target('cold'),
  });
  add({
    figure: '… of which node + tsx boot / loading the engine modules',
    ours: `${ms(co.medianBootMs)} / ${ms(co.medianLoadMs)}`,
    floor: `${ms(cf.medianBootMs)} / ${ms(cf.medianLoadMs)}`,
  });
  add({
    figure: '… of which open + first search (inside the child)',
    ours: ms(co.medianInProcessMs),
    floor: ms(cf.medianInProcessMs),
    ratio: ratio(co.medianInProcessMs, cf.medianInProcessMs),
  });
  if (co.medianCatalogLoadMs != null) {
    add({
      figure: 'then: catalog ready in the fresh process (load from disk)',
      ours: ms(co.medianCatalogLoadMs),
      floor: 'none',
    });
  }
  add({
    figure: 'RSS idle, archive open, catalog loaded, warmed (query process)',
    ours: mb(t.queries.idleRssMb),
    target: target('rssIdle'),
  });
  for (const c of QUERY_CLASSES) {
    const q = t.queries.classes[c];
    if (!q) continue;
    const partial = q.skipped ? ` (n = ${q.ours.n}: time budget)` : '';
    add({
      figure: `query p50 / p95 / p99: ${CLASS_LABELS[c]}${partial}`,
      ours: three(q.ours),
      floor: three(q.floor),
      ratio: `${ratio(q.ours.p50, q.floor.p50)} / ${ratio(q.ours.p95, q.floor.p95)} / ${ratio(q.ours.p99, q.floor.p99)}`,
      target: target(`query:${c}`),
    });
  }
  const page = t.queries.page;
  if (page) {
    add({
      figure: `results page: 20 hits with snippets, p50 / p95 / p99 (${page.queries} searches of every class but type-ahead)`,
      ours: three(page.page20),
      target: target('page'),
    });
    add({
      figure: page.noPage
        ? '… the same searches without a page (limit 0: count + rank only)'
        : '… without a page: not measurable (the engine returned hits for limit 0)',
      ours: page.noPage ? three(page.noPage) : '—',
    });
    if (page.pageCost) {
      add({
        figure: "… the page's own cost per search (20 rows read + snippets made), p50 / p95 / p99",
        ours: three(page.pageCost),
      });
    }
  }
  const fuzzy = t.queries.classes.fuzzy?.didYouMean;
  if (fuzzy) {
    add({
      figure: 'typo queries answered with "did you mean" / with the words before the typo',
      ours: `${pct(fuzzy.offered)} / ${pct(fuzzy.restored)}`,
      floor: 'none',
    });
  }
  const title = t.queries.classes.title?.recallAt10;
  if (title) {
    add({
      figure: 'accent-stripped title finds its article in the top 10',
      ours: pct(title.ours),
      floor: pct(title.floor),
      target: '≥ 99 % (issue 2)',
    });
  }
  return out;
}

export function tierHeading(t: TierBase): string {
  const b = t.bySource;
  const synthetic = t.synthetic ? ` + ${int(t.synthetic)} recombined` : '';
  return (
    `### ${t.tier} tier: ${int(t.articles)} articles ` +
    `(${int(b.vietnews)} VietNews + ${int(b.baomoi)} Báo Mới + ${int(b.official)} official documents` +
    `${synthetic}), raw text ${MB(t.rawBytes)}`
  );
}

function targetHeader(tier: string): string {
  const { scale, judged } = scaleOf(tier);
  if (scale === '1m') return 'target at 1M (issue 4)';
  return judged ? 'target at 100k (issue 4)' : 'target at 100k (issue 4; not judged at this tier)';
}

export function tierTable(t: TierOutcome): string {
  if (isFailure(t)) {
    const io = t.importOurs;
    return [
      tierHeading(t),
      '',
      `The ${t.failed.step} did not finish: ${t.failed.error}. Nothing after it was measured.`,
      ...(io
        ? [
            '',
            `The import had finished: ${int(io.imported)} articles in ${s(io.seconds)} ` +
              `(${int(io.rate)} art/s), peak RSS ${mb(io.peakRssMb)}, ${MB(io.dbBytes)} on disk.`,
          ]
        : []),
      '',
      ...verdictList(t),
    ].join('\n');
  }
  const q = t.queries;
  const lines = [
    tierHeading(t),
    '',
    `| figure | ours | floor: raw FTS5 | ours ÷ floor | ${targetHeader(t.tier)} |`,
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
    `Queries: up to ${int(q.perClass)} per class, interleaved, ${s(q.seconds)}; limit 10 with ` +
      `snippets (type-ahead: 8 suggestions). Tier wall time ${s(t.seconds)}.`,
    '',
    ...verdictList(t),
  ];
  return lines.join('\n').trimEnd();
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
  const o = r.options;
  return [
    '# Benchmark: latest run',
    '',
    machineLine(r.machine),
    '',
    `Command: \`npm run bench -- --tiers ${o.tiers.join(',')} --queries ${o.queries}` +
      ` --class-budget ${o.classBudget} --page-queries ${o.pageQueries}` +
      ` --reindex ${o.reindex.join(',') || 'none'}\`` +
      ` (seed ${o.seed}, ${o.coldRuns} cold runs); whole run ${s(r.seconds)}. ` +
      'Ratios are ours ÷ floor: above 1 is slower or bigger, except for the rate, where below 1 is slower. ' +
      'See bench/README.md for the method.',
    '',
    ...r.tiers.flatMap((t) => [tierTable(t), '']),
  ].join('\n');
}
