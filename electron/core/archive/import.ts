/**
 * Importing files into the archive. Drafts are written in batches, one transaction each: a crash
 * or a bad file keeps every batch committed before it, and no article is ever half-written (the
 * article row and its full-text row share a transaction). Bad files are listed, never fatal.
 */
import { promises as fs } from 'node:fs';
import type { ImportProgress, ImportSummary } from '../../api/contract';
import { describeError } from '../errors';
import type { Locale } from '../messages';
import type { ArticleDraft } from '../model';
import { fileFormat, readBytes, readFile, walk, type DraftItem } from '../importers';
import type { PageProgress } from '../importers/pdf';
import type { Db } from '../store/db';
import type { ArticleStore } from '../store/articles';
import type { PreparedArticle } from '../store/blocks';
import { describeOriginal, keepOriginals } from '../store/originals';
import type { OriginalBytes } from '../importers/draft';
import { articleId } from './ids';
import type { FtsPool } from './fts-pool';
import type { ArchiveLookup, PreparedBatch } from './prepare-file';
import { blockText } from './layout';

export const BATCH_ARTICLES = 400;
/**
 * A batch's characters are bounded too: its transaction holds the engine's thread (searches wait
 * for it), and a batch of 400 laws is 20 M characters. 2 M characters write in about a second.
 */
export const BATCH_CHARS = 2_000_000;
export const MAX_REPORTED_IDS = 1000;
/**
 * A batch at least this large is tokenised in the pool's thread while this one reads on; a
 * smaller one (the last of a file, a folder of single articles) is tokenised in place, where it
 * costs less than the trip.
 */
const POOLED_BATCH = 100;
/**
 * A file of articles (JSON, JSON Lines, gzip) at least this large is read, parsed and tokenised in
 * the pool's thread, and this thread only writes: 1 MB of JSON Lines is some 300 news articles.
 * Smaller files, and pages and texts (one article each), are read here: a folder of single
 * articles costs no trips, and one large document no thread started for it.
 */
export const POOLED_FILE_BYTES = 1024 * 1024;

export interface ImportContext {
  db: Db;
  articles: ArticleStore;
  locale: Locale;
  /** The archive's file, where the pool's thread looks up which articles it already holds. */
  lookup?: ArchiveLookup;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each committed batch with the rowids it added (the catalog indexes them). */
  onCommitted?: (rowids: number[]) => void;
  /**
   * Cancels the import: reading stops at the next article (what was read is committed as one
   * last batch) and OCR of a scan at once; every batch committed stays, and the summary says
   * `cancelled`. Files not reached, and the scan cut short, are not reported as failures.
   */
  signal?: AbortSignal;
}

/** What the pool's thread gave of a file: its articles' ids, and how many it reported otherwise. */
interface Taken {
  ids: Set<string>;
  failed: number;
  duplicates: number;
}

const noneTaken = (): Taken => ({ ids: new Set(), failed: 0, duplicates: 0 });

interface Pending {
  id: string;
  draft: ArticleDraft;
  from: string;
  /** The file's bytes, kept with the article (its facts are in `draft.original`). */
  bytes?: Uint8Array;
}

class ImportRun {
  readonly summary: ImportSummary = { imported: 0, duplicates: 0, failed: [], articleIds: [] };
  readonly progress: ImportProgress = {
    files: 0,
    filesDone: 0,
    imported: 0,
    duplicates: 0,
    failed: 0,
    current: null,
  };
  private pending: Pending[] = [];
  private pendingChars = 0;
  private readonly importedAt = new Date().toISOString();
  private readonly write;
  private readonly exists;
  /** The previous batch, tokenised in the pool and then written: at most one in flight. */
  private writing: Promise<void> = Promise.resolve();
  private pool: FtsPool | null = null;
  /** Read once per import: ARCHIVE_READER_KEEP_ORIGINALS=0 turns keeping files off. */
  private readonly keep = keepOriginals();
  /** A PDF's or scan's pages as they are read, and the import's cancelling. */
  readonly pages: PageProgress;
  /** True once the import left something unread because it was cancelled. */
  private cut = false;

