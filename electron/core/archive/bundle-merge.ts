/**
 * Merging a bundle's records into an archive: the SQL of a bundle import. Every function runs
 * inside the caller's transaction (bundle-import.ts batches them).
 *
 * - An article already present (same content, same id) is not inserted again; its tags and
 *   collections from the bundle are added to the ones it has (never removed).
 * - An annotation is added when new, left alone when identical; when both sides edited it, the
 *   later `updated` wins and the other version is kept in `annotation_revisions`, with where it
 *   came from. Equal times fall to a fixed order of the contents, so two offices that merge each
 *   other's bundles end with the same winner.
 */
import os from 'node:os';
import type { ArticleDraft } from '../model';
import type { ArticleStore } from '../store/articles';
import { keepOriginals } from '../store/originals';
import type { Db } from '../store/db';
import type { AnnotationRecord, ArticleRecord } from './bundle';
import {
  contentKey,
  fromAnnotationRecord,
  fromRevisionRecord,
  type AnnotationRow,
  type RevisionRow,
} from './bundle-annotations';

export type AnnotationOutcome = 'added' | 'updated' | 'kept' | 'unchanged';

export interface MergeCounts {
  tags: number;
  collections: number;
  revisions: number;
}

export class BundleMerge {
  readonly counts: MergeCounts = { tags: 0, collections: 0, revisions: 0 };
  private readonly statements;
  private readonly here = os.hostname();
  private readonly now = new Date().toISOString();
  /** ARCHIVE_READER_KEEP_ORIGINALS=0: a bundle's original files are not kept either. */
  private readonly keepFiles = keepOriginals();

  constructor(
    private readonly db: Db,
    private readonly store: ArticleStore,
    /** Where the bundle's versions come from (its manifest's machine name). */
    private readonly origin: string,
    /** Recorded as each new article's `imported_from`. */
    private readonly from: string,
  ) {
    this.statements = {
      rowidOf: db.prepare('SELECT rowid FROM articles WHERE id = ?').pluck(),
      name: {
        tags: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING'),
        collections: db.prepare(
          'INSERT INTO collections (name) VALUES (?) ON CONFLICT(name) DO NOTHING',
        ),
      },
      nameId: {
        tags: db.prepare('SELECT id FROM tags WHERE name = ?').pluck(),
        collections: db.prepare('SELECT id FROM collections WHERE name = ?').pluck(),
      },
      link: {
        tags: db.prepare('INSERT OR IGNORE INTO article_tags (article, tag) VALUES (?, ?)'),
        collections: db.prepare(
          'INSERT OR IGNORE INTO article_collections (article, collection) VALUES (?, ?)',
        ),
      },
      annotation: db.prepare('SELECT * FROM annotations WHERE id = ?'),
      insertAnnotation: db.prepare(
        `INSERT INTO annotations (id, article_id, kind, color, note, exact, prefix, suffix, start,
           "end", created, updated, orphaned)
         VALUES (@id, @article_id, @kind, @color, @note, @exact, @prefix, @suffix, @start, @end,
           @created, @updated, @orphaned)`,
      ),
      // UPDATE, never INSERT OR REPLACE: a replace deletes the row and its kept revisions with it.
      replaceAnnotation: db.prepare(
        `UPDATE annotations SET article_id = @article_id, kind = @kind, color = @color,
           note = @note, exact = @exact, prefix = @prefix, suffix = @suffix, start = @start,
           "end" = @end, updated = @updated, orphaned = @orphaned
         WHERE id = @id`,
      ),
      revisionExists: db.prepare(
        `SELECT 1 FROM annotation_revisions WHERE annotation_id = @annotation_id
           AND updated = @updated AND kind = @kind AND color IS @color AND note IS @note
           AND exact IS @exact AND start IS @start AND "end" IS @end`,
      ),
      insertRevision: db.prepare(
        `INSERT INTO annotation_revisions (annotation_id, kind, color, note, exact, prefix, suffix,
           start, "end", updated, origin, kept_at)
         VALUES (@annotation_id, @kind, @color, @note, @exact, @prefix, @suffix, @start, @end,
           @updated, @origin, @kept_at)`,
      ),
    };
  }

