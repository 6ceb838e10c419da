/**
 * "Did you mean": for a query syllable the archive never or barely uses, the nearest well-used
 * syllable — found with a Lunr TokenSet over the archive's folded vocabulary (substitutions,
 * swaps, deletions) plus the insertions Lunr's fuzzy matching misses ("dng" → "dong") — and, when
 * the query has neighbouring words, the one that forms a real phrase with them ("lao dng" → "lao
 * dong", not the more common "dang"). The vocabulary comes from FTS5's own vocabulary table.
 */
import lunr from 'lunr';
import { foldedRun } from './fts-query';
import type { Db } from '../store/db';
import type { Clause } from './query-parser';
import { COMMON_SHARE, SMALL_ARCHIVE, TITLE_COUNT_CAP } from './limits';

/** Lunr's TokenSet builders exist at run time but are missing from @types/lunr. */
const TokenSet = lunr.TokenSet as unknown as {
  fromArray(sortedTerms: string[]): lunr.TokenSet;
  fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
};

/** A syllable used by this many articles or fewer is worth correcting… */
const RARE = 2;
/** …and so is one that a near neighbour outnumbers this many times ("vna" beside "van"). */
const OUTNUMBERED = 50;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const MAX_CANDIDATES = 8;

export interface VocabularySource {
  /**
   * Folded syllable → number of articles using it, or null while it is not available. With
   * `load` false it answers only from what is already in memory (no disk, no build).
   */
  terms(load: boolean): Map<string, number> | null;
}

/** Read the folded vocabulary with its document counts from FTS5 (a full scan of the index). */
export function readVocabulary(db: Db): Map<string, number> {
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.archive_vocab USING fts5vocab(main, articles_fts, 'col')",
  );
  const rows = db
    .prepare(
      `SELECT term, sum(doc) AS docs FROM temp.archive_vocab
       WHERE col IN ('title_folded', 'meta_folded', 'body_folded') GROUP BY term`,
    )
    .all() as Array<{ term: string; docs: number }>;
  return new Map(rows.filter((r) => /^[a-z]+$/.test(r.term)).map((r) => [r.term, r.docs]));
}

export class Vocabulary {
  private set: lunr.TokenSet | null = null;
  private setFor: Map<string, number> | null = null;
  private sorted: string[] = [];
  private sortedFor: Map<string, number> | null = null;
  private most = 1;
  private mostFor: Map<string, number> | null = null;

