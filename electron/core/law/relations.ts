/**
 * Relations between the documents of the archive (schema 8): each official document's
 * references (references.ts) and effective date (relations-effective.ts), written with the
 * document in its import transaction, and resolved by normalised number both ways: a reference
 * finds a document already there, and a document arriving later takes up the references waiting
 * for its number. Everything here is derived from the stored text and can be rebuilt.
 */
import type { ArticleRelations, RelationItem } from '../../api/contract';
import type { ArticleDraft } from '../model';
import type { Db } from '../store/db';
import { unpackBlocks, type StoredBlocks } from '../store/blocks';
import { blockText } from '../archive/layout';
import { findReferences, normalizeNumber, type Reference, type RelationKind } from './references';

export type { ArticleRelations, RelationItem };
import { effectiveDate } from './relations-effective';

/** An article is an official document when it carries a number or a type. */
export function isDocument(draft: Pick<ArticleDraft, 'docNumber' | 'docType'>): boolean {
  return Boolean(draft.docNumber || draft.docType);
}

/** How a reference is shown: its name or type and its number, else its name. */
export function referenceLabel(r: Pick<Reference, 'type' | 'number' | 'name'>): string {
  if (r.number) return r.name || r.type ? `${r.name ?? r.type} số ${r.number}` : r.number;
  return r.name ?? r.type ?? '';
}

interface RelationRow {
  kind: RelationKind;
  to_label: string;
  to_number_printed: string | null;
  text: string;
  block_index: number;
  other_id: string | null;
  other_title: string | null;
  other_effective: string | null;
  other_date: string | null;
  other_type?: string | null;
}

/** Prepared once per database, like the article store it sits beside. */
export class RelationStore {
  private readonly setFacts;
  private readonly insertRelation;
  private readonly byKey;
  private readonly takeUp;

