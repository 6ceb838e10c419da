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

function matches(token: Token, needle: Needle): boolean {
  const [have, want] = needle.exact ? [token.exact, needle.exact] : [token.folded, needle.folded];
  return needle.prefix ? have.startsWith(want) : have === want;
}

/** Indices of the needles a token matches, folded first, so accent-free typing still marks. */
function hit(token: Token, list: Needle[]): number {
  for (let i = 0; i < list.length; i++) if (matches(token, list[i])) return i;
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (n.prefix ? token.folded.startsWith(n.folded) : token.folded === n.folded) return i;
  }
  return -1;
}

/**
 * The tokens of a paragraph that a query marks: a term wherever it occurs, a phrase only where
 * all its syllables stand together in order. Returns the marked tokens with their needle index.
 */
function marksIn(
  tokens: Token[],
  clauses: readonly Clause[],
  list: Needle[],
): Array<[Token, number]> {
  const marked: Array<[Token, number]> = [];
  let base = 0;
  for (const clause of clauses) {
    if (clause.negated) continue;
    const own = list.slice(base, base + clause.tokens.length);
    if (clause.kind === 'term') {
      for (const t of tokens) if (hit(t, own) >= 0) marked.push([t, base]);
    } else {
      for (let i = 0; i + own.length <= tokens.length; i++) {
        if (own.every((n, k) => hit(tokens[i + k], [n]) >= 0)) {
          for (let k = 0; k < own.length; k++) marked.push([tokens[i + k], base + k]);
        }
      }
    }
    base += clause.tokens.length;
  }
  return marked.sort((a, b) => a[0].start - b[0].start);
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
  let best: { text: string; marks: Token[]; from: number; score: number } | null = null;
  for (const raw of paragraphs) {
    if (!raw) continue;
    const text = raw.normalize('NFC');
    const found = marksIn(tokenize(text), clauses, list);
    if (!found.length) {
      if (!best) best = { text, marks: [], from: 0, score: -1 };
      continue;
    }
    for (let i = 0; i < found.length; i++) {
      const from = found[i][0].start;
      const inWindow = found.filter(([t]) => t.start >= from && t.end <= from + width);
      const score = new Set(inWindow.map(([, n]) => n)).size * 100 + inWindow.length;
      if (!best || score > best.score) best = { text, marks: found.map(([t]) => t), from, score };
    }
    if (best && best.score >= list.length * 100) break; // every syllable in one window: good enough
  }
  if (!best) return '';
  return render(best.text, best.marks, best.from, width);
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