  /**
   * The `limit` most used syllables starting with `prefix` (folded), the prefix itself first if
   * it is a word; null while the vocabulary is not in memory (FTS5's prefix query answers then).
   */
  completions(prefix: string, limit: number): string[] | null {
    const terms = this.source.terms(false);
    if (!terms) return null;
    if (this.sortedFor !== terms) {
      this.sorted = [...terms.keys()].sort();
      this.sortedFor = terms;
    }
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) {
      found.push(this.sorted[i]);
    }
    const docs = (t: string) => terms.get(t) ?? 0;
    found.sort((a, b) => Number(b === prefix) - Number(a === prefix) || docs(b) - docs(a));
    return found.slice(0, limit);
  }

  constructor(
    private readonly db: Db,
    private readonly source: VocabularySource,
  ) {}

  /**
   * How many articles hold a folded syllable, and whether most do: the vocabulary's counts once
   * it is in memory. Before that (a large archive's first catalog still building), its titles are
   * counted instead, up to a cap, and no accented word is weighed: bm25 would read the whole
   * posting list of each (one title's search at 1,000,000 articles spent 4.4 s doing so).
   */
  frequencies(smallArchive = SMALL_ARCHIVE) {
    const known = {
      documents: (folded: string) => this.documents(folded),
      common: (folded: string) => this.common(folded),
    };
    if (this.known()) return known;
    const last = this.db.prepare('SELECT max(rowid) FROM articles').pluck().get() as number | null;
    if ((last ?? 0) <= smallArchive) return known;
    const count = this.db
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM titles_fts WHERE titles_fts MATCH ? LIMIT ?)`)
      .pluck();
    const counted = new Map<string, number>();
    return {
      documents: (folded: string) => {
        if (!counted.has(folded))
          counted.set(folded, count.get(`{title_folded} : "${folded}"`, TITLE_COUNT_CAP) as number);
        return counted.get(folded);
      },
      common: () => true,
    };
  }

  /** Whether the vocabulary's counts are in memory. */
  private known(): boolean {
    return !!this.source.terms(false)?.size;
  }

  /** How many articles use a folded syllable, when the vocabulary is in memory. */
  documents(folded: string): number | undefined {
    return this.source.terms(false)?.get(folded);
  }

  /**
   * Whether a folded syllable is in more than COMMON_SHARE of the articles (measured against the
   * most used syllable, which nearly every article holds): false when the vocabulary is not in
   * memory.
   */
  common(folded: string): boolean {
    const terms = this.source.terms(false);
    if (!terms) return false;
    if (this.mostFor !== terms) {
      this.most = 1;
      for (const n of terms.values()) if (n > this.most) this.most = n;
      this.mostFor = terms;
    }
    return (terms.get(folded) ?? 0) > COMMON_SHARE * this.most;
  }

  private tokenSet(terms: Map<string, number>): lunr.TokenSet {
    if (this.setFor !== terms) {
      this.set = TokenSet.fromArray([...terms.keys()].sort());
      this.setFor = terms;
    }
    return this.set!;
  }

  /** Known syllables one edit away from `word`, most used first. */
  private candidates(word: string, terms: Map<string, number>): string[] {
    const found = new Set(
      TokenSet.fromFuzzyString(word, 1).intersect(this.tokenSet(terms)).toArray(),
    );
    for (let i = 0; i <= word.length; i++) {
      for (const letter of ALPHABET) {
        const inserted = word.slice(0, i) + letter + word.slice(i);
        if (terms.has(inserted)) found.add(inserted);
      }
    }
    found.delete(word);
    const docs = (t: string) => terms.get(t) ?? 0;
    return [...found]
      .filter((t) => docs(t) > docs(word))
      .sort((a, b) => docs(b) - docs(a) || a.localeCompare(b))
      .slice(0, MAX_CANDIDATES);
  }

  /** How many articles hold the phrase (folded) — the context that picks between candidates. */
  private phraseCount(words: string[]): number {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?')
      .get(foldedRun(words)) as { n: number };
    return row.n;
  }

  /** The best replacement for words[i], or null when it is common enough or nothing is close. */
  private correct(words: string[], i: number, terms: Map<string, number>): string | null {
    const word = words[i];
    if (word.length < 2 || !/^[a-z]+$/.test(word)) return null;
    const docs = terms.get(word) ?? 0;
    const options = this.candidates(word, terms).filter(
      (c) => docs <= RARE || (terms.get(c) ?? 0) >= OUTNUMBERED * docs,
    );
    // Swapped letters are the likeliest slip ("vna" → "van"): such a candidate wins if it is used.
    const sorted = (w: string) => [...w].sort().join('');
    const swapped = options.find((c) => c.length === word.length && sorted(c) === sorted(word));
    if (swapped) return swapped;
    if (options.length <= 1 || words.length === 1) return options[0] ?? null;
    const context = (c: string) =>
      (i > 0 ? this.phraseCount([words[i - 1], c]) : 0) +
      (i + 1 < words.length ? this.phraseCount([c, words[i + 1]]) : 0);
    let best = options[0];
    let bestContext = context(best);
    for (const option of options.slice(1)) {
      const n = context(option);
      if (n > bestContext) [best, bestContext] = [option, n];
    }
    return best;
  }

  /**
   * The query rewritten with every correctable syllable corrected, or null if nothing changed.
   * `load`: read or build the vocabulary if it is not in memory yet (worth it when a search
   * found little; not for every search of a one-shot command).
   */
  suggest(clauses: readonly Clause[], load = true): string | null {
    const terms = this.source.terms(load);
    if (!terms) return null;
    const words = clauses.filter((c) => !c.negated).flatMap((c) => c.tokens.map((t) => t.folded));
    const fixed = new Map<number, string>();
    words.forEach((_, i) => {
      const fix = this.correct(words, i, terms);
      if (fix) fixed.set(i, fix);
    });
    if (!fixed.size) return null;
    let k = 0;
    return clauses
      .map((c) => {
        if (c.negated) return `-${c.tokens.map((t) => t.folded).join(' ')}`;
        const text = c.tokens
          .map(() => {
            const word = fixed.get(k) ?? words[k];
            k++;
            return word;
          })
          .join(' ');
        return c.kind === 'phrase' && c.tokens.length > 1 ? `"${text}"` : text;
      })
      .join(' ');
  }
}
