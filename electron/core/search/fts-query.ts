/**
 * From parsed clauses to FTS5 MATCH expressions. Tokens are our own syllables (letters and digits
 * only) and their pairs, so quoting them is always safe: user text never reaches FTS5's query
 * syntax raw.
 *
 * A word of one syllable is matched by itself, several adjacent syllables ("dân vận", a quoted
 * phrase, "91/2015") by their folded pairs; positions are read only to confirm a run of three or
 * more. The accent-exact columns are asked only whether a syllable is there (see fts-text.ts).
 */
import type { Clause, Field } from './query-parser';
import { monthToken, pairToken } from './fts-text';

type Form = 'folded' | 'exact' | 'pairs';

const COLUMNS: Record<Form, Record<Field | 'all', string>> = {
  folded: {
    all: 'title_folded meta_folded body_folded',
    title: 'title_folded',
    number: 'meta_folded',
    issuer: 'meta_folded',
    author: 'meta_folded',
    source: 'meta_folded',
    body: 'body_folded',
  },
  exact: {
    all: 'title meta body',
    title: 'title',
    number: 'meta',
    issuer: 'meta',
    author: 'meta',
    source: 'meta',
    body: 'body',
  },
  pairs: {
    all: 'title_pairs meta_pairs body_pairs',
    title: 'title_pairs',
    number: 'meta_pairs',
    issuer: 'meta_pairs',
    author: 'meta_pairs',
    source: 'meta_pairs',
    body: 'body_pairs',
  },
};

const SHORT: Record<Form, string> = {
  folded: 'title_folded meta_folded',
  exact: 'title meta',
  pairs: 'title_pairs meta_pairs',
};

/** Where a clause without a field looks: everywhere, or only in titles and document facts. */
export type Scope = 'all' | 'short';

type Where = Field | 'all' | 'short';

/**
 * The column filter of a form and place, as FTS5 wants it before ` : `. Nothing looked for
 * everywhere needs one, because each form's tokens live only in that form's columns: pairs start
 * with `_`; the accent-exact columns hold only syllables that carry a mark, and a folded syllable
 * never does. So the articles matched are the same, and without a filter FTS5 need not decode
 * positions to count and intersect, which halves the cost of an AND of common syllables (and
 * takes 5 % off the statements asking for accented words: 100k, 808 of them, same rows).
 */
const columns = (form: Form, where: Where) =>
  where === 'all' ? '' : `{${where === 'short' ? SHORT[form] : COLUMNS[form][where]}} : `;

const quoted = (token: string, prefix = false) => `"${token}"${prefix ? ' *' : ''}`;

/**
 * Folded words standing together, the last one possibly unfinished: one word by itself, two by
 * their pair ("dan van" → _dan_van), more by their pairs and then, to be sure they stand in that
 * order as one run, by FTS5's phrase over the positions of the few articles the pairs leave.
 */
export function foldedRun(words: readonly string[], where: Where = 'all', prefix = false): string {
  if (words.length === 1) return `${columns('folded', where)}${quoted(words[0], prefix)}`;
  const pairs = words
    .slice(1)
    .map((w, i) => quoted(pairToken(words[i], w), prefix && i === words.length - 2));
  const together = `${columns('pairs', where)}(${pairs.join(' AND ')})`;
  if (words.length === 2) return together;
  return `${together} AND ${columns('folded', where)}${quoted(words.join(' '), prefix)}`;
}

