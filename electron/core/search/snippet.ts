/**
 * Snippets with highlighted matches, made by re-scanning the text of the hits on screen only:
 * the folded FTS column cannot drive FTS5's snippet(), and ten hits take a couple of milliseconds.
 */
import {
  markRanges,
  needleCount,
  type MarkNeedle,
  type MarkQuery,
  type MarkRange,
} from '../text/marks';
import type { Clause } from './query-parser';

const escapeMap: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapeMap[c]);
}

/**
 * The query's clauses as the marking rule sees them: free terms in the order typed (neighbours
 * make pairs), phrases whole. Negated clauses mark nothing.
 */
export function clauseMarks(clauses: readonly Clause[]): MarkQuery {
  const query: MarkQuery = { terms: [], phrases: [] };
  for (const clause of clauses) {
    if (clause.negated) continue;
    const needles = clause.tokens.map((t, i) => ({
      folded: t.folded,
      prefix: clause.prefix && i === clause.tokens.length - 1,
    }));
    if (clause.kind === 'phrase') query.phrases.push(needles);
    else query.terms.push(...needles);
  }
  return query;
}

/**
 * Characters read before settling for the best window found so far (laws run to 300,000). A
 * query of common syllables ("của", "và") matches in every paragraph of a law: 40,000 took
 * ~90 ms a page of title-long queries on 8,452 articles, 10,000 about a quarter of that.
 */
const SCAN_BUDGET = 10_000;
/**
 * Past the budget, the next this many characters are skimmed for paragraphs holding the whole
 * query, and those are read. On pages of the 20 longest documents holding a query
 * (bench/snippets.ts), skimming 30,000 made the median page 1.19 times the one without (60,000:
 * 1.56 times, for few better snippets); a whole 300,000-character law, 4 times.
 */
const SKIM_BUDGET = 30_000;

const VARIANTS: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
};

/** Letters and digits of Vietnamese text once lower-cased (other scripts only let more through). */
const WORD_CHAR = '[0-9a-z\\u00c0-\\u024f\\u1e00-\\u1eff]';

/**
 * One regular expression that finds any needle in lower-cased NFC text whatever its accents: a
 * cheap native test that lets the snippet skip, unread, the paragraphs of a 300,000-character
 * law that cannot hold a match, and tokenise only those that may. It is built without the `i`
 * and `u` flags: with them, compiling it took 3–8 ms, once per query, more than the test saved.
 */
function prefilter(list: MarkNeedle[]): { test(text: string): boolean } | null {
  const prefixOf = new Map<string, boolean>();
  for (const n of list) prefixOf.set(n.folded, (prefixOf.get(n.folded) ?? false) || n.prefix);
  return anyOf([...prefixOf].map(([folded, prefix]) => [{ folded, prefix }]));
}

/**
 * The query as typed, whole: its free syllables side by side in order, or one of its phrases.
 * Past the budget, only a paragraph that holds it is read: in a law, that is the Điều the query
 * quotes ("người chưa thành niên có thể có nơi cư trú khác"), far beyond the first paragraphs
 * that share its common syllables. One expression, upper and lower case in it (no lower-cased
 * copy of each paragraph), so the rest of a 300,000-character law is skimmed, not read.
 */
function wholeQuery(query: MarkQuery): { test(text: string): boolean } | null {
  const runs = [
    query.terms.length > 1 ? query.terms : [],
    ...query.phrases.filter((p) => p.length > 1),
  ];
  return anyOf(runs, true);
}

/** One expression matching any of the runs of needles (syllables separated by spaces). */
/**
 * The expressions of the last queries: a page of hits makes one snippet per hit with the same
 * query, and compiling these expressions costs more than a short article's whole snippet.
 */
const expressions = new Map<string, RegExp>();

function compiled(source: string): RegExp {
  let re = expressions.get(source);
  if (!re) {
    if (expressions.size >= 16) expressions.clear();
    re = new RegExp(source);
    expressions.set(source, re);
  }
  return re;
}

function anyOf(
  runs: MarkNeedle[][],
  anyCase = false,
): { re: RegExp; test(text: string): boolean } | null {
  const letters = (c: string) => (anyCase ? c + c.toUpperCase() : c);
  const wordChar = anyCase ? WORD_CHAR.replace('a-z', 'A-Za-z') : WORD_CHAR;
  const word = ({ folded, prefix }: MarkNeedle) =>
    [...folded]
      .map((c) => (VARIANTS[c] || anyCase ? `[${letters(VARIANTS[c] ?? c)}]` : c))
      .join('') + (prefix ? '' : `(?!${wordChar})`);
  const alternatives = runs
    .filter((run) => run.length > 0)
    .map((run) => `(?<!${wordChar})${run.map(word).join('[ \u00a0\u202f]+')}`);
  if (!alternatives.length) return null;
  const re = compiled(alternatives.join('|'));
  return { re, test: anyCase ? (text) => re.test(text) : (text) => re.test(text.toLowerCase()) };
}

