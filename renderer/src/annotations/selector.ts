import type { TextSelector } from '../../../electron/core/model';

export const CONTEXT_CHARS = 32;

/** A W3C TextQuote + TextPosition selector for `text[start, end)`, or null for an empty range. */
export function buildSelector(text: string, start: number, end: number): TextSelector | null {
  let s = Math.max(0, Math.min(start, end, text.length));
  let e = Math.min(text.length, Math.max(start, end));
  // Leading and trailing white space is never what the reader meant to highlight.
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e <= s) return null;
  return {
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: text.slice(e, e + CONTEXT_CHARS),
    start: s,
    end: e,
  };
}
