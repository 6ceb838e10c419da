/**
 * Preparing thread of a large import: turns batches of drafts into their full-text rows (the
 * Vietnamese syllable work) and packed blocks (store/blocks.ts) while the importing thread reads
 * the next files and writes the previous batch. No database here: rows go back to the one writer.
 */
import { parentPort } from 'node:worker_threads';
import type { ArticleDraft } from '../model';
import { prepareArticle } from '../store/blocks';

parentPort!.on('message', (message: { id: number; drafts: ArticleDraft[] }) => {
  try {
    parentPort!.postMessage({ id: message.id, rows: message.drafts.map(prepareArticle) });
  } catch (error) {
    parentPort!.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
