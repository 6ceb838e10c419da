/**
 * Vietnamese text: the one place that knows how to normalise, fold and tokenise it.
 *
 * Index and query sides both go through these functions, so "hòa" and "hoà", NFD and NFC,
 * "Đà Nẵng" and "da nang" meet on the same tokens. Displayed text is never rewritten.
 */

import { eachWord } from './words';

const COMBINING = /[\u0300-\u036f]/g;
/** The five tone marks; circumflex, breve and horn are part of the vowel, not the tone. */
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWELS = 'aăâeêioôơuưy';
/** Vowels that carry their own diacritic take the tone first. */
const MARKED_VOWELS = 'ăâêôơư';

/** NFC, with BOM and non-breaking or zero-width spaces made plain. */
export function nfc(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\uFEFF/g, '')
    .replace(/[\u00A0\u2007\u202F\u2000-\u200A]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '');
}

/** Remove every diacritic, đ/Đ included (U+0111 has no decomposition, so it is mapped by hand). */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * Put a lower-case syllable's tone mark where one fixed rule says, so that old and new placement
 * ("hòa"/"hoà", "thủy"/"thuỷ", "khỏe"/"khoẻ") give the same string. The rule (tone on the marked
 * vowel; else on the last vowel before a final consonant; else on the second of oa/oe/uy and the
 * middle of three vowels; else the first) only has to be deterministic, not a spelling reform.
 */
export function normalizeTone(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const toneMatch = decomposed.match(TONE_RE);
  if (!toneMatch) return syllable.normalize('NFC');
  if (decomposed.split('').filter((c) => TONE_MARKS.includes(c)).length > 1) {
    return syllable.normalize('NFC'); // not a Vietnamese syllable: leave it alone
  }
  const tone = toneMatch[0];
  const bare = decomposed.replace(TONE_RE, '').normalize('NFC');
  const target = toneIndex(bare);
  if (target < 0) return syllable.normalize('NFC');
  return (
    bare.slice(0, target) +
    (bare[target] + tone).normalize('NFC') +
    bare.slice(target + 1)
  ).normalize('NFC');
}

function toneIndex(bare: string): number {
  let start = 0;
  // "qu" and "gi" onsets: the u / i is part of the consonant when another vowel follows.
  if (bare.startsWith('qu') && bare.length > 2 && VOWELS.includes(bare[2])) start = 2;
  else if (bare.startsWith('gi') && bare.length > 2 && VOWELS.includes(bare[2])) start = 2;
  while (start < bare.length && !VOWELS.includes(bare[start])) start++;
  let end = start;
  while (end < bare.length && VOWELS.includes(bare[end])) end++;
  if (start >= bare.length) {
    // "gì", "quý"-like syllables where the onset vowel is the only vowel
    const i = bare.search(/[aăâeêioôơuưy]/);
    return i;
  }
  const cluster = bare.slice(start, end);
  const hasFinal = end < bare.length;
  if (cluster.includes('ươ')) return start + cluster.indexOf('ơ');
  for (let i = 0; i < cluster.length; i++) if (MARKED_VOWELS.includes(cluster[i])) return start + i;
  if (cluster.length === 1) return start;
  if (hasFinal) return end - 1;
  if (cluster.length >= 3) return start + 1;
  if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy') return start + 1;
  return start;
}

export interface Token {
  /** Lower-case, NFC, tone placement normalised: the accent-exact form. */
  exact: string;
  /** `exact` with every diacritic removed and đ → d: the accent-free form. */
  folded: string;
  /** Offsets in the NFC string that was tokenised (UTF-16 code units). */
  start: number;
  end: number;
}

/**
 * Split NFC text into syllable tokens with their offsets. Stray combining marks (some real
 * articles carry them even after NFC) are dropped from the token but counted in the offsets.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const source = text.normalize('NFC');
  // Combining marks are not letters, so a stray one would split a word: they go on with it.
  eachWord(source, (start, end) => {
    const forms = syllableForms(source.slice(start, end));
    if (forms) tokens.push({ exact: forms[0], folded: forms[1], start, end });
  });
  return tokens;
}

/**
 * Vietnamese has a few thousand distinct syllables, so the normalised forms of a word are
 * memoised: tokenising a 100,000-article import is then mostly map look-ups.
 */
const formCache = new Map<string, readonly [string, string] | null>();
const FORM_CACHE_LIMIT = 200_000;

function syllableForms(word: string): readonly [string, string] | null {
  const cached = formCache.get(word);
  if (cached !== undefined) return cached;
  const raw = word.replace(COMBINING, '').toLowerCase();
  let forms: readonly [string, string] | null = null;
  if (raw) {
    const exact = normalizeTone(raw);
    forms = [exact, foldDiacritics(exact)];
  }
  if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
  formCache.set(word, forms);
  return forms;
}

/** The accent-exact syllables of a text. */
export function syllables(text: string): string[] {
  return tokenize(text).map((t) => t.exact);
}

/** The accent-free syllables of a text. */
export function foldedSyllables(text: string): string[] {
  return tokenize(text).map((t) => t.folded);
}

/** Adjacent syllable pairs ("dân vận", "vận ở"), the unit of most Vietnamese words. */
export function syllablePairs(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) pairs.push(`${tokens[i]} ${tokens[i + 1]}`);
  return pairs;
}

/** True when the text carries any Vietnamese diacritic (including đ), i.e. the user typed accents. */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text.normalize('NFC')) !== text.normalize('NFC');
}
