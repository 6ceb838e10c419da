/**
 * Tokenising thread of a large import: turns batches of drafts into their full-text rows (the
 * Vietnamese syllable work, the import's largest cost) while the importing thread reads the next
 * files and writes the previous batch. No database here: rows go back to the one writer.
 */
import { parentPort } from 'node:worker_threads';
import type { ArticleDraft } from '../model';
import { ftsRow } from '../search/fts-text';

parentPort!.on('message', (message: { id: number; drafts: ArticleDraft[] }) => {
  try {
    parentPort!.postMessage({ id: message.id, rows: message.drafts.map(ftsRow) });
  } catch (error) {
    parentPort!.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
