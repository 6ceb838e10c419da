/**
 * The archive: one SQLite file and the engine around it. Every host (desktop, browser, command
 * line) talks to this class through the API handlers; nothing here knows about Electron or HTTP.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type {
  AnnotationImportReport,
  AnnotationListItem,
  ArchiveStats,
  ArticleRelations,
  ArticleSummary,
  ArticleView,
  ExportFile,
  Facets,
  ImportSummary,
} from '../../api/contract';
import { UserError } from '../errors';
import type { Locale } from '../messages';
import type { Annotation, Article, SearchFilters, SearchRequest, SearchResult } from '../model';
import { openDatabase, translateOpenError, type Db, type OpenOptions } from '../store/db';
import { IndexRepair } from '../store/health';
import { ArticleStore, filterClause, type ArticleRow } from '../store/articles';
import { AnnotationStore } from '../store/annotations';
import type { StoredOriginal } from '../store/originals';
import type { DraftItem } from '../importers/draft';
import { SCHEMA_VERSION } from '../store/migrations';
import { SearchEngine } from '../search/engine';
import { clearIndexes, ftsRow, indexWriter } from '../search/fts-text';
import { suggest } from '../search/suggest';
import { bumpCatalogGeneration, Catalog } from '../search/catalog';
import { layoutArticle } from './layout';
import type { ImportContext } from './import';
import { AnnotationService, type NewAnnotation } from '../annotations/service';
import { exportAnnotations, type AnnotatedArticle, type ExportFormat } from '../annotations/export';
import { foldDiacritics } from '../text/vietnamese';
import type { BundleExportResult, BundleImportReport } from '../../api/contract';
import type { BundleSource } from './bundle';
import type { BundleExportOptions } from './bundle-export';
import { Inbox } from './inbox';
import { inboxHandler } from './inbox-import';
import { citationGoto, structureOf, type CitationGoto } from '../law/goto';
import { annotationCitation } from '../law/citation';

/** A bundle downloaded through an interface travels as base64 in one reply: keep it sane. */
const BUNDLE_DOWNLOAD_LIMIT = 100 * 1024 * 1024;

export interface ArchiveOptions extends OpenOptions {
  locale?: Locale;
  /** Build the catalog in a worker thread (long-running hosts); one-shot commands build in place. */
  backgroundCatalog?: boolean;
  /** A reader of the engine pool: load the catalog another thread builds, never build it. */
  followCatalog?: boolean;
}

export class Archive {
  readonly events = new EventEmitter();
  readonly db: Db;
  readonly articles: ArticleStore;
  readonly annotations: AnnotationService;
  readonly catalog: Catalog;
  /** The watched inbox folder (bundles and article files dropped in are imported). */
  readonly inbox: Inbox;
  private readonly engine: SearchEngine;
  /** Notices an incomplete full-text index at open and fills it in (store/health.ts). */
  private readonly repair: IndexRepair;
  private readonly locale: Locale;
  private readonly backgroundCatalog: boolean;
  private readonly nativeBinding: string | undefined;

  private constructor(
    readonly file: string,
    db: Db,
    options: ArchiveOptions,
  ) {
    this.db = db;
    this.locale = options.locale ?? 'vi';
    this.backgroundCatalog = options.backgroundCatalog ?? false;
    this.nativeBinding = options.nativeBinding;
    this.articles = new ArticleStore(db);
    this.annotations = new AnnotationService(new AnnotationStore(db), this);
    this.catalog = new Catalog(db, {
      file: file === ':memory:' ? null : `${file}.catalog.json`,
      background:
        options.backgroundCatalog && file !== ':memory:'
          ? { dbPath: file, nativeBinding: options.nativeBinding }
          : undefined,
      follow: options.followCatalog,
      onState: (state) =>
        this.events.emit('indexProgress', { state, progress: state === 'ready' ? 1 : 0 }),
    });
    this.engine = new SearchEngine(db, (parsed) => this.catalog.lookup(parsed), this.catalog);
    this.repair = new IndexRepair(db, this.articles, (p) => this.events.emit('indexProgress', p));
    this.inbox = new Inbox(db, inboxHandler(this, this.locale), this.locale, file);
    // An archive just upgraded to schema 8 has its documents' relations computed once.
    if (!db.readonly && this.articles.relations.needsRebuild()) this.rebuildRelations();
  }

  static open(file: string, options: ArchiveOptions = {}): Archive {
    return new Archive(file, openDatabase(file, options), options);
  }

  close(): void {
    this.inbox.stop();
    if (this.db.open) {
      try {
        if (!this.db.readonly) this.db.pragma('optimize');
      } catch {
        // a full disk or a read-only folder: closing must still release the file
      }
      this.db.close();
    }
  }

