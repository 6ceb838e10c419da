/**
 * The archive: one SQLite file and the engine around it. Every host (desktop, browser, command
 * line) talks to this class through the API handlers; nothing here knows about Electron or HTTP.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type {
  AnnotationListItem,
  ArchiveStats,
  ArticleSummary,
  ArticleView,
  Facets,
  ImportSummary,
} from '../../api/contract';
import { UserError } from '../errors';
import type { Locale } from '../messages';
import type { Annotation, Article, SearchFilters, SearchRequest, SearchResult } from '../model';
import { openDatabase, type Db, type OpenOptions } from '../store/db';
import { ArticleStore, filterClause, type ArticleRow } from '../store/articles';
import { AnnotationStore } from '../store/annotations';
import { SCHEMA_VERSION } from '../store/migrations';
import { SearchEngine } from '../search/engine';
import { ftsRow } from '../search/fts-text';
import { suggest } from '../search/suggest';
import { bumpCatalogGeneration, Catalog } from '../search/catalog';
import { layoutArticle } from './layout';
import type { ImportContext } from './import';
import { AnnotationService, type NewAnnotation } from '../annotations/service';
import { exportAnnotations, type AnnotatedArticle } from '../annotations/export';

export interface ArchiveOptions extends OpenOptions {
  locale?: Locale;
  /** Build the catalog in a worker thread (long-running hosts); one-shot commands build in place. */
  backgroundCatalog?: boolean;
}

export class Archive {
  readonly events = new EventEmitter();
  readonly db: Db;
  readonly articles: ArticleStore;
  readonly annotations: AnnotationService;
  readonly catalog: Catalog;
  private readonly engine: SearchEngine;
  private readonly locale: Locale;
  private readonly backgroundCatalog: boolean;

  private constructor(
    readonly file: string,
    db: Db,
    options: ArchiveOptions,
  ) {
    this.db = db;
    this.locale = options.locale ?? 'vi';
    this.backgroundCatalog = options.backgroundCatalog ?? false;
    this.articles = new ArticleStore(db);
    this.annotations = new AnnotationService(new AnnotationStore(db), this);
    this.catalog = new Catalog(db, {
      file: file === ':memory:' ? null : `${file}.catalog.json`,
      background:
        options.backgroundCatalog && file !== ':memory:'
          ? { dbPath: file, nativeBinding: options.nativeBinding }
          : undefined,
      onState: (state) =>
        this.events.emit('indexProgress', { state, progress: state === 'ready' ? 1 : 0 }),
    });
    this.engine = new SearchEngine(db, (parsed) => this.catalog.lookup(parsed), this.catalog);
  }

  static open(file: string, options: ArchiveOptions = {}): Archive {
    return new Archive(file, openDatabase(file, options), options);
  }

  close(): void {
    if (this.db.open) {
      if (!this.db.readonly) this.db.pragma('optimize');
      this.db.close();
    }
  }

  // ── Import ──────────────────────────────────────────────────────────────────────────────

  private importContext(): ImportContext {
    return {
      db: this.db,
      articles: this.articles,
      locale: this.locale,
      onProgress: (progress) => this.events.emit('importProgress', progress),
    };
  }

  // The importers (HTML parsing, validation) load on the first import, not at every start.
  async importPaths(paths: string[]): Promise<ImportSummary> {
    const { importPaths } = await import('./import');
    return this.afterImport(await importPaths(this.importContext(), paths));
  }

  async importUploads(files: Array<{ name: string; bytes: Uint8Array }>): Promise<ImportSummary> {
    const { importUploads } = await import('./import');
    return this.afterImport(await importUploads(this.importContext(), files));
  }

  /** A long-running host refreshes the catalog in the background once the import is done. */
  private afterImport(summary: ImportSummary): ImportSummary {
    if (summary.imported && this.backgroundCatalog) void this.catalog.warm();
    return summary;
  }

