/**
 * Importing files into the archive. Drafts are written in batches, one transaction each: a crash
 * or a bad file keeps every batch committed before it, and no article is ever half-written (the
 * article row and its full-text row share a transaction). Bad files are listed, never fatal.
 */
import type { ImportProgress, ImportSummary } from '../../api/contract';
import { describeError } from '../errors';
import type { Locale } from '../messages';
import type { ArticleDraft } from '../model';
import { readBytes, readFile, walk, type DraftItem } from '../importers';
import type { Db } from '../store/db';
import type { ArticleStore } from '../store/articles';
import { articleId } from './ids';

const BATCH_ARTICLES = 400;
const BATCH_CHARS = 8_000_000;
const MAX_REPORTED_IDS = 1000;

export interface ImportContext {
  db: Db;
  articles: ArticleStore;
  locale: Locale;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each committed batch with the rowids it added (the catalog indexes them). */
  onCommitted?: (rowids: number[]) => void;
}

interface Pending {
  draft: ArticleDraft;
  from: string;
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

  constructor(private readonly ctx: ImportContext) {
    this.write = ctx.db.transaction((batch: Pending[]) => {
      const added: number[] = [];
      for (const { draft, from } of batch) {
        const id = articleId(draft);
        const rowid = ctx.articles.insert(id, draft, this.importedAt, from);
        if (rowid === null) {
          this.summary.duplicates++;
          continue;
        }
        this.summary.imported++;
        if (this.summary.articleIds.length < MAX_REPORTED_IDS) this.summary.articleIds.push(id);
        added.push(rowid);
      }
      return added;
    });
  }

  async consume(items: AsyncIterable<DraftItem>, from: string): Promise<void> {
    this.progress.current = from;
    for await (const item of items) {
      if (!item.ok) {
        this.summary.failed.push({
          path: item.where,
          error: describeError(item.error, this.ctx.locale),
        });
        this.progress.failed = this.summary.failed.length;
        continue;
      }
      this.pending.push({ draft: item.draft, from });
      this.pendingChars += approximateChars(item.draft);
      if (this.pending.length >= BATCH_ARTICLES || this.pendingChars >= BATCH_CHARS) this.flush();
    }
  }

  flush(): void {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    const added = this.write(batch) as number[];
    this.progress.imported = this.summary.imported;
    this.progress.duplicates = this.summary.duplicates;
    if (added.length) this.ctx.onCommitted?.(added);
    this.ctx.onProgress?.({ ...this.progress });
  }

  fileDone(): void {
    this.progress.filesDone++;
    this.ctx.onProgress?.({ ...this.progress });
  }
}

function approximateChars(draft: ArticleDraft): number {
  let n = draft.title.length + (draft.summary?.length ?? 0);
  for (const b of draft.blocks) n += b.type === 'p' ? b.text.length : b.caption.length;
  return n;
}

/** Import files and folders from this machine. */
export async function importPaths(ctx: ImportContext, paths: string[]): Promise<ImportSummary> {
  const run = new ImportRun(ctx);
  const files: string[] = [];
  for await (const item of walk(paths)) {
    if ('error' in item)
      run.summary.failed.push({ path: item.path, error: describeError(item.error, ctx.locale) });
    else files.push(item.path);
  }
  run.progress.files = files.length;
  run.progress.failed = run.summary.failed.length;
  ctx.onProgress?.({ ...run.progress });
  for (const file of files) {
    await run.consume(readFile(file), file);
    run.flush(); // a file's articles are committed before the next file starts
    run.fileDone();
  }
  run.progress.current = null;
  ctx.onProgress?.({ ...run.progress });
  return run.summary;
}

/** Import files sent as bytes by an interface (browser upload, drag and drop). */
export async function importUploads(
  ctx: ImportContext,
  files: Array<{ name: string; bytes: Uint8Array }>,
): Promise<ImportSummary> {
  const run = new ImportRun(ctx);
  run.progress.files = files.length;
  for (const file of files) {
    await run.consume(readBytes(file.name, file.bytes), file.name);
    run.flush();
    run.fileDone();
  }
  run.progress.current = null;
  ctx.onProgress?.({ ...run.progress });
  return run.summary;
}