  // ── Import ──────────────────────────────────────────────────────────────────────────────

  private importContext(signal?: AbortSignal): ImportContext {
    return {
      signal,
      db: this.db,
      articles: this.articles,
      locale: this.locale,
      lookup:
        this.file === ':memory:'
          ? undefined
          : { dbPath: this.file, nativeBinding: this.nativeBinding },
      onProgress: (progress) => this.events.emit('importProgress', progress),
    };
  }

  /** The imports running now (files, uploads, the inbox's), each cancelled by its controller. */
  private readonly imports = new Set<AbortController>();

  /**
   * Cancel every import running now (`cancelImport`, Ctrl-C): each stops at its next article and
   * returns its summary, marked `cancelled`, with what it committed. Returns how many there were;
   * with none running it does nothing.
   */
  cancelImports(): number {
    const running = this.imports.size;
    for (const controller of this.imports) controller.abort();
    this.imports.clear();
    return running;
  }

  /** Runs one import with its own controller, and its failures as one sentence. */
  private async runImport(
    run: (ctx: ImportContext) => Promise<ImportSummary>,
  ): Promise<ImportSummary> {
    const controller = new AbortController();
    this.imports.add(controller);
    try {
      return this.afterImport(
        await run(this.importContext(controller.signal)).catch((e) => {
          throw translateOpenError(e, this.file); // a full disk, a read-only folder: one sentence
        }),
      );
    } finally {
      this.imports.delete(controller);
    }
  }

  // The importers (HTML parsing, validation) load on the first import, not at every start.
  async importPaths(paths: string[]): Promise<ImportSummary> {
    const { importPaths } = await import('./import');
    return this.runImport((ctx) => importPaths(ctx, paths));
  }

  async importUploads(files: Array<{ name: string; bytes: Uint8Array }>): Promise<ImportSummary> {
    const { importUploads } = await import('./import');
    return this.runImport((ctx) => importUploads(ctx, files));
  }

  /** Drafts read elsewhere (the import of a reader that is not a file format; tests). */
  async importItems(
    sources: Array<{ from: string; items: AsyncIterable<DraftItem> }>,
  ): Promise<ImportSummary> {
    const { importItems } = await import('./import');
    return this.runImport((ctx) => importItems(ctx, sources));
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
    const insert = indexWriter(this.db);
    let n = 0;
    this.db.transaction(() => {
      clearIndexes(this.db);
      // Pages, not one cursor: SQLite refuses writes on a connection while a read is still open.
      for (let last = 0, rows: ArticleRow[]; (rows = page.all(last) as ArticleRow[]).length;) {
        for (const row of rows) insert(row.rowid, ftsRow(this.articles.hydrate(row)));
        last = rows[rows.length - 1].rowid;
        n += rows.length;
      }
    })();
    this.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')").run();
    this.db.prepare("INSERT INTO titles_fts (titles_fts) VALUES ('optimize')").run();
    bumpCatalogGeneration(this.db);
    this.rebuildRelations();
    return n;
  }

  /** Recompute every document's relations and effective date from the stored text. */
  rebuildRelations(): number {
    return this.articles.relations.rebuild();
  }

  // ── Bundles (format: bundle.ts) ─────────────────────────────────────────────────────────

  /** Write a bundle to `path`, or make it in memory (base64) for a download when no path. */
  async exportBundle(selection: BundleExportOptions, path?: string): Promise<BundleExportResult> {
    const { exportBundleToBytes, exportBundleToFile } = await import('./bundle-export');
    const made = path
      ? await exportBundleToFile(this.db, this.articles, path, selection)
      : await exportBundleToBytes(this.db, this.articles, selection, BUNDLE_DOWNLOAD_LIMIT);
    return {
      filename: made.filename,
      path: path ?? null,
      base64: 'content' in made ? (made.content as Buffer).toString('base64') : null,
      bytes: made.bytes,
      machine: made.manifest.machine,
      created: made.manifest.created,
      counts: made.manifest.counts,
    };
  }

  /** Merge a bundle; `cancelImports` stops it at its next record, like any import. */
  async importBundle(source: BundleSource): Promise<BundleImportReport> {
    const controller = new AbortController();
    this.imports.add(controller);
    try {
      const { importBundle } = await import('./bundle-import');
      const report = await importBundle(this.importContext(controller.signal), source);
      if (this.backgroundCatalog) void this.catalog.warm();
      return report;
    } finally {
      this.imports.delete(controller);
    }
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
    const structure = structureOf(article);
    return { article, ...layout, annotations: this.annotations.forArticle(id), structure };
  }

