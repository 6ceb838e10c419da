/**
 * Schema 8: relations between documents (law/relations.ts). `relations` holds what each official
 * document cites, amends, replaces, repeals or guides: the number it names (normalised, the key
 * it is resolved by), the label and sentence it was read from, and the document of the archive it
 * names once that is there (`to_article`, null while pending). Articles gain `number_key` (their
 * own number, normalised, what references are resolved against) and `effective_date`.
 *
 * All of it is derived from the articles' text: created empty, filled at open by a rebuild
 * (`relations_built` = '0' asks for one), and rebuilt on demand.
 */
export const sql = `
ALTER TABLE articles ADD COLUMN number_key TEXT;
ALTER TABLE articles ADD COLUMN effective_date TEXT;
CREATE INDEX articles_by_number_key ON articles(number_key) WHERE number_key IS NOT NULL;
CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  from_article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('cites', 'amends', 'replaces', 'repeals', 'guides')),
  to_number TEXT,
  to_number_printed TEXT,
  to_label TEXT NOT NULL,
  to_date TEXT,
  to_article INTEGER REFERENCES articles(rowid) ON DELETE SET NULL,
  text TEXT NOT NULL,
  block_index INTEGER NOT NULL
);
CREATE INDEX relations_by_from ON relations(from_article);
CREATE INDEX relations_by_to ON relations(to_article) WHERE to_article IS NOT NULL;
CREATE INDEX relations_pending ON relations(to_number) WHERE to_article IS NULL;
INSERT INTO meta (key, value) VALUES ('relations_built', '0')
  ON CONFLICT(key) DO UPDATE SET value = '0';
`;
