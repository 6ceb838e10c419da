/**
 * From parsed clauses to FTS5 MATCH expressions. Tokens are our own syllables (letters and digits
 * only), so quoting them is always safe: user text never reaches FTS5's query syntax raw.
 */
import type { Clause, Field } from './query-parser';

type Form = 'folded' | 'exact';

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
};

/** Where a clause without a field looks: everywhere, or only in titles and document facts. */
export type Scope = 'all' | 'short';

function phrase(clause: Clause, requested: Form, scope: Scope = 'all'): string {
  // A word being typed with accents ("dân vậ") is matched by its exact prefix: folded, "va*"
  // would stand for half the archive's syllables.
  const form = clause.prefix && clause.accented ? 'exact' : requested;
  const field = clause.field ?? (scope === 'short' ? 'short' : 'all');
  const columns = `{${field === 'short' ? SHORT[form] : COLUMNS[form][field]}}`;
  if (clause.completions?.length && form === 'folded') {
    return `${columns} : (${clause.completions.map((w) => `"${w}"`).join(' OR ')})`;
  }
  const words = clause.tokens.map((t) => (form === 'folded' ? t.folded : t.exact)).join(' ');
  return `${columns} : "${words}"${clause.prefix ? ' *' : ''}`;
}

const SHORT: Record<Form, string> = { folded: 'title_folded meta_folded', exact: 'title meta' };

/**
 * All positive clauses must match (AND), excluded ones must not; folded so accents are optional.
 * With scope 'short', only in titles and document facts (the first tier of a very broad query).
 */
export function matchAll(
  clauses: readonly Clause[],
  form: Form = 'folded',
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

/**
 * The ranking expression: `required` (the AND of every clause) plus optional signals that only
 * add to bm25 when they match — the accented clauses accent-exact, and the adjacent syllables of
 * the plain words typed as phrases ("dan van lang son" rewards "dân vận" + "Lạng Sơn" standing
 * together over scattered syllables). The first clause is in the optional group too, so the
 * group always matches and never filters: it only scores.
 */
export function rankedMatch(clauses: readonly Clause[]): string | null {
  const required = matchAll(clauses);
  if (!required) return null;
  const positive = clauses.filter((c) => !c.negated);
  const signals = [phrase(positive[0], 'folded')];
  const accented = positive.filter((c) => c.accented);
  if (accented.length) signals.push(accented.map((c) => `(${phrase(c, 'exact')})`).join(' AND '));
  const words = positive.filter((c) => c.kind === 'term' && !c.prefix);
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (a.field !== b.field) continue;
    signals.push(
      `{${COLUMNS.folded[a.field ?? 'all']}} : "${a.tokens[0].folded} ${b.tokens[0].folded}"`,
    );
    if (a.accented && b.accented) {
      signals.push(
        `{${COLUMNS.exact[a.field ?? 'all']}} : "${a.tokens[0].exact} ${b.tokens[0].exact}"`,
      );
    }
  }
  // A phrase typed accented is matched folded (tone placement and typing vary) and rewarded exact.
  return signals.length > 1 ? `(${required}) AND (${signals.join(' OR ')})` : required;
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
