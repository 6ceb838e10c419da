/**
 * Articles in SQLite: insert (with their full-text row, in the caller's transaction), read back,
 * list with filters, and the facets a library view browses by.
 */
import type { Article, ArticleDraft, Recognition, SearchFilters, TitleOrigin } from '../model';
import type { Db } from './db';
import { ftsRow, indexWriter } from '../search/fts-text';
import { packBlocks, unpackBlocks, type PreparedArticle, type StoredBlocks } from './blocks';
import { bumpCatalogGeneration } from '../search/catalog';
import { OriginalStore } from './originals';
import { inForceClause, isDocument, RelationStore } from '../law/relations';

interface ArticleRow {
  rowid: number;
  id: string;
  title: string;
  date: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  summary: string | null;
  blocks: StoredBlocks;
  doc_number: string | null;
  doc_type: string | null;
  issuer: string | null;
  place?: string | null;
  encoding?: string | null;
  /** Schema 7. */
  title_origin?: TitleOrigin | null;
  page_count?: number | null;
  recognition?: string | null;
  original_sha256?: string | null;
  source_id: string;
  imported_at: string;
  imported_from: string | null;
}

/** Prepared once per database: the import loop calls these thousands of times a second. */
export class ArticleStore {
  private readonly insertArticle;
  private readonly insertFts;
  private readonly insertFacts;
  private readonly byId;
  private readonly tagsOf;
  private readonly collectionsOf;
  private readonly originalOf;
  /** The files articles were read from, by content (store/originals.ts). */
  readonly originals: OriginalStore;
  /** Relations between documents, written with each document (law/relations.ts). */
  readonly relations: RelationStore;

  constructor(private readonly db: Db) {
    this.relations = new RelationStore(db);
    this.insertArticle = db.prepare(`
      INSERT INTO articles (id, title, date, author, source, url, summary, blocks, doc_number,
        doc_type, issuer, place, encoding, source_id, imported_at, imported_from,
        title_origin, page_count, recognition, original_sha256)
      VALUES (@id, @title, @date, @author, @source, @url, @summary, @blocks, @docNumber,
        @docType, @issuer, @place, @encoding, @sourceId, @importedAt, @importedFrom,
        @titleOrigin, @pageCount, @recognition, @originalSha256)
      ON CONFLICT(id) DO NOTHING`);
    this.originals = new OriginalStore(db);
    this.originalOf = db.prepare(
      'SELECT sha256, name, media_type AS mediaType, size FROM originals WHERE sha256 = ?',
    );
    this.insertFts = indexWriter(db);
    this.insertFacts = db.prepare(
      'INSERT INTO article_facts (article, date, doc_type, source, issuer) VALUES (?, ?, ?, ?, ?)',
    );
    this.byId = db.prepare('SELECT * FROM articles WHERE id = ?');
    this.tagsOf = db.prepare(
      'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag WHERE at.article = ? ORDER BY t.name',
    );
    this.collectionsOf = db.prepare(
      'SELECT c.name FROM article_collections ac JOIN collections c ON c.id = ac.collection WHERE ac.article = ? ORDER BY c.name',
    );
  }

  /**
   * Insert one article and its index rows; the caller holds the transaction. Returns the new
   * rowid, or null when an article with the same content is already there.
   */
  insert(
    id: string,
    draft: ArticleDraft,
    importedAt: string,
    importedFrom: string | null,
    /** The index row and packed blocks, when made beforehand (in the import's pool thread). */
    prepared?: PreparedArticle,
  ): number | null {
    const info = this.insertArticle.run({
      id,
      title: draft.title,
      date: draft.date,
      author: draft.author,
      source: draft.source,
      url: draft.url,
      summary: draft.summary,
      blocks: prepared?.blocks ?? packBlocks(draft.blocks),
      docNumber: draft.docNumber,
      docType: draft.docType,
      issuer: draft.issuer,
      place: draft.place ?? null,
      encoding: draft.encoding ?? null,
      sourceId: draft.sourceId,
      importedAt,
      importedFrom,
      titleOrigin: draft.titleOrigin ?? null,
      pageCount: draft.pageCount ?? null,
      recognition: draft.recognition ? JSON.stringify(draft.recognition) : null,
      originalSha256: draft.original?.sha256 ?? null,
    });
    if (info.changes === 0) return null;
    const rowid = Number(info.lastInsertRowid);
    this.insertFts(rowid, prepared?.fts ?? ftsRow(draft));
    this.insertFacts.run(rowid, draft.date, draft.docType, draft.source, draft.issuer);
    if (draft.tags.length) setNames(this.db, 'tags', 'article_tags', 'tag', rowid, draft.tags);
    // A large file's drafts reach this thread without their blocks (prepared carries them
    // packed): a document's references are read from the unpacked text.
    const withBlocks =
      prepared && draft.blocks.length === 0 && isDocument(draft)
        ? { ...draft, blocks: unpackBlocks(prepared.blocks) }
        : draft;
    this.relations.add(rowid, withBlocks);
    return rowid;
  }