function phrase(clause: Clause, requested: 'folded' | 'exact', scope: Scope = 'all'): string {
  // A word being typed with accents ("dân vậ") is matched by its exact prefix: folded, "va*"
  // would stand for half the archive's syllables.
  const form = clause.prefix && clause.accented ? 'exact' : requested;
  const where: Where = clause.field ?? (scope === 'short' ? 'short' : 'all');
  if (clause.completions?.length && form === 'folded') {
    return `${columns('folded', where)}(${clause.completions.map((w) => quoted(w)).join(' OR ')})`;
  }
  const folded = clause.tokens.map((t) => t.folded);
  if (form === 'folded') return foldedRun(folded, where, clause.prefix);
  // The accent-exact columns hold only syllables that carry a mark (fts-text.ts): one typed
  // without any ("hà noi") is asked folded, by the run.
  const exact = clause.tokens
    .map((t, i) =>
      t.exact === t.folded ? null : quoted(t.exact, clause.prefix && i === folded.length - 1),
    )
    .filter((t): t is string => t !== null);
  if (!exact.length) return foldedRun(folded, where, clause.prefix);
  const marked = `${columns('exact', where)}(${exact.join(' AND ')})`;
  // Every marked syllable accent-exact, and all standing together (their folded pairs).
  return folded.length === 1 ? marked : `${marked} AND ${foldedRun(folded, where, clause.prefix)}`;
}

/**
 * All positive clauses must match (AND), excluded ones must not; folded so accents are optional.
 * With scope 'short', only in titles and document facts (the first tier of a very broad query).
 */
export function matchAll(
  clauses: readonly Clause[],
  form: 'folded' | 'exact' = 'folded',
  scope: Scope = 'all',
): string | null {
  const positive = clauses.filter((c) => !c.negated).map((c) => `(${phrase(c, form, scope)})`);
  if (!positive.length) return null;
  const negative = clauses.filter((c) => c.negated).map((c) => ` NOT (${phrase(c, 'folded')})`);
  return positive.join(' AND ') + negative.join('');
}

/** Any positive clause may match: the fallback when no article has them all. */
export function matchAny(clauses: readonly Clause[]): string | null {
  const positive = clauses.filter((c) => !c.negated).map((c) => `(${phrase(c, 'folded')})`);
  if (positive.length < 2) return null;
  const negative = clauses.filter((c) => c.negated).map((c) => ` NOT (${phrase(c, 'folded')})`);
  return `(${positive.join(' OR ')})${negative.join('')}`;
}

/** Plain words typed side by side (in the same field): the last syllable of one, the next's first. */
function sideBySide(positive: readonly Clause[]): Array<[string[], Where]> {
  const words = positive.filter((c) => c.kind === 'term' && !c.prefix);
  const out: Array<[string[], Where]> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (a.field !== b.field) continue;
    out.push([[a.tokens[a.tokens.length - 1].folded, b.tokens[0].folded], a.field ?? 'all']);
  }
  return out;
}

/**
 * The clause whose postings are likely shortest: one of several syllables (read by its pairs),
 * else the syllable the fewest articles use (when their counts are known), else the longest.
 */
function rarest(
  clauses: readonly Clause[],
  documents: (folded: string) => number | undefined,
): Clause {
  const cost = (c: Clause) =>
    c.tokens.length > 1
      ? -1
      : c.prefix
        ? 2e9
        : (documents(c.tokens[0].folded) ?? 1e9 - c.tokens[0].folded.length);
  return clauses.reduce((best, c) => (cost(c) < cost(best) ? c : best));
}

/**
 * The ranking expression: `required` (the AND of every clause) plus optional signals that only
 * add to bm25 when they match — the accented clauses accent-exact, and the pairs formed by the
 * plain words typed next to each other ("dan van lang son" rewards "dân vận" + "Lạng Sơn"
 * standing together over scattered syllables). One clause is in the optional group too, so the
 * group always matches and never filters: it only scores. It is the rarest clause, because
 * bm25 reads the whole posting list of every phrase in the expression once per query, to weigh
 * it: a second copy of "dan" costs as much as the first.
 */
export function rankedMatch(
  clauses: readonly Clause[],
  documents: (folded: string) => number | undefined = () => undefined,
): string | null {
  const required = matchAll(clauses);
  if (!required) return null;
  const positive = clauses.filter((c) => !c.negated);
  const signals = [phrase(rarest(positive, documents), 'folded')];
  const accented = positive.filter((c) => c.accented);
  if (accented.length) signals.push(accented.map((c) => `(${phrase(c, 'exact')})`).join(' AND '));
  for (const [pair, where] of sideBySide(positive)) signals.push(foldedRun(pair, where));
  // A phrase typed accented is matched folded (tone placement and typing vary) and rewarded exact.
  return signals.length > 1 ? `(${required}) AND (${signals.join(' OR ')})` : required;
}