  constructor(private readonly db: Db) {
    this.setFacts = db.prepare(
      'UPDATE articles SET number_key = ?, effective_date = ? WHERE rowid = ?',
    );
    this.insertRelation = db.prepare(
      `INSERT INTO relations (from_article, kind, to_number, to_number_printed, to_label, to_date,
        to_article, text, block_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // The oldest document with the number: a number names one document.
    this.byKey = db
      .prepare('SELECT rowid FROM articles WHERE number_key = ? ORDER BY rowid LIMIT 1')
      .pluck();
    this.takeUp = db.prepare(
      'UPDATE relations SET to_article = ? WHERE to_number = ? AND to_article IS NULL AND from_article <> ?',
    );
  }

  /** Read and store the relations of an article just inserted (the caller holds the transaction). */
  add(rowid: number, draft: ArticleDraft): void {
    if (!isDocument(draft)) return;
    const texts = draft.blocks.map(blockText);
    const key = draft.docNumber ? normalizeNumber(draft.docNumber) : null;
    this.setFacts.run(key, effectiveDate(texts, draft.date, draft.docType), rowid);
    const references = findReferences(texts, {
      title: draft.title,
      ownNumber: draft.docNumber,
      type: draft.docType,
    });
    for (const r of references) {
      const to = r.number ? normalizeNumber(r.number) : null;
      const target = to ? ((this.byKey.get(to) as number | undefined) ?? null) : null;
      this.insertRelation.run(
        rowid,
        r.kind,
        to,
        r.number ?? null,
        referenceLabel(r),
        r.date ?? null,
        target === rowid ? null : target,
        r.text,
        r.blockIndex,
      );
    }
    // References made earlier to this document's number now find it.
    if (key) this.takeUp.run(rowid, key, rowid);
  }

  /**
   * Recompute every relation and effective date from the stored text, in one transaction (after
   * an upgrade, or a better reader of references). Returns the documents read.
   */
  rebuild(): number {
    const page = this.db.prepare(
      `SELECT rowid, title, date, blocks, doc_number, doc_type FROM articles
       WHERE rowid > ? AND (doc_number IS NOT NULL OR doc_type IS NOT NULL) ORDER BY rowid LIMIT 200`,
    );
    let n = 0;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM relations').run();
      this.db.prepare('UPDATE articles SET number_key = NULL, effective_date = NULL').run();
      type Row = {
        rowid: number;
        title: string;
        date: string | null;
        blocks: StoredBlocks;
        doc_number: string | null;
        doc_type: string | null;
      };
      // Pages, not one cursor: SQLite refuses writes on a connection while a read is still open.
      for (let last = 0, rows: Row[]; (rows = page.all(last) as Row[]).length;) {
        for (const row of rows) {
          this.add(row.rowid, {
            title: row.title,
            date: row.date,
            blocks: unpackBlocks(row.blocks),
            docNumber: row.doc_number,
            docType: row.doc_type,
          } as ArticleDraft);
        }
        last = rows[rows.length - 1].rowid;
        n += rows.length;
      }
      this.db
        .prepare(
          "INSERT INTO meta (key, value) VALUES ('relations_built', '1') ON CONFLICT(key) DO UPDATE SET value = '1'",
        )
        .run();
    })();
    return n;
  }

  /** True when the relations were never computed for this archive (just upgraded to schema 8). */
  needsRebuild(): boolean {
    const value = this.db
      .prepare("SELECT value FROM meta WHERE key = 'relations_built'")
      .pluck()
      .get();
    return value === '0';
  }

  /** Both sides of one article's relations. */
  forArticle(rowid: number): ArticleRelations {
    const own = this.db
      .prepare('SELECT effective_date FROM articles WHERE rowid = ?')
      .pluck()
      .get(rowid) as string | null | undefined;
    const outgoing = (
      this.db
        .prepare(
          `SELECT r.kind, r.to_label, r.to_number_printed, r.text, r.block_index,
             b.id AS other_id, b.title AS other_title, b.effective_date AS other_effective,
             b.date AS other_date
           FROM relations r LEFT JOIN articles b ON b.rowid = r.to_article
           WHERE r.from_article = ? ORDER BY r.id`,
        )
        .all(rowid) as RelationRow[]
    ).map(item);
    const incoming = (
      this.db
        .prepare(
          `SELECT r.kind, b.title AS to_label, b.doc_number AS to_number_printed, r.text,
             r.block_index, b.id AS other_id, b.title AS other_title,
             b.effective_date AS other_effective, b.date AS other_date, b.doc_type AS other_type
           FROM relations r JOIN articles b ON b.rowid = r.from_article
           WHERE r.to_article = ? ORDER BY coalesce(b.effective_date, b.date) DESC, r.id`,
        )
        .all(rowid) as RelationRow[]
    ).map((row) => {
      const i = item(row);
      // Shown by the referring document's own type and number, as a reader cites it.
      return { ...i, label: labelOf(row) };
    });
    const supersededBy =
      incoming.find((i) => i.kind === 'replaces' || i.kind === 'repeals') ?? null;
    return { effectiveDate: own ?? null, outgoing, incoming, supersededBy };
  }
}

function item(row: RelationRow): RelationItem {
  return {
    kind: row.kind,
    label: row.to_label,
    number: row.to_number_printed,
    article: row.other_id
      ? {
          id: row.other_id,
          title: row.other_title ?? '',
          effectiveDate: row.other_effective ?? null,
        }
      : null,
    text: row.text,
    blockIndex: row.block_index,
  };
}

function labelOf(row: RelationRow): string {
  const number = row.to_number_printed;
  if (number) return row.other_type ? `${row.other_type} số ${number}` : number;
  return row.other_title ?? row.to_label;
}

/**
 * The "in force on D" filter, as far as the archive knows: a document that took effect on or
 * before D (its stated effective date, else its own date) and that no document of the archive
 * effective on or before D replaces or repeals. `alias` names `articles` or `article_facts`.
 */
export function inForceClause(alias: string, date: string): { sql: string; params: unknown[] } {
  return {
    sql: `${alias}.rowid IN (SELECT rowid FROM articles
        WHERE (doc_number IS NOT NULL OR doc_type IS NOT NULL) AND coalesce(effective_date, date) <= ?)
      AND ${alias}.rowid NOT IN (SELECT r.to_article FROM relations r
        JOIN articles b ON b.rowid = r.from_article
        WHERE r.kind IN ('replaces', 'repeals') AND r.to_article IS NOT NULL
          AND coalesce(b.effective_date, b.date) <= ?)`,
    params: [date, date],
  };
}