  /** The article's rowid in this archive, or null. */
  rowidOf(id: string): number | null {
    return (this.statements.rowidOf.get(id) as number | undefined) ?? null;
  }

  /** Insert a bundle article (with its full-text and facts rows); null when already here. */
  insertArticle(record: ArticleRecord, importedAt: string): number | null {
    const draft: ArticleDraft = {
      title: record.title,
      date: record.date,
      author: record.author,
      source: record.source,
      url: record.url,
      summary: record.summary,
      blocks: record.blocks,
      docNumber: record.docNumber,
      docType: record.docType,
      issuer: record.issuer,
      place: record.place,
      encoding: record.encoding,
      tags: [], // added below with the collections, so both are counted alike
      sourceId: record.sourceId,
      titleOrigin: record.titleOrigin,
      pageCount: record.pageCount,
      recognition: record.recognition,
    };
    const original = record.original && this.keepFiles ? record.original : null;
    if (original) {
      const { base64: _bytes, ...facts } = original;
      draft.original = facts;
    }
    const rowid = this.store.insert(record.id, draft, importedAt, this.from);
    if (rowid !== null && original && draft.original)
      this.store.originals.put(draft.original, Buffer.from(original.base64, 'base64'));
    return rowid;
  }

  /** Add the bundle's tags and collections to an article's own. */
  addNames(rowid: number, record: ArticleRecord): void {
    this.counts.tags += this.link('tags', rowid, record.tags);
    this.counts.collections += this.link('collections', rowid, record.collections);
  }

  private link(kind: 'tags' | 'collections', rowid: number, names: string[]): number {
    let added = 0;
    const unique = new Set(
      names.map((n) => n.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean),
    );
    for (const name of unique) {
      this.statements.name[kind].run(name);
      const id = this.statements.nameId[kind].get(name) as number;
      added += this.statements.link[kind].run(rowid, id).changes;
    }
    return added;
  }

  /** Merge one annotation whose article is in this archive. */
  mergeAnnotation(record: AnnotationRecord): AnnotationOutcome {
    const incoming = fromAnnotationRecord(record);
    const local = this.statements.annotation.get(record.id) as AnnotationRow | undefined;
    let outcome: AnnotationOutcome;
    if (!local) {
      this.statements.insertAnnotation.run(incoming);
      outcome = 'added';
    } else if (contentKey(local) === contentKey(incoming)) {
      outcome = 'unchanged';
    } else if (incomingWins(local, incoming)) {
      this.keep({ ...revisionOf(local), origin: this.here, kept_at: this.now });
      this.statements.replaceAnnotation.run(incoming);
      outcome = 'updated';
    } else {
      const kept = this.keep({ ...revisionOf(incoming), origin: this.origin, kept_at: this.now });
      outcome = kept ? 'kept' : 'unchanged';
    }
    for (const revision of record.revisions) this.keep(fromRevisionRecord(record.id, revision));
    return outcome;
  }

  /** Keep a version in annotation_revisions unless the very same version is kept already. */
  private keep(revision: RevisionRow): boolean {
    if (this.statements.revisionExists.get(revision)) return false;
    this.statements.insertRevision.run(revision);
    this.counts.revisions++;
    return true;
  }
}

function revisionOf(row: AnnotationRow): Omit<RevisionRow, 'origin' | 'kept_at'> {
  return {
    annotation_id: row.id,
    kind: row.kind,
    color: row.color,
    note: row.note,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    updated: row.updated,
  };
}

/** The later edit wins; equal times are decided by the contents, the same way everywhere. */
function incomingWins(local: AnnotationRow, incoming: AnnotationRow): boolean {
  const [a, b] = [Date.parse(incoming.updated), Date.parse(local.updated)];
  if (!Number.isNaN(a) && !Number.isNaN(b) && a !== b) return a > b;
  if (incoming.updated !== local.updated) return incoming.updated > local.updated;
  return contentKey(incoming) > contentKey(local);
}
