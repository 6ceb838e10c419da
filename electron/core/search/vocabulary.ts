/**
 * "Did you mean": a Lunr TokenSet over the archive's folded vocabulary (read from FTS5's own
 * vocabulary table), used to find the nearest known syllable — by edit distance, then by how many
 * articles use it — for a query syllable that the archive never or barely uses.
 * Built on first need and kept until the archive changes (derived data, never persisted).
 */
import lunr from 'lunr';
import type { Db } from '../store/db';
import type { Clause } from './query-parser';

/** Lunr's TokenSet builders exist at run time but are missing from @types/lunr. */
const TokenSet = lunr.TokenSet as unknown as {
  fromArray(sortedTerms: string[]): lunr.TokenSet;
  fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
};

interface Vocab {
  articles: number;
  set: lunr.TokenSet;
  docs: Map<string, number>;
}

const RARE = 2;

export class Vocabulary {
  private vocab: Vocab | null = null;

  constructor(private readonly db: Db) {}

  private load(): Vocab {
    const articles = (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number })
      .n;
    if (this.vocab && this.vocab.articles === articles) return this.vocab;
    this.db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.archive_vocab USING fts5vocab(main, articles_fts, 'col')",
    );
    const rows = this.db
      .prepare(
        `SELECT term, sum(doc) AS docs FROM temp.archive_vocab
         WHERE col IN ('title_folded', 'meta_folded', 'body_folded') GROUP BY term`,
      )
      .all() as Array<{ term: string; docs: number }>;
    const docs = new Map(rows.map((r) => [r.term, r.docs]));
    const terms = rows
      .map((r) => r.term)
      .filter((t) => /^[a-z]+$/.test(t))
      .sort();
    this.vocab = { articles, set: TokenSet.fromArray(terms), docs };
    return this.vocab;
  }

  /** The nearest well-used syllable, or null when the syllable is already common or has none. */
  correct(folded: string): string | null {
    const vocab = this.load();
    if ((vocab.docs.get(folded) ?? 0) > RARE || !/^[a-z]+$/.test(folded) || folded.length < 2)
      return null;
    const distance = folded.length > 5 ? 2 : 1;
    const candidates = TokenSet.fromFuzzyString(folded, distance).intersect(vocab.set).toArray();
    let best: string | null = null;
    // Prefer a swap or substitution (same length: "vna" → "van") to a dropped or added letter.
    const rank = (c: string) => (c.length === folded.length ? 1e9 : 0) + (vocab.docs.get(c) ?? 0);
    for (const c of candidates) {
      if (c === folded) continue;
      if (!best || rank(c) > rank(best)) best = c;
    }
    return best && (vocab.docs.get(best) ?? 0) > (vocab.docs.get(folded) ?? 0) ? best : null;
  }

  /** The query rewritten with every correctable syllable corrected, or null if nothing changed. */
  suggest(clauses: readonly Clause[]): string | null {
    let changed = false;
    const parts = clauses.map((c) => {
      const words = c.tokens.map((t) => {
        const fix = this.correct(t.folded);
        if (fix) changed = true;
        return fix ?? t.folded;
      });
      const text = words.join(' ');
      return `${c.negated ? '-' : ''}${c.kind === 'phrase' && c.tokens.length > 1 ? `"${text}"` : text}`;
    });
    return changed ? parts.join(' ') : null;
  }
}
