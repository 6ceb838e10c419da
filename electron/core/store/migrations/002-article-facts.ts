/**
 * Schema 2: the facts searches filter on (date, type, source) in a slim table of their own.
 * Filtering a search joined each match to its `articles` row, and those rows carry the whole body:
 * a one-month filter over 40,000 matches read them all (54 ms against 8.5 ms from a slim table,
 * measured on 75,882 articles). Articles are immutable, so the copy never goes stale.
 */
export const sql = `
CREATE TABLE article_facts (
  article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
  date TEXT,
  doc_type TEXT,
  source TEXT
);
INSERT INTO article_facts (article, date, doc_type, source)
  SELECT rowid, date, doc_type, source FROM articles;
`;