  constructor(private readonly ctx: ImportContext) {
    this.pages = {
      signal: ctx.signal,
      onPage: (done, total) => {
        this.progress.pages = { done, total };
        ctx.onProgress?.({ ...this.progress });
      },
    };
    this.exists = ctx.db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
    this.write = ctx.db.transaction((batch: Pending[], rows: PreparedArticle[] | null) => {
      const added: number[] = [];
      for (const [i, { id, draft, from, bytes }] of batch.entries()) {
        const rowid = ctx.articles.insert(id, draft, this.importedAt, from, rows?.[i]);
        if (rowid === null) {
          this.summary.duplicates++;
          continue;
        }
        if (bytes && draft.original) ctx.articles.originals.put(draft.original, bytes);
        this.summary.imported++;
        if (this.summary.articleIds.length < MAX_REPORTED_IDS) this.summary.articleIds.push(id);
        added.push(rowid);
      }
      return added;
    });
  }

  /**
   * Read `items` here. `taken`: what the pool's thread already gave of the same file before it
   * died, passed over (in file order, as it met them) without being counted twice.
   */
  async consume(items: AsyncIterable<DraftItem>, from: string, taken = noneTaken()): Promise<void> {
    this.progress.current = from;
    this.progress.pages = null;
    for await (const item of items) {
      // Cancelled: a scan whose OCR stopped (its item says so) was not reached, not failed.
      if (this.stopping()) break;
      if (!item.ok) {
        if (taken.failed-- > 0) continue;
        this.failedItem(item.where, describeError(item.error, this.ctx.locale));
        continue;
      }
      const id = articleId(item.draft);
      if (taken.ids.has(id)) continue;
      if (this.exists.get(id)) {
        // Already in the archive: known before any tokenising (a re-import costs reading only).
        if (taken.duplicates-- <= 0) this.summary.duplicates++;
        continue;
      }
      const pending: Pending = { id, from, ...this.withOriginal(item.draft, item.original) };
      this.pending.push(pending);
      // A kept file's bytes count towards the batch too: a few large PDFs make a batch.
      this.pendingChars += approximateChars(item.draft) + (pending.bytes?.length ?? 0);
      if (this.pending.length >= BATCH_ARTICLES || this.pendingChars >= BATCH_CHARS) {
        await this.flush();
      }
    }
  }

  /**
   * A large file read in the pool's thread (prepare-file.ts): this thread writes each batch as it
   * comes, while the thread reads and tokenises the next. If the thread cannot finish the file,
   * the rest is read here.
   */
  async consumeLarge(file: string): Promise<void> {
    await this.settle();
    this.progress.current = file;
    const taken = noneTaken();
    try {
      for await (const batch of (await this.startPool()).readFile(
        file,
        this.ctx.locale,
        this.ctx.lookup,
      )) {
        this.takeBatch(batch, file, taken);
        if (this.stopping()) break; // the pool's thread is told to stop reading
      }
    } catch (error) {
      const { PoolUnavailable } = await import('./fts-pool');
      if (!(error instanceof PoolUnavailable)) throw error;
      await this.consume(readFile(file, this.pages), file, taken);
    }
  }

  /** The import was cancelled: nothing more is read (the caller commits what it holds). */
  stopping(): boolean {
    if (this.ctx.signal?.aborted) this.cut = true;
    return this.cut;
  }

  /** The summary, saying whether the import was cancelled before it read everything. */
  result(): ImportSummary {
    this.progress.current = null;
    this.ctx.onProgress?.({ ...this.progress });
    return this.cut ? { ...this.summary, cancelled: true } : this.summary;
  }

  private takeBatch(batch: PreparedBatch, from: string, taken: Taken): void {
    for (const f of batch.failed) this.failedItem(f.path, f.error);
    this.summary.duplicates += batch.duplicates;
    const items = batch.items.map(({ id, draft }) => ({ id, draft, from }));
    this.commit(
      items,
      batch.items.map((i) => i.prepared),
    );
    for (const { id } of items) taken.ids.add(id);
    taken.failed += batch.failed.length;
    taken.duplicates += batch.duplicates;
  }

  /** The draft naming its original file, and the bytes to keep, unless keeping is off. */
  private withOriginal(
    draft: ArticleDraft,
    original: OriginalBytes | undefined,
  ): { draft: ArticleDraft; bytes?: Uint8Array } {
    if (!this.keep || !original) return { draft: { ...draft, original: null } };
    return { draft: { ...draft, original: describeOriginal(original) }, bytes: original.bytes };
  }

  private failedItem(path: string, error: string): void {
    this.summary.failed.push({ path, error });
    this.progress.failed = this.summary.failed.length;
  }

