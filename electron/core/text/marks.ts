/**
 * Which words of a text a query marks: the one rule behind the snippets' `<mark>`s and the
 * reader's highlighting of the search terms. Pure (no Node, no DOM), so both sides share it.
 *
 * Most Vietnamese words are two syllables, so marking syllable by syllable scatters: for "nghi
 * quyet dan van" the "nghị" of "hội nghị" and the "dân" of "nhân dân" light up everywhere. Here,
 * two syllables the query has side by side are marked where they stand side by side in the text
 * (one mark for the run, "nghị quyết", "dân vận"); a query syllable found in such a pair anywhere
 * in the text is not marked where it stands alone; a syllable never found paired is marked singly,
 * which still shows where the query matched. A quoted phrase is marked only whole, as one mark.
 * Matching is accent- and case-free (what the search matched): "dan van" marks "Dân vận", "hoa"
 * marks "hòa" and "hoà", NFD text is marked at its own offsets.
 */
import { eachWord } from './words';

export interface MarkNeedle {
  /** The syllable folded: lower case, no diacritics, đ → d. */
  folded: string;
  /** Matches any syllable that starts with `folded` (`nghị*`, the word being typed). */
  prefix: boolean;
}

export interface MarkQuery {
  /** The query's free syllables in the order typed (their neighbours make the pairs). */
  terms: MarkNeedle[];
  /** Quoted phrases (and words of several syllables such as 45/2019/QH14), marked only whole. */
  phrases: MarkNeedle[][];
}

/** A marked range of the text, and the needles it holds (terms first, then phrase syllables). */
export interface MarkRange {
  start: number;
  end: number;
  needles: number[];
}

interface Word {
  start: number;
  end: number;
  folded: string;
}

const COMBINING = /[\u0300-\u036f]/g;
const foldCache = new Map<string, string>();

/** Lower case, diacritics dropped, đ → d; works on NFC and NFD alike. */
export function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = word.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  eachWord(text, (start, end) => {
    const folded = foldWord(text.slice(start, end));
    if (folded) out.push({ start, end, folded });
  });
  return out;
}

function hit(word: Word, needle: MarkNeedle): boolean {
  return needle.prefix ? word.folded.startsWith(needle.folded) : word.folded === needle.folded;
}

/** Two words stand together: only spaces between them (not a comma, a line or a cell break). */
function together(text: string, a: Word, b: Word): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x202f) return false;
  }
  return b.start > a.end;
}

/** How many needles a query has (the numbering of `MarkRange.needles`). */
export function needleCount(query: MarkQuery): number {
  return query.terms.length + query.phrases.reduce((n, p) => n + p.length, 0);
}

/**
 * The ranges of `text` the query marks, in text order, never overlapping. Whether a syllable is
 * found paired is decided over the whole of `text` (an article for the reader, a paragraph for a
 * snippet).
 */
export function markRanges(text: string, query: MarkQuery): MarkRange[] {
  const ws = words(text);
  const { terms, phrases } = query;
  // Spans of word indices [first, last] with the needles they hold.
  const spans: Array<{ first: number; last: number; needles: number[] }> = [];
  const paired = new Set<number>();
  for (let j = 0; j + 1 < ws.length; j++) {
    for (let i = 0; i + 1 < terms.length; i++) {
      if (
        hit(ws[j], terms[i]) &&
        hit(ws[j + 1], terms[i + 1]) &&
        together(text, ws[j], ws[j + 1])
      ) {
        spans.push({ first: j, last: j + 1, needles: [i, i + 1] });
        paired.add(i).add(i + 1);
      }
    }
  }
  const inPair = new Set<number>();
  for (const s of spans) inPair.add(s.first).add(s.last);
  for (let j = 0; j < ws.length; j++) {
    if (inPair.has(j)) continue;
    for (let i = 0; i < terms.length; i++) {
      if (!paired.has(i) && hit(ws[j], terms[i])) {
        spans.push({ first: j, last: j, needles: [i] });
        break;
      }
    }
  }
  let base = terms.length;
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    for (let j = 0; j + phrase.length <= ws.length; j++) {
      let k = 0;
      while (k < phrase.length && hit(ws[j + k], phrase[k])) k++;
      if (k === phrase.length) {
        spans.push({ first: j, last: j + k - 1, needles: phrase.map((_, n) => base + n) });
      }
    }
    base += phrase.length;
  }
  // Overlapping spans ("nghị quyết" + "quyết dân" + "dân vận") become one mark.
  spans.sort((a, b) => a.first - b.first || b.last - a.last);
  const out: MarkRange[] = [];
  let open: { first: number; last: number; needles: Set<number> } | null = null;
  const close = () => {
    if (!open) return;
    out.push({
      start: ws[open.first].start,
      end: ws[open.last].end,
      needles: [...open.needles].sort((a, b) => a - b),
    });
  };
  for (const s of spans) {
    if (open && s.first <= open.last) {
      open.last = Math.max(open.last, s.last);
      for (const n of s.needles) open.needles.add(n);
    } else {
      close();
      open = { first: s.first, last: s.last, needles: new Set(s.needles) };
    }
  }
  close();
  return out;
}

function syllablesOf(text: string): string[] {
  const out: string[] = [];
  eachWord(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/**
 * The needles of a query as the user typed it, for the reader (which has the text of the search,
 * not its parsed clauses): quoted runs and words of several syllables are phrases, `-word` marks
 * nothing, a `field:` prefix is dropped, a trailing `*` makes a prefix.
 */
export function markQueryFromInput(input: string): MarkQuery {
  const query: MarkQuery = { terms: [], phrases: [] };
  const parts = input.normalize('NFC').match(/-?(?:[\p{L}\p{N}]+:)?(?:"[^"]*"?|[^\s"]+)/gu) ?? [];
  for (const raw of parts) {
    if (raw.startsWith('-')) continue;
    const part = raw.replace(/^[\p{L}\p{N}]+:/u, '');
    const quoted = part.startsWith('"');
    const prefix = !quoted && part.endsWith('*');
    const syllables = syllablesOf(part);
    if (syllables.length === 0) continue;
    if (quoted || syllables.length > 1) {
      query.phrases.push(syllables.map((s) => ({ folded: foldWord(s), prefix: false })));
    } else {
      query.terms.push({ folded: foldWord(syllables[0]), prefix });
    }
  }
  return query;
}
