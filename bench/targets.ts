/**
 * Issue 4's targets and the verdict on each: met, or missed and by how much (as a multiple of
 * the target and as a difference). The targets are set for 100,000 articles, and three of them for
 * 1,000,000; the 10k and 75k tiers show the 100k targets beside their figures, unjudged.
 */
import { isFailure, int, mb, ms, type TierOutcome, type TierResult } from './figures';
import { CLASS_LABELS, QUERY_CLASSES } from './queries';

export type TargetScale = '100k' | '1m';

interface Target {
  /** The table row the target belongs to (report.ts). */
  key: string;
  figure: string;
  /** As the issue writes it. */
  text: string;
  scale: TargetScale;
  limit: number;
  better: 'lower' | 'higher';
  show: (v: number) => string;
  value: (t: TierResult) => number | null;
}

export interface Verdict {
  key: string;
  figure: string;
  text: string;
  /** The figure as measured, or why there is none. */
  value: string;
  /** null: not measured in this run. */
  met: boolean | null;
  /** For a missed target: by how much. */
  miss: string | null;
}

const sec = (v: number) => `${(v / 1000).toFixed(2)} s`;
const rate = (v: number) => `${int(v)} art/s`;
const times = (v: number) => `${v.toFixed(2)} ×`;

function queryTargets(scale: TargetScale, limit: number, typeahead: number): Target[] {
  return QUERY_CLASSES.map((c) => {
    const l = c === 'typeahead' ? typeahead : limit;
    return {
      key: `query:${c}`,
      figure: `query p95, ${CLASS_LABELS[c]}`,
      text: c === 'typeahead' ? `type-ahead p95 ≤ ${l} ms` : `p95 ≤ ${l} ms, with snippets`,
      scale,
      limit: l,
      better: 'lower' as const,
      show: ms,
      value: (t: TierResult) =>
        t.queries.classes[c]?.ours.n ? t.queries.classes[c].ours.p95 : null,
    };
  });
}

const TARGETS: Target[] = [
  {
    key: 'rate',
    figure: 'import + index, end to end',
    text: '≥ 1,500 art/s (under 70 s)',
    scale: '100k',
    limit: 1500,
    better: 'higher',
    show: rate,
    value: (t) => t.import.ours.rate,
  },
  {
    key: 'searchable',
    figure: 'newly imported article searchable',
    text: 'within 2 s of its import transaction',
    scale: '100k',
    limit: 2000,
    better: 'lower',
    show: sec,
    value: (t) => {
      const f = t.import.ours.searchable;
      return f && f.found ? f.ms : null;
    },
  },
  {
    key: 'cold',
    figure: 'cold start to first result',
    text: '≤ 1.0 s',
    scale: '100k',
    limit: 1000,
    better: 'lower',
    show: sec,
    value: (t) => t.cold.ours.medianSpawnToResultMs,
  },
  ...queryTargets('100k', 50, 20),
  {
    key: 'page',
    figure: 'results page of 20 hits with snippets, p95',
    text: 'p95 ≤ 50 ms (a query with snippets)',
    scale: '100k',
    limit: 50,
    better: 'lower',
    show: ms,
    value: (t) => t.queries.page?.page20.p95 ?? null,
  },
  {
    key: 'rssImport',
    figure: 'peak RSS during import',
    text: '≤ 500 MB',
    scale: '100k',
    limit: 500,
    better: 'lower',
    show: mb,
    value: (t) => t.import.ours.peakRssMb,
  },
  {
    key: 'rssCatalog',
    figure: 'peak RSS with the catalog rebuilt after the import',
    text: '≤ 500 MB',
    scale: '100k',
    limit: 500,
    better: 'lower',
    show: mb,
    value: (t) => t.import.ours.peakRssWithCatalogMb ?? null,
  },
  {
    key: 'rssIdle',
    figure: 'RSS idle with the index loaded',
    text: '≤ 300 MB',
    scale: '100k',
    limit: 300,
    better: 'lower',
    show: mb,
    value: (t) => t.queries.idleRssMb,
  },
  {
    key: 'disk',
    figure: 'database + index on disk',
    text: '≤ 2.5 × the raw UTF-8 text',
    scale: '100k',
    limit: 2.5,
    better: 'lower',
    show: times,
    value: (t) => t.import.ours.ratioToRaw,
  },
  {
    key: 'mainLag',
    figure: 'event-loop lag of the main thread during import',
    text: 'never above 50 ms',
    scale: '100k',
    limit: 50,
    better: 'lower',
    show: ms,
    value: (t) => t.import.ours.mainLoop?.maxMs ?? null,
  },
  {
    key: 'cold',
    figure: 'cold start to first result',
    text: '≤ 3 s',
    scale: '1m',
    limit: 3000,
    better: 'lower',
    show: sec,
    value: (t) => t.cold.ours.medianSpawnToResultMs,
  },
  ...queryTargets('1m', 300, 300),
];

