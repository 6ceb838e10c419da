/**
 * Schema 7: what office documents, PDFs and scans bring.
 * - `articles.title_origin`: 'slug' or 'body' when the source had no title and one was derived
 *   (the reader marks it and offers a rename, which clears it); NULL for a title of the source.
 * - `articles.page_count`, `articles.recognition` (JSON: engine, mean confidence, OCR'd pages).
 * - `articles.original_sha256` and `originals`: the file an article was read from, kept once per
 *   content (two articles from one file, or one file imported twice, share a row). The bytes
 *   live in the database, not in a folder beside it: they are written in the import's
 *   transaction (no file left without its article after a crash, no article pointing at a file
 *   that never landed), backups and copies of the archive stay one file, and SQLite reads a BLOB
 *   of tens of megabytes as fast as the file system would. A rowid table, not WITHOUT ROWID:
 *   large rows belong in rowid tables (the key's index stays small).
 */
export const sql = `
ALTER TABLE articles ADD COLUMN title_origin TEXT;
ALTER TABLE articles ADD COLUMN page_count INTEGER;
ALTER TABLE articles ADD COLUMN recognition TEXT;
ALTER TABLE articles ADD COLUMN original_sha256 TEXT;
CREATE INDEX articles_by_original ON articles(original_sha256) WHERE original_sha256 IS NOT NULL;
CREATE TABLE originals (
  sha256 TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
`;
