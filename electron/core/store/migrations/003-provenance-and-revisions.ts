/**
 * Schema 3: what archivists exchange and recover.
 * - `articles.place` and `articles.encoding`: an official document's place of issue ("Lai Châu")
 *   and the legacy encoding its text was converted from ("tcvn3", "vni"), shown in its details.
 * - `annotations.orphaned`: an imported annotation whose quote no longer fits its article is kept,
 *   listed and can be re-attached; it is never dropped.
 * - `annotation_revisions`: when two offices edited the same annotation, the later edit wins and
 *   the other is kept here, whole.
 */
export const sql = `
ALTER TABLE articles ADD COLUMN place TEXT;
ALTER TABLE articles ADD COLUMN encoding TEXT;
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
