/**
 * Annotations in SQLite. Each write is one statement (or one transaction), so a crash leaves an
 * annotation either wholly saved or wholly absent; WAL makes the committed ones survive power loss.
 */
import type { Annotation, AnnotationKind, HighlightColor, TextSelector } from '../model';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { bumpCatalogGeneration } from '../search/catalog';

/** The columns an annotation and its kept revisions share: what an edit changes. */
export interface AnnotationContent {
  kind: AnnotationKind;
  color: HighlightColor | null;
  note: string | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
}

/** An `annotations` row (schema 3), as SQLite returns it. */
export interface AnnotationRow extends AnnotationContent {
  id: string;
  article_id: string;
  created: string;
  updated: string;
  orphaned: number;
}

/** The stored selector columns as a TextSelector, or null for a bookmark. */
export function selectorOf(c: AnnotationContent): TextSelector | null {
  return c.exact === null
    ? null
    : {
        exact: c.exact,
        prefix: c.prefix ?? '',
        suffix: c.suffix ?? '',
        start: c.start ?? 0,
        end: c.end ?? 0,
      };
}

export function fromRow(row: AnnotationRow): Annotation {
  const annotation: Annotation = {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    color: row.color,
    note: row.note,
    selector: selectorOf(row),
    created: row.created,
    updated: row.updated,
  };
  // Only orphans carry the flag, so an anchored annotation reads as it always has.
  if (row.orphaned) annotation.orphaned = true;
  return annotation;
}

export class AnnotationStore {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /** Prepared once per store: an import of thousands of annotations runs the same few. */
  private statement(sql: string): Statement {
    let found = this.statements.get(sql);
    if (!found) this.statements.set(sql, (found = this.db.prepare(sql)));
    return found;
  }

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

  /**
   * Many writes in one transaction (an import): the rows, then the catalog's generation once.
   * `fn` receives the insert; a throw anywhere writes nothing.
   */
  batch<T>(fn: (put: (a: Annotation) => void) => T): T {
    return this.db.transaction(() => {
      let wrote = false;
      const result = fn((a) => {
        this.insert(a);
        wrote = true;
      });
      if (wrote) bumpCatalogGeneration(this.db);
      return result;
    })();
  }

  private insert(a: Annotation): void {
    this.statement(
      // An upsert, not INSERT OR REPLACE: a replace deletes the row first, and the foreign key
      // would take the annotation's kept revisions (annotation_revisions) with it.
      `INSERT INTO annotations (id, article_id, kind, color, note, exact, prefix, suffix,
         start, "end", created, updated, orphaned)
       VALUES (@id, @articleId, @kind, @color, @note, @exact, @prefix, @suffix, @start, @end,
         @created, @updated, @orphaned)
       ON CONFLICT(id) DO UPDATE SET article_id = excluded.article_id, kind = excluded.kind,
         color = excluded.color, note = excluded.note, exact = excluded.exact,
         prefix = excluded.prefix, suffix = excluded.suffix, start = excluded.start,
         "end" = excluded."end", created = excluded.created, updated = excluded.updated,
         orphaned = excluded.orphaned`,
    ).run({
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
      orphaned: a.orphaned && a.selector ? 1 : 0,
    });
  }

  get(id: string): Annotation | null {
    const row = this.statement('SELECT * FROM annotations WHERE id = ?').get(id) as
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

  /** Every annotation with its article's title, newest first; only the orphans if asked. */
  all(orphanedOnly = false): Array<Annotation & { articleTitle: string }> {
    const rows = this.db
      .prepare(
        `SELECT n.*, a.title AS article_title FROM annotations n JOIN articles a ON a.id = n.article_id
         ${orphanedOnly ? 'WHERE n.orphaned = 1' : ''}
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

  /**
   * The articles an export covers, newest first: those of one collection, or every article with
   * an annotation or a tag. Null when the collection does not exist.
   */
  exportedArticleIds(collection?: string): string[] | null {
    if (collection !== undefined) {
      const found = this.db.prepare('SELECT id FROM collections WHERE name = ?').get(collection) as
        { id: number } | undefined;
      if (!found) return null;
      return (
        this.db
          .prepare(
            `SELECT a.id FROM article_collections ac JOIN articles a ON a.rowid = ac.article
             WHERE ac.collection = ? ORDER BY a.date DESC, a.rowid DESC`,
          )
          .all(found.id) as Array<{ id: string }>
      ).map((r) => r.id);
    }
    return (
      this.db
        .prepare(
          `SELECT a.id FROM articles a
           WHERE EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)
              OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article = a.rowid)
           ORDER BY a.date DESC, a.rowid DESC`,
        )
        .all() as Array<{ id: string }>
    ).map((r) => r.id);
  }

  /** An article's id from its url (annotations made on the web page it came from). */
  articleIdByUrl(url: string): string | null {
    const row = this.statement('SELECT id FROM articles WHERE url = ? LIMIT 1').get(url) as
      { id: string } | undefined;
    return row?.id ?? null;
  }
}
