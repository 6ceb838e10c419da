/**
 * Annotations in SQLite. Each write is one statement (or one transaction), so a crash leaves an
 * annotation either wholly saved or wholly absent; WAL makes the committed ones survive power loss.
 */
import type { Annotation, AnnotationKind, HighlightColor } from '../model';
import type { Db } from './db';
import { bumpCatalogGeneration } from '../search/catalog';

interface AnnotationRow {
  id: string;
  article_id: string;
  kind: AnnotationKind;
  color: HighlightColor | null;
  note: string | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  created: string;
  updated: string;
}

export function fromRow(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    color: row.color,
    note: row.note,
    selector:
      row.exact === null
        ? null
        : {
            exact: row.exact,
            prefix: row.prefix ?? '',
            suffix: row.suffix ?? '',
            start: row.start ?? 0,
            end: row.end ?? 0,
          },
    created: row.created,
    updated: row.updated,
  };
}

export class AnnotationStore {
  constructor(private readonly db: Db) {}

  /** Insert, or replace an annotation with the same id (restore after delete, re-import). */
  put(a: Annotation): void {
    this.write(a);
  }

  /** The row and the catalog's generation (notes are in the catalog) change together. */
  private readonly write = (a: Annotation) =>
    this.db.transaction(() => {
      this.insert(a);
      bumpCatalogGeneration(this.db);
    })();

  private insert(a: Annotation): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO annotations (id, article_id, kind, color, note, exact, prefix, suffix,
           start, "end", created, updated)
         VALUES (@id, @articleId, @kind, @color, @note, @exact, @prefix, @suffix, @start, @end,
           @created, @updated)`,
      )
      .run({
        id: a.id,
        articleId: a.articleId,
        kind: a.kind,
        color: a.color,
        note: a.note,
        exact: a.selector?.exact ?? null,
        prefix: a.selector?.prefix ?? null,
        suffix: a.selector?.suffix ?? null,
        start: a.selector?.start ?? null,
        end: a.selector?.end ?? null,
        created: a.created,
        updated: a.updated,
      });
  }

  get(id: string): Annotation | null {
    const row = this.db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as
      AnnotationRow | undefined;
    return row ? fromRow(row) : null;
  }

  forArticle(articleId: string): Annotation[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM annotations WHERE article_id = ? ORDER BY start IS NULL, start, created',
        )
        .all(articleId) as AnnotationRow[]
    ).map(fromRow);
  }

  /** Every annotation with its article's title, newest first. */
  all(): Array<Annotation & { articleTitle: string }> {
    const rows = this.db
      .prepare(
        `SELECT n.*, a.title AS article_title FROM annotations n JOIN articles a ON a.id = n.article_id
         ORDER BY n.updated DESC, n.id`,
      )
      .all() as Array<AnnotationRow & { article_title: string }>;
    return rows.map((r) => ({ ...fromRow(r), articleTitle: r.article_title }));
  }

  delete(id: string): boolean {
    return this.db.transaction(() => {
      const deleted = this.db.prepare('DELETE FROM annotations WHERE id = ?').run(id).changes > 0;
      if (deleted) bumpCatalogGeneration(this.db);
      return deleted;
    })();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;
  }
}
