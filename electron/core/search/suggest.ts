/**
 * Type-ahead: titles and document numbers that start with what is being typed, the last word as
 * a prefix, accents optional. One FTS5 prefix query on the short columns: a few milliseconds.
 */
import type { Db } from '../store/db';
import { parseQuery } from './query-parser';

export function suggestTitles(db: Db, prefix: string, limit: number) {
  const parsed = parseQuery(prefix, { typeAhead: true });
  if (parsed.empty) return [];
  const parts = parsed.clauses
    .filter((c) => !c.negated)
    .map(
      (c) =>
        `{title_folded meta_folded} : "${c.tokens.map((t) => t.folded).join(' ')}"${c.prefix ? ' *' : ''}`,
    );
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.doc_number FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
       WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 0, 10.0, 0, 6.0, 0, 0) LIMIT ?`,
    )
    .all(parts.join(' AND '), limit) as Array<{
    id: string;
    title: string;
    doc_number: string | null;
  }>;
  return rows.map((r) => ({ id: r.id, title: r.title, docNumber: r.doc_number }));
}
