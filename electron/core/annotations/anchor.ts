/**
 * Anchoring a W3C-style selector in an article's canonical text: trust the position when the
 * quote (and its context) is still there, else find the quote (using prefix and suffix to choose
 * between repeats), else find it again ignoring whitespace, dash and tone-placement differences.
 */
import type { TextSelector } from '../model';
import { foldDiacritics, normalizeTone } from '../text/vietnamese';

export const CONTEXT_CHARS = 32;

export interface Range {
  start: number;
  end: number;
}

/** Build a full selector for a range of the text. */
export function selectorFor(text: string, range: Range): TextSelector {
  return {
    exact: text.slice(range.start, range.end),
    prefix: text.slice(Math.max(0, range.start - CONTEXT_CHARS), range.start),
    suffix: text.slice(range.end, range.end + CONTEXT_CHARS),
    start: range.start,
    end: range.end,
  };
}

export function anchor(
  text: string,
  selector: Partial<TextSelector> & { exact: string },
): Range | null {
  const { exact } = selector;
  if (!exact) return null;
  const { start, end } = selector;
  if (
    start !== undefined &&
    end !== undefined &&
    text.slice(start, end) === exact &&
    contextFits(text, start, end, selector)
  )
    return { start, end };

  const occurrences: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) occurrences.push(i);
  if (occurrences.length) {
    const best = pickOccurrence(text, occurrences, exact.length, selector);
    return { start: best, end: best + exact.length };
  }
  return fuzzyAnchor(text, selector);
}

/**
 * The position is trusted only where its context agrees: a passage that repeats ("công tác dân
 * vận") can sit at a moved position too, and then the prefix and suffix say it is the wrong one.
 */
function contextFits(
  text: string,
  start: number,
  end: number,
  selector: Partial<TextSelector>,
): boolean {
  const { prefix, suffix } = selector;
  if (!prefix && !suffix) return true;
  const prefixFits = !!prefix && text.slice(Math.max(0, start - prefix.length), start) === prefix;
  const suffixFits = !!suffix && text.slice(end, end + suffix.length) === suffix;
  return prefixFits || suffixFits;
}

function pickOccurrence(
  text: string,
  at: number[],
  length: number,
  selector: Partial<TextSelector>,
): number {
  const score = (i: number) => {
    let s = 0;
    if (
      selector.prefix &&
      text.slice(Math.max(0, i - selector.prefix.length), i) === selector.prefix
    )
      s += 2;
    if (
      selector.suffix &&
      text.slice(i + length, i + length + selector.suffix.length) === selector.suffix
    )
      s += 2;
    if (selector.start !== undefined) s -= Math.abs(i - selector.start) / Math.max(1, text.length);
    return s;
  };
  return at.reduce((best, i) => (score(i) > score(best) ? i : best), at[0]);
}

/**
 * Compare on a loose form (tone placement normalised, accents kept, dashes and quotes unified,
 * whitespace collapsed), keeping a map from each loose character back to the original offset.
 */
function loose(text: string): { chars: string; map: number[] } {
  let chars = '';
  const map: number[] = [];
  let lastSpace = true;
  for (const m of text.matchAll(/[\p{L}\p{N}]+|\s+|./gsu)) {
    const piece = m[0];
    if (/^\s+$/.test(piece)) {
      if (!lastSpace) {
        chars += ' ';
        map.push(m.index);
      }
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    let form = /^[\p{L}\p{N}]+$/u.test(piece) ? normalizeTone(piece.toLowerCase()) : piece;
    form = form
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[“”„"]/g, '"')
      .replace(/[‘’']/g, "'");
    // Keep one loose char per original char where the lengths agree; else spread the map.
    for (let k = 0; k < form.length; k++) {
      chars += form[k];
      map.push(m.index + Math.min(k, piece.length - 1));
    }
  }
  return { chars, map };
}

function allIndexes(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function fuzzyAnchor(
  text: string,
  selector: Partial<TextSelector> & { exact: string },
): Range | null {
  const hay = loose(text.normalize('NFC'));
  const needle = loose(selector.exact.normalize('NFC').trim()).chars.trim();
  if (!needle) return null;
  let form = (s: string) => s;
  let found = allIndexes(hay.chars, needle);
  if (!found.length) {
    // Last resort: accent-free, for a quote typed without accents on the command line.
    const foldedHay = foldDiacritics(hay.chars);
    if (foldedHay.length === hay.chars.length) {
      form = foldDiacritics;
      found = allIndexes(foldedHay, foldDiacritics(needle));
    }
  }
  if (!found.length) return null;
  // Among repeats, the prefix and suffix choose, compared on the same loose form.
  const hayForm = form(hay.chars);
  const prefix = form(loose(selector.prefix?.normalize('NFC') ?? '').chars.trim());
  const suffix = form(loose(selector.suffix?.normalize('NFC') ?? '').chars.trim());
  const score = (at: number) => {
    let s = 0;
    if (prefix && hayForm.slice(0, at).trimEnd().endsWith(prefix)) s += 2;
    if (
      suffix &&
      hayForm
        .slice(at + needle.length)
        .trimStart()
        .startsWith(suffix)
    )
      s += 2;
    if (selector.start !== undefined)
      s -= Math.abs(hay.map[at] - selector.start) / Math.max(1, text.length);
    return s;
  };
  const at = found.reduce((best, i) => (score(i) > score(best) ? i : best), found[0]);
  const start = hay.map[at];
  const end = hay.map[at + needle.length - 1] + 1;
  // Extend the end over the rest of a multi-unit character (surrogate pairs, decomposed marks).
  let stop = end;
  while (stop < text.length && /\p{M}/u.test(text[stop])) stop++;
  return { start, end: stop };
}