  /**
   * Rebuild the derived full-text rows from the articles themselves (after damage, or a change of
   * tokenizer). One transaction: the old index stays until the new one is complete.
   */
  reindex(): number {
    const page = this.db.prepare('SELECT * FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500');
    const insert = this.db.prepare(`
      INSERT INTO articles_fts (rowid, title, title_folded, meta, meta_folded, body, body_folded)
      VALUES (@rowid, @title, @title_folded, @meta, @meta_folded, @body, @body_folded)`);
    let n = 0;
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
      // Pages, not one cursor: SQLite refuses writes on a connection while a read is still open.
      for (let last = 0, rows: ArticleRow[]; (rows = page.all(last) as ArticleRow[]).length;) {
        for (const row of rows)
          insert.run({ rowid: row.rowid, ...ftsRow(this.articles.hydrate(row)) });
        last = rows[rows.length - 1].rowid;
        n += rows.length;
      }
    })();
    this.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')").run();
    bumpCatalogGeneration(this.db);
    return n;
  }

  // ── Reading ─────────────────────────────────────────────────────────────────────────────

  getArticle(id: string): Article {
    const article = this.articles.get(id);
    if (!article) throw new UserError('article.not-found', { id });
    return article;
  }

  view(id: string): ArticleView {
    const article = this.getArticle(id);
    const layout = layoutArticle(article.summary, article.blocks);
    return { article, ...layout, annotations: this.annotations.forArticle(id) };
  }

  search(request: SearchRequest): SearchResult {
    return this.engine.search(request);
  }

  /** Type-ahead: titles and numbers for what is being typed (see search/suggest.ts). */
  suggest(prefix: string, limit = 8) {
    return { items: suggest(this.db, this.catalog, prefix, limit, this.engine.vocabulary) };
  }

  /** Load or build the catalog now (hosts call it at start-up and after an import). */
  warmCatalog(): Promise<void> {
    return this.catalog.warm();
  }

  list(
    request: SearchFilters & {
      limit?: number;
      offset?: number;
      sort?: 'date' | 'title' | 'imported';
    },
  ) {
    const filter = filterClause(request);
    const order =
      request.sort === 'title'
        ? 'a.title COLLATE NOCASE, a.rowid'
        : request.sort === 'imported'
          ? 'a.rowid DESC'
          : 'a.date DESC, a.rowid DESC'; // NULL dates still sort last (DESC), and the index is used
    const total = (
      this.db
        .prepare(`SELECT count(*) AS n FROM articles a WHERE ${filter.sql}`)
        .get(...filter.params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.date, a.source, a.doc_number, a.doc_type, a.summary FROM articles a
         WHERE ${filter.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...filter.params, request.limit ?? 50, request.offset ?? 0) as Array<
      Pick<ArticleRow, 'id' | 'title' | 'date' | 'source' | 'doc_number' | 'doc_type' | 'summary'>
    >;
    const items: ArticleSummary[] = rows.map((r) => ({
      id: r.id,
      title: r.title,
      date: r.date,
      source: r.source,
      docNumber: r.doc_number,
      docType: r.doc_type,
      summary: r.summary && r.summary.length > 300 ? `${r.summary.slice(0, 300)}…` : r.summary,
    }));
    return { total, items };
  }

  facets(): Facets {
    const facet = (sql: string) =>
      this.db.prepare(sql).all() as Array<{ value: string; count: number }>;
    return {
      types: facet(
        'SELECT doc_type AS value, count(*) AS count FROM articles WHERE doc_type IS NOT NULL GROUP BY doc_type ORDER BY count DESC, value',
      ),
      sources: facet(
        'SELECT source AS value, count(*) AS count FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY count DESC, value LIMIT 200',
      ),
      tags: facet(
        'SELECT t.name AS value, count(*) AS count FROM article_tags at JOIN tags t ON t.id = at.tag GROUP BY t.id ORDER BY count DESC, value',
      ),
      collections: facet(
        'SELECT c.name AS value, count(*) AS count FROM article_collections ac JOIN collections c ON c.id = ac.collection GROUP BY c.id ORDER BY value',
      ),
      years: facet(
        'SELECT substr(date, 1, 4) AS value, count(*) AS count FROM articles WHERE date IS NOT NULL GROUP BY value ORDER BY value DESC',
      ),
    };
  }

  stats(): ArchiveStats {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const size = (path: string) => (fs.existsSync(path) ? fs.statSync(path).size : 0);
    const articles = count('SELECT count(*) AS n FROM articles');
    return {
      articles,
      annotations: count('SELECT count(*) AS n FROM annotations'),
      tags: count('SELECT count(*) AS n FROM tags'),
      collections: count('SELECT count(*) AS n FROM collections'),
      databaseBytes: this.file === ':memory:' ? 0 : size(this.file) + size(`${this.file}-wal`),
      catalogBytes: this.catalog.bytes(),
      index: {
        state: this.catalog.state,
        progress: this.catalog.state === 'ready' ? 1 : 0,
        articles,
      },
      schemaVersion: SCHEMA_VERSION,
      path: this.file,
    };
  }

  // ── Curation ────────────────────────────────────────────────────────────────────────────

  setTags(articleId: string, tags: string[]): Article {
    this.articles.setTags(this.rowid(articleId), tags);
    return this.getArticle(articleId);
  }

  setCollections(articleId: string, collections: string[]): Article {
    this.articles.setCollections(this.rowid(articleId), collections);
    return this.getArticle(articleId);
  }

  private rowid(articleId: string): number {
    const rowid = this.articles.rowidOf(articleId);
    if (rowid === null) throw new UserError('article.not-found', { id: articleId });
    return rowid;
  }

  // ── Annotations ─────────────────────────────────────────────────────────────────────────

  annotate(input: NewAnnotation): Annotation {
    return this.annotations.create(input);
  }

  listAnnotations(request: {
    articleId?: string;
    query?: string;
    limit?: number;
    offset?: number;
  }): {
    total: number;
    items: AnnotationListItem[];
  } {
    return this.annotations.list(request);
  }

  exportAnnotations(format: 'markdown' | 'json' | 'csv', articleId?: string) {
    const byArticle = new Map<string, Annotation[]>();
    for (const a of this.annotations.list({ articleId, limit: Number.MAX_SAFE_INTEGER }).items) {
      byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a]);
    }
    const items: AnnotatedArticle[] = [...byArticle].map(([id, annotations]) => ({
      article: this.getArticle(id),
      annotations: annotations.sort(
        (x, y) => (x.selector?.start ?? -1) - (y.selector?.start ?? -1),
      ),
    }));
    return exportAnnotations(items, format);
  }
}