/**
 * What bm25 scores the candidates by, when that can be cheaper than the query itself. bm25
 * weighs each phrase of its expression by reading the phrase's whole posting list once per
 * query: a pair's is short, a common syllable's spans most of the archive. So the expression is
 * the pairs every clause of several syllables must have (or else the rarest clause), and then
 * the signals that only rank — accented clauses accent-exact, pairs of plain words typed side by
 * side. Accented words most articles hold are left out (limits.ts COMMON_SHARE). Null when
 * that is no cheaper (one syllable, or several with nothing to reward).
 */
export function scoreMatch(
  clauses: readonly Clause[],
  documents: (folded: string) => number | undefined = () => undefined,
  common: (folded: string) => boolean = () => false,
): string | null {
  const positive = clauses.filter((c) => !c.negated);
  if (!positive.length) return null;
  const pairsOf = (folded: string[], where: Where, prefix: boolean) =>
    folded
      .slice(1)
      .map(
        (w, i) =>
          `${columns('pairs', where)}${quoted(pairToken(folded[i], w), prefix && i === folded.length - 2)}`,
      );
  const runs = positive
    .filter((c) => c.tokens.length > 1 && !c.completions?.length)
    .map(
      (c) =>
        `(${pairsOf(
          c.tokens.map((t) => t.folded),
          c.field ?? 'all',
          c.prefix,
        ).join(' AND ')})`,
    );
  const signals: string[] = [];
  for (const c of positive.filter((c) => c.accented && !c.prefix)) {
    const marked = c.tokens
      .filter((t) => t.exact !== t.folded && !common(t.folded))
      .map((t) => quoted(t.exact));
    if (marked.length)
      signals.push(`${columns('exact', c.field ?? 'all')}(${marked.join(' AND ')})`);
  }
  for (const [pair, where] of sideBySide(positive)) signals.push(...pairsOf(pair, where, false));
  if (!runs.length && !signals.length) return null;
  const base = runs.length
    ? runs.join(' AND ')
    : `(${phrase(rarest(positive, documents), 'folded')})`;
  return signals.length ? `${base} AND (${signals.join(' OR ')})` : base;
}

/**
 * The accented clauses, accent-exact: with accents typed, articles that hold them exactly form a
 * tier above those that match only once accents are folded away ("dân vận" before "dàn vẫn").
 */
export function matchExact(clauses: readonly Clause[], scope: Scope = 'all'): string | null {
  // A word still being typed has no exact form yet: it does not decide the tier.
  const accented = clauses.filter((c) => !c.negated && c.accented && !c.prefix);
  return accented.length
    ? accented.map((c) => `(${phrase(c, 'exact', scope)})`).join(' AND ')
    : null;
}

/** Months a date filter may span and still be asked of FTS5 (more are left to the facts table). */
const MAX_MONTHS = 12;

/**
 * The months a date filter spans, as an FTS5 expression over the index's month tokens
 * (fts-text.ts `monthToken`): `"_m201706" OR "_m201707"`. Every article the filter lets through
 * holds one of them, so asking it too changes no result, only what FTS5 hands the facts table.
 * Null without both ends, or for a range of more than MAX_MONTHS months (or none). Made of
 * digits only, so it is safe to write into SQL as a literal.
 */
export function monthsMatch(from?: string, to?: string): string | null {
  const month = (date: string | undefined, last: boolean) => {
    const m = date ? /^(\d{4})(?:-(\d{2}))?/.exec(date) : null;
    return m ? Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : last ? 11 : 0) : null;
  };
  const [first, last] = [month(from, false), month(to, true)];
  if (first === null || last === null || last < first || last - first >= MAX_MONTHS) return null;
  const tokens: string[] = [];
  for (let m = first; m <= last; m++)
    tokens.push(quoted(monthToken(Math.floor(m / 12), (m % 12) + 1)));
  return tokens.join(' OR ');
}
