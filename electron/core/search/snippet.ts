/**
 * Snippets with highlighted matches, made by re-scanning the text of the hits on screen only:
 * the folded FTS column cannot drive FTS5's snippet(), and ten hits take a couple of milliseconds.
 */
import { tokenize, type Token } from '../text/vietnamese';
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

interface Needle {
  folded: string;
  exact: string | null;
  prefix: boolean;
}

function needles(clauses: readonly Clause[]): Needle[] {
  const out: Needle[] = [];
  for (const clause of clauses) {
    if (clause.negated) continue;
    clause.tokens.forEach((t, i) =>
      out.push({
        folded: t.folded,
        exact: clause.accented ? t.exact : null,
        prefix: clause.prefix && i === clause.tokens.length - 1,
      }),
    );
  }
  return out;
}

/** A token matches a needle by its folded form (marking follows what the search matched). */
function hit(token: Token, needle: Needle): boolean {
  return needle.prefix ? token.folded.startsWith(needle.folded) : token.folded === needle.folded;
}

/** Where each clause starts in the needle list, and the term needles indexed by folded form. */
interface NeedleIndex {
  terms: Map<string, number[]>;
  prefixTerms: number[];
  phrases: Array<{ first: number; length: number }>;
  /** How many different needles a window can hold at most (a repeated syllable counts once). */
  distinct: number;
}

function indexNeedles(clauses: readonly Clause[], list: Needle[]): NeedleIndex {
  const index: NeedleIndex = { terms: new Map(), prefixTerms: [], phrases: [], distinct: 0 };
  let base = 0;
  for (const clause of clauses) {
    if (clause.negated) continue;
    if (clause.kind === 'phrase') index.phrases.push({ first: base, length: clause.tokens.length });
    else if (list[base].prefix) index.prefixTerms.push(base);
    else index.terms.set(list[base].folded, [...(index.terms.get(list[base].folded) ?? []), base]);
    base += clause.tokens.length;
  }
  index.distinct =
    index.terms.size +
    index.prefixTerms.length +
    index.phrases.reduce((sum, p) => sum + p.length, 0);
  return index;
}

/**
 * The tokens of a paragraph that a query marks: a term wherever it occurs, a phrase only where
 * all its syllables stand together in order. One pass over the tokens, whatever the query's
 * length: returns the marked tokens with their needle index, in text order.
 */
function marksIn(tokens: Token[], index: NeedleIndex, list: Needle[]): Array<[Token, number]> {
  const marked: Array<[Token, number]> = [];
  const markedAt = new Set<number>();
  const mark = (at: number, needle: number) => {
    if (markedAt.has(at)) return;
    markedAt.add(at);
    marked.push([tokens[at], needle]);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const term = index.terms.get(token.folded);
    if (term) mark(i, term[0]);
    for (const n of index.prefixTerms) if (hit(token, list[n])) mark(i, n);
    for (const { first, length } of index.phrases) {
      if (i + length > tokens.length || !hit(token, list[first])) continue;
      let k = 1;
      while (k < length && hit(tokens[i + k], list[first + k])) k++;
      if (k === length) for (let j = 0; j < length; j++) mark(i + j, first + j);
    }
  }
  return marked.sort((a, b) => a[0].start - b[0].start);
}

/**
 * Characters read before settling for the best window found so far (laws run to 300,000). A
 * query of common syllables ("của", "và") matches in every paragraph of a law: 40,000 took
 * ~90 ms a page of title-long queries on 8,452 articles, 10,000 about a quarter of that.
 */
const SCAN_BUDGET = 10_000;

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
function prefilter(list: Needle[]): { test(text: string): boolean } | null {
  const prefixOf = new Map<string, boolean>();
  for (const n of list) prefixOf.set(n.folded, (prefixOf.get(n.folded) ?? false) || n.prefix);
  const words = [...prefixOf].map(([folded, prefix]) => {
    const body = [...folded].map((c) => (VARIANTS[c] ? `[${VARIANTS[c]}]` : c)).join('');
    return `(?<!${WORD_CHAR})${body}${prefix ? '' : `(?!${WORD_CHAR})`}`;
  });
  if (!words.length) return null;
  const re = new RegExp(words.join('|'));
  return { test: (text) => re.test(text.toLowerCase()) };
}

/**
 * The best window of about `width` characters from the paragraphs: the one covering the most
 * distinct query syllables, then the most matches. Text is HTML-escaped; matches are in <mark>.
 */
export function makeSnippet(
  paragraphs: readonly string[],
  clauses: readonly Clause[],
  width = 220,
): string {
  const list = needles(clauses);
  const index = indexNeedles(clauses, list);
  // Skip paragraphs that cannot hold a match; if none seems to (a stray combining mark inside a
  // word can hide one from the filter), look again at the first paragraphs without it.
  let best = bestWindow(paragraphs, index, list, width, prefilter(list));
  if (!best || best.score < 0) best = bestWindow(paragraphs.slice(0, 50), index, list, width, null);
  return best
    ? render(
        best.text,
        best.marks.map(([t]) => t),
        best.from,
        width,
      )
    : '';
}

interface Window {
  text: string;
  marks: Array<[Token, number]>;
  from: number;
  score: number;
}

function bestWindow(
  paragraphs: readonly string[],
  index: NeedleIndex,
  list: Needle[],
  width: number,
  mayMatch: { test(text: string): boolean } | null,
): Window | null {
  let best: Window | null = null;
  let scanned = 0;
  for (const raw of paragraphs) {
    if (!raw) continue;
    if (scanned > SCAN_BUDGET && best && best.score > 0) break; // a long law: the best so far
    scanned += raw.length;
    if (mayMatch && !mayMatch.test(raw)) {
      if (!best) best = { text: raw.normalize('NFC'), marks: [], from: 0, score: -1 };
      continue;
    }
    const text = raw.normalize('NFC');
    const found = marksIn(tokenize(text), index, list);
    if (!found.length) {
      if (!best) best = { text, marks: [], from: 0, score: -1 };
      continue;
    }
    // Slide a window over the matches (two pointers): distinct needles first, then matches.
    const counts = new Map<number, number>();
    let end = 0;
    for (let start = 0; start < found.length; start++) {
      const from = found[start][0].start;
      while (end < found.length && found[end][0].end <= from + width) {
        counts.set(found[end][1], (counts.get(found[end][1]) ?? 0) + 1);
        end++;
      }
      const score = counts.size * 100 + (end - start);
      if (!best || score > best.score) best = { text, marks: found, from, score };
      const n = found[start][1];
      if (counts.get(n) === 1) counts.delete(n);
      else counts.set(n, counts.get(n)! - 1);
    }
    if (best && best.score >= index.distinct * 100) break; // every syllable in one window: enough
  }
  return best;
}

function render(text: string, marks: Token[], first: number, width: number): string {
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
