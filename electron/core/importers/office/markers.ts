/**
 * The marker a numbered list item shows ("1.", "b)", "iv."): the list's own numbering is not
 * text in the file, so it is written from the item's count and its level's format.
 */

function letters(n: number, upper: boolean): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  }
  return upper ? s.toUpperCase() : s;
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number, upper: boolean): string {
  let s = '';
  let k = n;
  for (const [value, digits] of ROMAN) {
    for (; k >= value; k -= value) s += digits;
  }
  return upper ? s.toUpperCase() : s;
}

/** `format` is OpenDocument's num-format: "1", "a", "A", "i", "I" (anything else counts in digits). */
export function listMarker(n: number, format = '1', prefix = '', suffix = '.'): string {
  const count =
    format === 'a' || format === 'A'
      ? letters(n, format === 'A')
      : format === 'i' || format === 'I'
        ? roman(n, format === 'I')
        : String(n);
  return `${prefix}${count}${suffix}`;
}

/** Counters of nested numbered lists: counting at a level restarts the levels below it. */
export class ListCounter {
  private counts: number[] = [];

  next(depth: number): number {
    this.counts.length = depth + 1;
    this.counts[depth] = (this.counts[depth] ?? 0) + 1;
    for (let d = 0; d < depth; d++) this.counts[d] ??= 0;
    return this.counts[depth];
  }

  reset(): void {
    this.counts = [];
  }
}
