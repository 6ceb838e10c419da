/**
 * Schema 6: both full-text indexes gain a last column, `dates`, holding the month of the
 * article's date as one token ("_m201707", search/fts-text.ts `monthToken`). A search with a date
 * filter asks FTS5 for those months alongside its words, so the two posting lists are intersected
 * in the index instead of the date of every match being looked up in `article_facts`. The column
 * only narrows: its bm25 weight is 0, and `article_facts` still decides which dates are in range.
 *
 * As in schemas 4 and 5, both are created empty and refilled from the articles at open.
 */
export const sql = `
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, title_folded, meta, meta_folded, body, body_folded, title_pairs, meta_pairs, body_pairs,
  dates,
  content = '', contentless_delete = 1,
  tokenize = "ascii tokenchars '_'"
);
DROP TABLE titles_fts;
CREATE VIRTUAL TABLE titles_fts USING fts5(
  title, title_folded, meta, meta_folded, title_pairs, meta_pairs, dates,
  content = '', contentless_delete = 1,
  tokenize = "ascii tokenchars '_'"
);
`;