  get(id: string): Article | null {
    const row = this.byId.get(id) as ArticleRow | undefined;
    return row ? this.hydrate(row) : null;
  }

  rowidOf(id: string): number | null {
    const row = this.db.prepare('SELECT rowid FROM articles WHERE id = ?').get(id) as
      { rowid: number } | undefined;
    return row?.rowid ?? null;
  }

  hydrate(row: ArticleRow): Article {
    return {
      id: row.id,
      title: row.title,
      date: row.date,
      author: row.author,
      source: row.source,
      url: row.url,
      summary: row.summary,
      blocks: unpackBlocks(row.blocks),
      docNumber: row.doc_number,
      docType: row.doc_type,
      issuer: row.issuer,
      place: row.place ?? null,
      encoding: row.encoding ?? null,
      titleOrigin: row.title_origin ?? null,
      pageCount: row.page_count ?? null,
      recognition: row.recognition ? (JSON.parse(row.recognition) as Recognition) : null,
      original: row.original_sha256
        ? ((this.originalOf.get(row.original_sha256) as Article['original']) ?? null)
        : null,
      sourceId: row.source_id,
      importedAt: row.imported_at,
      importedFrom: row.imported_from,
      tags: (this.tagsOf.all(row.rowid) as { name: string }[]).map((r) => r.name),
      collections: (this.collectionsOf.all(row.rowid) as { name: string }[]).map((r) => r.name),
    };
  }

  /**
   * A new title chosen by the user: it is no longer derived, and both full-text rows and the
   * catalog follow it. The id stays (annotations and bundles know the article by it).
   */
  rename(rowid: number, title: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE articles SET title = ?, title_origin = NULL WHERE rowid = ?')
        .run(title, rowid);
      const row = this.db
        .prepare('SELECT * FROM articles WHERE rowid = ?')
        .get(rowid) as ArticleRow;
      this.db.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(rowid);
      this.db.prepare('DELETE FROM titles_fts WHERE rowid = ?').run(rowid);
      this.insertFts(rowid, ftsRow(this.hydrate(row)));
      bumpCatalogGeneration(this.db);
    })();
  }

  setTags(rowid: number, names: string[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM article_tags WHERE article = ?').run(rowid);
      setNames(this.db, 'tags', 'article_tags', 'tag', rowid, names);
      bumpCatalogGeneration(this.db);
    })();
  }

  setCollections(rowid: number, names: string[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM article_collections WHERE article = ?').run(rowid);
      setNames(this.db, 'collections', 'article_collections', 'collection', rowid, names);
      bumpCatalogGeneration(this.db);
    })();
  }
}

function setNames(
  db: Db,
  table: 'tags' | 'collections',
  link: 'article_tags' | 'article_collections',
  column: 'tag' | 'collection',
  rowid: number,
  names: string[],
): void {
  const unique = [
    ...new Set(names.map((n) => n.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean)),
  ];
  for (const name of unique) {
    db.prepare(`INSERT INTO ${table} (name) VALUES (?) ON CONFLICT(name) DO NOTHING`).run(name);
    const { id } = db.prepare(`SELECT id FROM ${table} WHERE name = ?`).get(name) as { id: number };
    db.prepare(`INSERT OR IGNORE INTO ${link} (article, ${column}) VALUES (?, ?)`).run(rowid, id);
  }
}

/**
 * SQL conditions and bound values for the filters every list and search shares. `alias` names
 * either `articles` or the slim `article_facts` (same column names for date, type, issuer and
 * source).
 */
export function filterClause(
  filters: SearchFilters,
  alias = 'a',
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.from) {
    parts.push(`${alias}.date >= ?`);
    params.push(filters.from);
  }
  if (filters.to) {
    // "2024" or "2024-07" as an upper bound means the whole year or month.
    parts.push(`${alias}.date <= ?`);
    params.push(filters.to.length < 10 ? `${filters.to}\uffff` : filters.to);
  }
  if (filters.type) {
    parts.push(`${alias}.doc_type = ?`);
    params.push(filters.type);
  }
  if (filters.issuer) {
    parts.push(`${alias}.issuer = ?`);
    params.push(filters.issuer);
  }
  if (filters.source) {
    parts.push(`${alias}.source = ?`);
    params.push(filters.source);
  }
  if (filters.tag) {
    parts.push(
      `${alias}.rowid IN (SELECT at.article FROM article_tags at JOIN tags t ON t.id = at.tag WHERE t.name = ?)`,
    );
    params.push(filters.tag);
  }
  if (filters.collection) {
    parts.push(
      `${alias}.rowid IN (SELECT ac.article FROM article_collections ac JOIN collections c ON c.id = ac.collection WHERE c.name = ?)`,
    );
    params.push(filters.collection);
  }
  if (filters.inForce) {
    const inForce = inForceClause(alias, filters.inForce);
    parts.push(inForce.sql);
    params.push(...inForce.params);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

export type { ArticleRow };
