/**
 * Our query language, parsed from whatever the user typed. It never throws: text that means
 * nothing (a lone `title:`, `~`, an unbalanced quote, emoji) simply yields fewer clauses.
 *
 *   dân vận            both syllables, anywhere (accent-free typing matches too)
 *   "công tác dân vận" the phrase, syllables adjacent and in order
 *   -xổ số             exclude articles with "xổ"
 *   title:lạng sơn     only in the title (also: tieude:, number:/so:, issuer:, author:, source:, body:)
 *   nghị*              prefix
 *   45/2019/QH14       one word of several syllables is a phrase
 */
import { hasDiacritics, tokenize, type Token } from '../text/vietnamese';

export type Field = 'title' | 'number' | 'issuer' | 'author' | 'source' | 'body';

export interface Clause {
  kind: 'term' | 'phrase';
  tokens: Token[];
  negated: boolean;
  field: Field | null;
  /** The last token is a prefix (`nghị*`, or the word being typed in type-ahead). */
  prefix: boolean;
  /** The user typed at least one diacritic in this clause: exact-accent matches rank first. */
  accented: boolean;
  /**
   * For a one-syllable prefix clause: the archive's most used syllables it can complete to
   * (folded). Matching a few known words is fast; FTS5's own prefix scan over a large archive
   * is not ("v*" merges thousands of doclists).
   */
  completions?: string[];
}

export interface ParsedQuery {
  clauses: Clause[];
  /** True when nothing searchable is left. */
  empty: boolean;
}

const FIELD_ALIASES: Record<string, Field> = {
  title: 'title',
  tieude: 'title',
  tiêuđề: 'title',
  number: 'number',
  so: 'number',
  sohieu: 'number',
  số: 'number',
  sốhiệu: 'number',
  issuer: 'issuer',
  coquan: 'issuer',
  author: 'author',
  tacgia: 'author',
  tácgiả: 'author',
  source: 'source',
  nguon: 'source',
  nguồn: 'source',
  body: 'body',
  noidung: 'body',
};

export const LIMITS = { queryChars: 2000, clauses: 24, tokenChars: 48, tokensPerClause: 16 };

interface RawPart {
  text: string;
  quoted: boolean;
  negated: boolean;
  field: Field | null;
}

/** Split into raw parts: quoted runs, words, with `-` and `field:` prefixes recognised. */
function split(input: string): RawPart[] {
  const parts: RawPart[] = [];
  const text = input.normalize('NFC').slice(0, LIMITS.queryChars);
  let i = 0;
  let pendingField: Field | null = null;
  let pendingNegated = false;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (
      ch === '-' &&
      pendingField === null &&
      !pendingNegated &&
      i + 1 < text.length &&
      !/\s/.test(text[i + 1])
    ) {
      pendingNegated = true;
      i++;
      continue;
    }
    if (ch === '"' || ch === '“' || ch === '”') {
      const close = text.slice(i + 1).search(/["“”]/);
      const end = close < 0 ? text.length : i + 1 + close;
      parts.push({
        text: text.slice(i + 1, end),
        quoted: true,
        negated: pendingNegated,
        field: pendingField,
      });
      pendingField = null;
      pendingNegated = false;
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]) && !'"“”'.includes(text[end])) end++;
    const word = text.slice(i, end);
    i = end;
    const colon = word.indexOf(':');
    if (colon > 0) {
      const field =
        FIELD_ALIASES[
          word
            .slice(0, colon)
            .toLowerCase()
            .replace(/[\s_-]/g, '')
        ];
      if (field) {
        const rest = word.slice(colon + 1);
        if (rest) {
          parts.push({ text: rest, quoted: false, negated: pendingNegated, field });
          pendingNegated = false;
        } else {
          pendingField = field; // `title: "lạng sơn"` or `title: lạng`
        }
        continue;
      }
    }
    parts.push({ text: word, quoted: false, negated: pendingNegated, field: pendingField });
    pendingField = null;
    pendingNegated = false;
  }
  return parts;
}

export function parseQuery(input: string, options: { typeAhead?: boolean } = {}): ParsedQuery {
  const clauses: Clause[] = [];
  const parts = typeof input === 'string' ? split(input) : [];
  for (const part of parts) {
    if (clauses.length >= LIMITS.clauses) break;
    const tokens = tokenize(part.text)
      .filter((t) => t.exact.length <= LIMITS.tokenChars)
      .slice(0, LIMITS.tokensPerClause);
    if (!tokens.length) continue;
    const prefix = !part.quoted && /[\p{L}\p{N}]\*+$/u.test(part.text);
    clauses.push({
      kind: part.quoted || tokens.length > 1 ? 'phrase' : 'term',
      tokens,
      negated: part.negated,
      field: part.field,
      prefix,
      accented: hasDiacritics(part.text),
    });
  }
  // In type-ahead the last word is still being typed: match it as a prefix.
  if (options.typeAhead && clauses.length && /[\p{L}\p{N}]$/u.test(input)) {
    const last = clauses[clauses.length - 1];
    if (!last.negated) last.prefix = true;
  }
  // A query of exclusions alone would list the whole archive: that is not a search.
  const empty = !clauses.some((c) => !c.negated);
  return { clauses: empty ? [] : clauses, empty };
}
