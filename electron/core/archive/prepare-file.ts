/**
 * One large file read whole in the import pool's thread (fts-worker.ts): parsed into drafts, each
 * given its content id, then tokenised and packed in batches, so that the importing thread only
 * writes. Reading and parsing were a sixth of that thread's time, and it is the one that bounds an
 * import: the database has one writer.
 *
 * Articles already in the archive are known here, before any tokenising (a re-import costs
 * reading only), through the caller's `known`: a read-only connection of the thread's own. Two
 * copies of one article inside an import are left to the writer, whose insert finds the second.
 */
import { describeError } from '../errors';
import { readFile } from '../importers';
import type { Locale } from '../messages';
import type { ArticleDraft } from '../model';
import { prepareArticle, type PreparedArticle } from '../store/blocks';
import { articleId } from './ids';
import { approximateChars, BATCH_ARTICLES, BATCH_CHARS } from './import';

export interface PreparedItem {
  id: string;
  /** Its blocks are left out: `prepared` carries them packed, and nothing else reads them. */
  draft: ArticleDraft;
  prepared: PreparedArticle;
}

/** How another thread opens the archive read-only (the Electron build has a binding of its own). */
export interface ArchiveLookup {
  dbPath: string;
  nativeBinding?: string;
}

export interface PreparedBatch {
  items: PreparedItem[];
  /** Items of the file that could not be read, each with its sentence in the import's language. */
  failed: Array<{ path: string; error: string }>;
  /** Articles found already in the archive. */
  duplicates: number;
}

/** The file's batches, in file order, each ready to be written in one transaction. */
export async function* preparedBatches(
  path: string,
  locale: Locale,
  known: (id: string) => boolean,
): AsyncGenerator<PreparedBatch> {
  let drafts: Array<{ id: string; draft: ArticleDraft }> = [];
  let failed: PreparedBatch['failed'] = [];
  let duplicates = 0;
  let chars = 0;
  let seen = 0;
  const take = (): PreparedBatch => {
    const batch = {
      items: drafts.map(({ id, draft }) => ({
        id,
        draft: { ...draft, blocks: [] },
        prepared: prepareArticle(draft),
      })),
      failed,
      duplicates,
    };
    [drafts, failed, duplicates, chars, seen] = [[], [], 0, 0, 0];
    return batch;
  };
  for await (const item of readFile(path)) {
    // Every item counts, whatever it turns out to be: a file of duplicates reports as it goes.
    if (seen >= BATCH_ARTICLES || chars >= BATCH_CHARS) yield take();
    seen++;
    if (!item.ok) {
      failed.push({ path: item.where, error: describeError(item.error, locale) });
      continue;
    }
    const id = articleId(item.draft);
    if (known(id)) {
      duplicates++;
      continue;
    }
    drafts.push({ id, draft: item.draft });
    chars += approximateChars(item.draft);
  }
  if (drafts.length || failed.length || duplicates) yield take();
}
