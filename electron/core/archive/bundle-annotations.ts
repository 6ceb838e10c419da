/**
 * How an annotation travels in a bundle: the one place that maps a stored annotation (and the
 * revisions kept for it) to a bundle record and back. The record is the app's own Annotation
 * shape; a W3C Web Annotation form could replace it here without touching export or merge.
 */
import type { AnnotationKind, HighlightColor, TextSelector } from '../model';
import type { AnnotationRecord, RevisionRecord } from './bundle';
import { selectorOf, type AnnotationContent, type AnnotationRow } from '../store/annotations';

export type { AnnotationContent, AnnotationRow };

/** An `annotation_revisions` row: an annotation's content as it was, and where it came from. */
export type RevisionRow = Omit<AnnotationRow, 'id' | 'article_id' | 'created' | 'orphaned'> & {
  annotation_id: string;
  origin: string | null;
  kept_at: string;
};

function contentOf(r: {
  kind: AnnotationKind;
  color: HighlightColor | null;
  note: string | null;
  selector: TextSelector | null;
}): AnnotationContent {
  return {
    kind: r.kind,
    color: r.color,
    note: r.note,
    exact: r.selector?.exact ?? null,
    prefix: r.selector?.prefix ?? null,
    suffix: r.selector?.suffix ?? null,
    start: r.selector?.start ?? null,
    end: r.selector?.end ?? null,
  };
}

export function toAnnotationRecord(row: AnnotationRow, revisions: RevisionRow[]): AnnotationRecord {
  return {
    type: 'annotation',
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    color: row.color,
    note: row.note,
    selector: selectorOf(row),
    created: row.created,
    updated: row.updated,
    orphaned: row.orphaned === 1,
    revisions: revisions.map((r): RevisionRecord => ({
      kind: r.kind,
      color: r.color,
      note: r.note,
      selector: selectorOf(r),
      updated: r.updated,
      origin: r.origin,
      keptAt: r.kept_at,
    })),
  };
}

/** A record back as the row it stands for (orphaned as SQLite's 0/1). */
export function fromAnnotationRecord(record: AnnotationRecord): AnnotationRow {
  return {
    id: record.id,
    article_id: record.articleId,
    ...contentOf(record),
    created: record.created,
    updated: record.updated,
    orphaned: record.orphaned ? 1 : 0,
  };
}

export function fromRevisionRecord(annotationId: string, r: RevisionRecord): RevisionRow {
  return {
    annotation_id: annotationId,
    ...contentOf(r),
    updated: r.updated,
    origin: r.origin,
    kept_at: r.keptAt,
  };
}

/** What an edit can change, as one comparable string (also the tie-break between two edits). */
export function contentKey(c: AnnotationContent & { article_id?: string }): string {
  return JSON.stringify([
    c.article_id ?? null,
    c.kind,
    c.color,
    c.note,
    c.exact,
    c.prefix,
    c.suffix,
    c.start,
    c.end,
  ]);
}
