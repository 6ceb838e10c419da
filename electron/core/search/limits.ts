/**
 * The engine's bounds and weights: how much one search may read, and how bm25 weighs each column.
 * They are what keeps a query's work nearly flat as the archive grows (search/engine.ts).
 */

/**
 * bm25 weights per FTS column (fts-text.ts FTS_COLUMNS): title, title_folded, meta, meta_folded,
 * body, body_folded, title_pairs, meta_pairs, body_pairs, dates (which only narrows: never scored).
 */
export const WEIGHTS = '14.0, 10.0, 8.0, 6.0, 1.5, 1.0, 12.0, 6.0, 2.0, 0.0';
/** The same for the short fields' own index (fts-text.ts TITLE_COLUMNS). */
export const TITLE_WEIGHTS = '14.0, 10.0, 8.0, 6.0, 12.0, 6.0, 0.0';
/** The full index, or the short fields' own (titles and facts: type-ahead, broad queries). */
export type Index = 'articles_fts' | 'titles_fts';
/** How many completions a word being typed stands for. */
export const PREFIX_COMPLETIONS = 6;
/**
 * A query matching more articles than this ("dân", "giá") is ranked by its title and fact matches
 * first, the rest most recently imported first: bm25 over 70,000 bodies costs more than a
 * keystroke may take.
 */
export const BROAD = 10_000;
/**
 * A syllable in more than this share of the articles ("này", "của") is left out of what bm25
 * scores by: its weight there is next to nothing (bm25's idf is log((N − n)/n), 1.1 at a quarter,
 * against 6.9 for a word in one article of a thousand), yet weighing it reads its whole posting
 * list, most of the index, once per query.
 */
export const COMMON_SHARE = 0.25;
/**
 * Archives up to this many articles weigh every word even before the vocabulary's counts are in
 * memory: a common word's posting list costs a few milliseconds there.
 */
export const SMALL_ARCHIVE = 20_000;
/** Titles counted at most per syllable when the vocabulary is not in memory yet (engine.ts). */
export const TITLE_COUNT_CAP = 5_000;
/** How many of the best bm25 candidates are re-ranked. */
export const RERANK_WINDOW = 200;
/**
 * bm25 scores at most this many matches, the most recently imported: a query's work stays the
 * same whether the archive holds 10,000 articles or a million. Title and fact matches of a broad
 * query are ranked the same way over the short columns, whose matches are far fewer.
 */
export const RANK_LIMIT = 3_000;
/**
 * Matches are counted up to this many and no further ("more than 10,000"): past it a count says
 * nothing a reader uses, and counting on would make every broad query read all its postings.
 */
export const COUNT_CAP = BROAD;

/**
 * What one search read, in rows: counted (the capped count), scored (handed to bm25, an upper
 * bound) and listed (read newest first). tests/integration/search-scale.test.ts checks that these
 * stay nearly flat while the archive grows tenfold.
 */
export interface SearchWork {
  counted: number;
  scored: number;
  listed: number;
}
