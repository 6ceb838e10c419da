/**
 * Schema 4: the full-text index holds the folded pairs of adjacent syllables as tokens of their
 * own (see search/fts-text.ts). Phrases and the adjacency signal read a pair's short posting list
 * instead of checking the positions of two common syllables in every article holding both.
 *
 * Positions stay (`detail=full`): without them FTS5's bm25 scores every row of a contentless
 * table 0 (SQLite 3.53, `detail=column`), and ranking is what the index is for.
 *
 * The index is derived data: it is created empty here, and the archive notices at open that it
 * lacks rows and fills it from the articles (store/health.ts), searching meanwhile.
 */
export const sql = `
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, title_folded, meta, meta_folded, body, body_folded, title_pairs, meta_pairs, body_pairs,
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
`;