  /** The place a citation query names (law/goto.ts); first page only. */
  citationGoto(request: SearchRequest): CitationGoto | null {
    if (request.offset) return null;
    return citationGoto(this.db, (id) => this.articles.get(id), request.query);
  }

  /** What a document cites, amends, replaces, repeals, guides, and what does so to it. */
  relations(id: string): ArticleRelations {
    return this.articles.relations.forArticle(this.rowid(id));
  }

  /** Rows the last search read (the scale regression test checks they stay bounded). */
  get searchWork() {
    return this.engine.work;
  }

  search(request: SearchRequest): SearchResult {
    // While the full-text index is incomplete, the articles it lacks are scanned too (slower).
    if (this.repair.active) return this.repair.search(request, (r) => this.engine.search(r));
    return this.engine.search(request);
  }

  /** Type-ahead: titles and numbers for what is being typed (see search/suggest.ts). */
  suggest(prefix: string, limit = 8) {
    return { items: suggest(this.db, this.catalog, prefix, limit, this.engine.vocabulary) };
  }

  /**
   * Another connection changed the archive (a reader of the engine pool, told by the writer): SQL
   * sees it at the next statement; what this engine keeps in memory is looked at again.
   */
  refresh(): void {
    this.catalog.invalidate();
    // Loaded now if the writer persisted a new one, not at the next fuzzy search: type-ahead, the
    // words' weights and the state shown read it too.
    void this.catalog.warm();
    if (this.repair.active) this.repair.recheck();
  }

  /** Load or build the catalog now (hosts call it at start-up and after an import). */
  warmCatalog(): Promise<void> {
    return this.catalog.warm();
  }

  /** Rebuild what the full-text index lacks, page by page in the background (hosts call it at start-up). */
  async repairIndex(): Promise<number> {
    const n = await this.repair.start();
    if (n && this.backgroundCatalog) void this.catalog.warm();
    return n;
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
      issuers: facet(
        'SELECT issuer AS value, count(*) AS count FROM article_facts WHERE issuer IS NOT NULL GROUP BY issuer ORDER BY count DESC, value LIMIT 200',
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

  /** The user's own title for an article (a derived one, usually): no longer marked derived. */
  renameArticle(articleId: string, title: string): Article {
    const clean = title.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!clean) throw new UserError('article.empty-title');
    this.articles.rename(this.rowid(articleId), clean);
    return this.getArticle(articleId);
  }

  /** The file an article was read from, when the archive keeps it. */
  getOriginal(articleId: string): StoredOriginal {
    const sha = this.getArticle(articleId).original?.sha256;
    const stored = sha ? this.articles.originals.get(sha) : null;
    if (!stored) throw new UserError('original.not-kept');
    return stored;
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
    orphaned?: boolean;
    limit?: number;
    offset?: number;
  }): {
    total: number;
    items: AnnotationListItem[];
  } {
    return this.annotations.list(request);
  }

  /** The annotations and tags of one article, of one collection, or of the whole archive. */
  exportAnnotations(
    format: ExportFormat,
    scope: { articleId?: string; collection?: string } = {},
  ): ExportFile {
    const { articleId, collection } = scope;
    if (articleId !== undefined && collection !== undefined)
      throw new UserError('annotation.export-scope');
    const ids =
      articleId !== undefined
        ? [this.getArticle(articleId).id]
        : this.annotations.store.exportedArticleIds(collection);
    if (!ids) throw new UserError('annotation.no-collection', { name: collection! });
    const items: AnnotatedArticle[] = [];
    for (const id of ids) {
      const article = this.getArticle(id);
      const annotations = this.annotations.forArticle(id);
      if (annotations.length || article.tags.length) items.push({ article, annotations });
    }
    const label =
      collection !== undefined
        ? `${this.locale === 'en' ? 'Collection' : 'Bộ sưu tập'} “${collection}”`
        : articleId !== undefined
          ? items[0]?.article.title
          : undefined;
    const slug = foldDiacritics(collection ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    const cite = (id: string, a: Annotation) => {
      const article = items.find((i) => i.article.id === id)?.article as Article | undefined;
      return article && a.selector ? annotationCitation(article, a.selector) : null;
    };
    return exportAnnotations(items, format, { locale: this.locale, label, slug, cite });
  }

  /** W3C Web Annotations into this archive, in one transaction (annotations/import.ts). */
  async importAnnotations(content: string): Promise<AnnotationImportReport> {
    // Loaded on first use: its validation library is not needed to open an archive.
    const { importW3CAnnotations } = await import('../annotations/import');
    return importW3CAnnotations(this.annotations, content, this.locale);
  }
}
