/**
 * Schema 3: what archivists exchange and recover.
 * - `articles.place` and `articles.encoding`: an official document's place of issue ("Lai Châu")
 *   and the legacy encoding its text was converted from ("tcvn3", "vni"), shown in its details.
 * - `article_facts.issuer`: searches filter by issuing body as they do by type and source.
 * - `annotations.orphaned`: an imported annotation whose quote no longer fits its article is kept,
 *   listed and can be re-attached; it is never dropped.
 * - `annotation_revisions`: when two offices edited the same annotation, the later edit wins and
 *   the other is kept here, whole.
 */
export const sql = `
ALTER TABLE articles ADD COLUMN place TEXT;
ALTER TABLE articles ADD COLUMN encoding TEXT;
ALTER TABLE article_facts ADD COLUMN issuer TEXT;
UPDATE article_facts SET issuer = (SELECT issuer FROM articles WHERE articles.rowid = article_facts.article);
CREATE INDEX article_facts_by_issuer ON article_facts(issuer);
ALTER TABLE annotations ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0;
CREATE TABLE annotation_revisions (
  id INTEGER PRIMARY KEY,
  annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  color TEXT,
  note TEXT,
  exact TEXT,
  prefix TEXT,
  suffix TEXT,
  start INTEGER,
  "end" INTEGER,
  updated TEXT NOT NULL,
  origin TEXT,
  kept_at TEXT NOT NULL
);
CREATE INDEX annotation_revisions_by_annotation ON annotation_revisions(annotation_id, updated);
`;