/**
 * The best window of about `width` characters from the paragraphs: the one covering the most
 * distinct query syllables, then the most marks. Text is HTML-escaped; each mark of the marking
 * rule (text/marks.ts: a word, not its scattered syllables) is one <mark>.
 */
export function makeSnippet(
  paragraphs: readonly string[],
  clauses: readonly Clause[],
  width = 220,
): string {
  return snippetOf(paragraphs, clauses, width).html;
}

/** The snippet and the index of the paragraph it comes from (-1 when there is none). */
export function snippetOf(
  paragraphs: readonly string[],
  clauses: readonly Clause[],
  width = 220,
): { html: string; paragraph: number } {
  const query = clauseMarks(clauses);
  const list = [...query.terms, ...query.phrases.flat()];
  // Skip paragraphs that cannot hold a match; if none seems to (a stray combining mark inside a
  // word can hide one from the filter), look again at the first paragraphs without it.
  let best = bestWindow(paragraphs, query, width, prefilter(list));
  if (!best || best.score < 0) best = bestWindow(paragraphs.slice(0, 50), query, width, null);
  return best
    ? { html: render(best.text, best.marks, best.from, width), paragraph: best.paragraph }
    : { html: '', paragraph: -1 };
}

interface Window {
  text: string;
  paragraph: number;
  marks: MarkRange[];
  from: number;
  score: number;
}

function bestWindow(
  paragraphs: readonly string[],
  query: MarkQuery,
  width: number,
  mayMatch: { test(text: string): boolean } | null,
): Window | null {
  let best: Window | null = null;
  let scanned = 0;
  let extra = 0;
  const distinct = needleCount(query);
  const whole = mayMatch && wholeQuery(query);
  for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
    const raw = paragraphs[paragraph];
    if (!raw) continue;
    if (scanned > SCAN_BUDGET && best && best.score > 0) {
      // A long law: only a paragraph holding the whole query may still beat the best so far.
      if (!whole || extra > SKIM_BUDGET) break;
      extra += raw.length;
      if (!whole.test(raw)) continue;
      best = windowIn(raw, paragraph, query, width, best);
    } else {
      scanned += raw.length;
      if (mayMatch && !mayMatch.test(raw)) {
        best ??= { text: raw.normalize('NFC'), paragraph, marks: [], from: 0, score: -1 };
        continue;
      }
      best = windowIn(raw, paragraph, query, width, best);
    }
    if (best.score >= distinct * 100) break; // every syllable in one window: enough
  }
  return best;
}

/** The best window of one paragraph if it beats `best` (or there is none yet), else `best`. */
function windowIn(
  raw: string,
  paragraph: number,
  query: MarkQuery,
  width: number,
  best: Window | null,
): Window {
  const text = raw.normalize('NFC');
  const found = markRanges(text, query);
  if (!found.length) return best ?? { text, paragraph, marks: [], from: 0, score: -1 };
  // Slide a window over the marks (two pointers): distinct needles first, then marks.
  const counts = new Map<number, number>();
  let end = 0;
  for (let start = 0; start < found.length; start++) {
    const from = found[start].start;
    if (end < start) end = start;
    while (end < found.length && found[end].end <= from + width) {
      for (const n of found[end].needles) counts.set(n, (counts.get(n) ?? 0) + 1);
      end++;
    }
    const score = counts.size * 100 + (end - start);
    if (!best || score > best.score) best = { text, paragraph, marks: found, from, score };
    if (end <= start) continue; // a mark wider than the window was never counted
    for (const n of found[start].needles) {
      if (counts.get(n) === 1) counts.delete(n);
      else counts.set(n, counts.get(n)! - 1);
    }
  }
  return best!;
}

function render(text: string, marks: MarkRange[], first: number, width: number): string {
  let start = Math.max(0, first - Math.floor(width / 4));
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space > 0 && first - space < width / 2 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    end = space > 0 && space - end < 30 ? space : end;
  }
  let out = start > 0 ? '…' : '';
  let cursor = start;
  for (const m of marks) {
    if (m.start < start || m.end > end) continue;
    out +=
      escapeHtml(text.slice(cursor, m.start)) +
      '<mark>' +
      escapeHtml(text.slice(m.start, m.end)) +
      '</mark>';
    cursor = m.end;
  }
  out += escapeHtml(text.slice(cursor, end)) + (end < text.length ? '…' : '');
  return out;
}