/** Which targets a tier is judged against: its own scale, or none (shown unjudged). */
export function scaleOf(tier: string): { scale: TargetScale; judged: boolean } {
  if (tier === '1m') return { scale: '1m', judged: true };
  return { scale: '100k', judged: tier === '100k' };
}

function missBy(target: Target, v: number): string {
  const { limit, show } = target;
  if (target.better === 'lower') {
    return `${(v / limit).toFixed(2)} × the target (${show(v - limit)} over)`;
  }
  return `${(limit / v).toFixed(2)} × too slow (${show(limit - v)} short)`;
}

function verdict(target: Target, t: TierResult): Verdict {
  const v = target.value(t);
  const base = { key: target.key, figure: target.figure, text: target.text };
  if (target.key === 'searchable' && t.import.ours.searchable && !t.import.ours.searchable.found) {
    return { ...base, value: 'not found', met: false, miss: 'the last article was not found' };
  }
  if (v === null || !Number.isFinite(v)) {
    return { ...base, value: 'not measured', met: null, miss: null };
  }
  const met = target.better === 'lower' ? v <= target.limit : v >= target.limit;
  return { ...base, value: target.show(v), met, miss: met ? null : missBy(target, v) };
}

/** Every target of the tier's scale with its verdict (a 1M import that failed: that one only). */
export function verdicts(t: TierOutcome): Verdict[] {
  const { scale } = scaleOf(t.tier);
  const out: Verdict[] = [];
  if (scale === '1m') {
    const failed = isFailure(t) && t.failed.step === 'import';
    out.push({
      key: 'finished',
      figure: 'import of 1,000,000 articles',
      text: 'finishes without running out of memory',
      value: isFailure(t) && failed ? `did not finish (${t.failed.error})` : 'finished',
      met: !failed,
      miss: failed ? 'the import did not finish' : null,
    });
  }
  for (const target of TARGETS) {
    if (target.scale !== scale) continue;
    const { key, figure, text } = target;
    out.push(
      isFailure(t)
        ? { key, figure, text, value: 'not measured', met: null, miss: null }
        : verdict(target, t),
    );
  }
  return out;
}

/** The target cell of a table row: the target, and at a judged tier its verdict. */
export function targetCell(t: TierResult, key: string): string {
  const { scale, judged } = scaleOf(t.tier);
  const target = TARGETS.find((x) => x.key === key && x.scale === scale);
  if (!target) return '';
  if (!judged) return target.text;
  const v = verdict(target, t);
  const mark = v.met === null ? '(not measured)' : v.met ? '✓ met' : `✗ ${v.miss}`;
  return `${target.text} ${mark}`;
}

/** The Markdown list under a judged tier's table. */
export function verdictList(t: TierOutcome): string[] {
  const { scale, judged } = scaleOf(t.tier);
  if (!judged) return [];
  const list = verdicts(t);
  const met = list.filter((v) => v.met).length;
  const unmeasured = list.filter((v) => v.met === null).length;
  return [
    `**Targets at ${scale === '1m' ? '1,000,000' : '100,000'} articles (issue 4): ${met} of ` +
      `${list.length} met${unmeasured ? `, ${unmeasured} not measured` : ''}.**`,
    '',
    ...list.map(
      (v) =>
        `- ${v.met === null ? '–' : v.met ? '✓' : '✗'} ${v.figure}: ${v.value} — target ${v.text}` +
        (v.met === false && v.miss ? `; missed: ${v.miss}` : v.met ? '; met' : ''),
    ),
  ];
}