  private async startPool(): Promise<FtsPool> {
    if (!this.pool) {
      const { FtsPool } = await import('./fts-pool');
      this.pool = new FtsPool();
    }
    return this.pool;
  }

  /**
   * Hand the pending batch on: a large one to the pool, to be written once its rows are back,
   * while the caller reads the next; returns when the batch before it is committed.
   */
  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    const previous = this.writing;
    if (batch.length < POOLED_BATCH) {
      await previous;
      this.commit(batch, null);
      return;
    }
    const rows = (await this.startPool()).rows(batch.map((p) => p.draft));
    this.writing = previous.then(async () => this.commit(batch, await rows));
    // Its failure (a full disk) is met by the next await of it, not reported as unhandled now.
    this.writing.catch(() => undefined);
    await previous;
  }

  /** Every batch handed on is committed (a file's articles before the next file starts). */
  async settle(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  close(): void {
    this.pool?.close();
  }

  private commit(batch: Pending[], rows: PreparedArticle[] | null): void {
    const added = this.write(batch, rows) as number[];
    this.progress.imported = this.summary.imported;
    this.progress.duplicates = this.summary.duplicates;
    if (added.length) this.ctx.onCommitted?.(added);
    this.ctx.onProgress?.({ ...this.progress });
  }

  fileDone(): void {
    this.progress.filesDone++;
    this.progress.pages = null;
    this.ctx.onProgress?.({ ...this.progress });
  }
}

/** Characters of an article's text, for the batch limit (titles, leads, paragraphs, captions). */
export function approximateChars(
  draft: Pick<ArticleDraft, 'title' | 'summary' | 'blocks'>,
): number {
  let n = draft.title.length + (draft.summary?.length ?? 0);
  for (const b of draft.blocks) n += blockText(b).length;
  return n;
}

async function isLarge(file: string): Promise<boolean> {
  try {
    if ((await fs.stat(file)).size < POOLED_FILE_BYTES) return false;
  } catch {
    return false; // read here, where what is wrong with it is reported
  }
  const format = await fileFormat(file);
  return format === 'json' || format === 'gzip';
}

/** Import files and folders from this machine. */
export async function importPaths(ctx: ImportContext, paths: string[]): Promise<ImportSummary> {
  const run = new ImportRun(ctx);
  const files: string[] = [];
  for await (const item of walk(paths)) {
    if (run.stopping()) break;
    if ('error' in item)
      run.summary.failed.push({ path: item.path, error: describeError(item.error, ctx.locale) });
    else files.push(item.path);
  }
  run.progress.files = files.length;
  run.progress.failed = run.summary.failed.length;
  ctx.onProgress?.({ ...run.progress });
  try {
    for (const file of files) {
      if (run.stopping()) break;
      if (await isLarge(file)) await run.consumeLarge(file);
      else await run.consume(readFile(file, run.pages), file);
      await run.settle(); // a file's articles are committed before the next file starts
      run.fileDone();
    }
  } finally {
    await run.settle().catch(() => undefined);
    run.close();
  }
  return run.result();
}

/** Import files sent as bytes by an interface (browser upload, drag and drop). */
export async function importUploads(
  ctx: ImportContext,
  files: Array<{ name: string; bytes: Uint8Array }>,
): Promise<ImportSummary> {
  const run = new ImportRun(ctx);
  run.progress.files = files.length;
  try {
    for (const file of files) {
      if (run.stopping()) break;
      await run.consume(readBytes(file.name, file.bytes, run.pages), file.name);
      await run.settle();
      run.fileDone();
    }
  } finally {
    await run.settle().catch(() => undefined);
    run.close();
  }
  return run.result();
}

/**
 * Import drafts already read (by a reader of its own, or a test): each source's items are
 * committed before the next source starts, exactly as a file's are.
 */
export async function importItems(
  ctx: ImportContext,
  sources: Array<{ from: string; items: AsyncIterable<DraftItem> }>,
): Promise<ImportSummary> {
  const run = new ImportRun(ctx);
  run.progress.files = sources.length;
  try {
    for (const source of sources) {
      if (run.stopping()) break;
      await run.consume(source.items, source.from);
      await run.settle();
      run.fileDone();
    }
  } finally {
    await run.settle().catch(() => undefined);
    run.close();
  }
  return run.result();
}
