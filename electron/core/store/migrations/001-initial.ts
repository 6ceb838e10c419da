/**
 * Schema 1: articles (immutable, keyed by a content hash), their full-text rows, tags,
 * collections, annotations and import provenance.
 *
 * `articles_fts` is contentless: the text lives once, in `articles`; the index holds our own
 * normalised syllables (accent-exact and folded columns), written in the same transaction as the
 * article so it is never stale. `contentless_delete` lets an article be removed later.
 */
export const sql = `
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT,
  author TEXT,
  source TEXT,
  url TEXT,
  summary TEXT,
  blocks TEXT NOT NULL,
  doc_number TEXT,
  doc_type TEXT,
  issuer TEXT,
  source_id TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_from TEXT
);
CREATE INDEX articles_by_date ON articles(date);
CREATE INDEX articles_by_type ON articles(doc_type, date);
CREATE INDEX articles_by_source ON articles(source, date);
CREATE INDEX articles_by_number ON articles(doc_number);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, title_folded, meta, meta_folded, body, body_folded,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_tags (
  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  tag INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article, tag)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags(tag, article);

CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_collections (
  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  collection INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  PRIMARY KEY (article, collection)
) WITHOUT ROWID;
CREATE INDEX article_collections_by_collection ON article_collections(collection, article);

CREATE TABLE annotations (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'bookmark')),
  color TEXT CHECK (color IS NULL OR color IN ('yellow', 'green', 'blue', 'pink')),
  note TEXT,
  exact TEXT,
  prefix TEXT,
  suffix TEXT,
  start INTEGER,
  "end" INTEGER,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  CHECK ((exact IS NULL) = (start IS NULL) AND (start IS NULL) = ("end" IS NULL)),
  CHECK (start IS NULL OR (start >= 0 AND "end" > start))
);
CREATE INDEX annotations_by_article ON annotations(article_id, start);
CREATE INDEX annotations_by_updated ON annotations(updated);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  imported INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
