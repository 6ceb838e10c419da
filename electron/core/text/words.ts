/**
 * Where the words of a text are: runs that start with a letter or digit and go on through
 * letters, digits and combining marks — exactly what the pattern `[\p{L}\p{N}][\p{L}\p{N}\p{M}]*`
 * matches in Unicode mode, found by a scan over a table of character classes instead. Tokenising
 * is most of what an import's tokenising thread does, and snippets and the title boost tokenise
 * at query time; the regular expression's iterator, building a match array for every word, took
 * half of it. tests/unit/text/words.test.ts compares the two over the corpus and edge cases.
 */

/** What a code point does in a word. */
const OTHER = 0;
const STARTS = 1; // a letter or digit: starts a word or goes on with it
const GOES_ON = 2; // a combining mark: only goes on with a word

const STARTS_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;
/** Code units below this are classified by table (Latin, Vietnamese, combining marks…). */
const TABLE_SIZE = 0x3000;

let table: Uint8Array | null = null;
const beyond = new Map<number, number>();

function classify(codePoint: number): number {
  const c = String.fromCodePoint(codePoint);
  return STARTS_RE.test(c) ? STARTS : MARK_RE.test(c) ? GOES_ON : OTHER;
}

function classTable(): Uint8Array {
  if (!table) {
    table = new Uint8Array(TABLE_SIZE);
    for (let c = 0; c < TABLE_SIZE; c++) table[c] = classify(c);
  }
  return table;
}

/** A code point beyond the table (and a lone surrogate, which is nothing in a word). */
function classBeyond(codePoint: number): number {
  let kind = beyond.get(codePoint);
  if (kind === undefined) {
    kind = codePoint >= 0xd800 && codePoint <= 0xdfff ? OTHER : classify(codePoint);
    if (beyond.size < 10_000) beyond.set(codePoint, kind);
  }
  return kind;
}

/**
 * Calls `word(start, end)` for each word of `text`, in order (UTF-16 offsets, end exclusive).
 */
export function eachWord(text: string, word: (start: number, end: number) => void): void {
  const classes = classTable();
  const n = text.length;
  let start = -1;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    let kind: number;
    let width = 1;
    if (unit < TABLE_SIZE) kind = classes[unit];
    else {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) width = 2;
      kind = classBeyond(codePoint);
    }
    if (start < 0) {
      if (kind === STARTS) start = i;
    } else if (kind === OTHER) {
      word(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) word(start, n);
}
