/**
 * Preparing thread of a large import. It turns batches of drafts into their full-text rows (the
 * Vietnamese syllable work) and packed blocks (store/blocks.ts) while the importing thread reads
 * the next files and writes the previous batch; and it reads a large file whole
 * (prepare-file.ts), sending its batches ready to write, at most READ_AHEAD ahead of the writer.
 * Rows go back to the one writer; the only database here is a read-only look at which articles
 * the archive already holds.
 */
import { parentPort } from 'node:worker_threads';
import type { ArticleDraft } from '../model';
import type { Locale } from '../messages';
import { prepareArticle } from '../store/blocks';
import type { ArchiveLookup } from './prepare-file';

/** Batches of a file sent and not yet written: enough to keep the writer busy, memory bounded. */
const READ_AHEAD = 2;

interface ReadJob {
  credit: number;
  stopped: boolean;
  wake: () => void;
}

const reads = new Map<number, ReadJob>();

type Message =
  | { id: number; drafts: ArticleDraft[] }
  | { read: number; path: string; locale: Locale; lookup?: ArchiveLookup }
  | { ack: number }
  | { stop: number };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Which ids the archive holds, by a read-only connection of this thread's own. Without one (an
 * archive in memory, a file that will not open) every article goes on to the writer, whose
 * insert still finds the ones already there.
 */
async function knownIds(lookup: ArchiveLookup | undefined) {
  try {
    if (!lookup) throw new Error('no file');
    const { openDatabase } = await import('../store/db');
    const db = openDatabase(lookup.dbPath, { readOnly: true, nativeBinding: lookup.nativeBinding });
    const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
    return { has: (id: string) => exists.get(id) !== undefined, close: () => db.close() };
  } catch {
    return { has: () => false, close: () => undefined };
  }
}

async function read(m: Extract<Message, { read: number }>): Promise<void> {
  const job: ReadJob = { credit: READ_AHEAD, stopped: false, wake: () => undefined };
  reads.set(m.read, job);
  const known = await knownIds(m.lookup);
  try {
    const { preparedBatches } = await import('./prepare-file');
    for await (const batch of preparedBatches(m.path, m.locale, known.has)) {
      while (job.credit === 0 && !job.stopped) await new Promise<void>((r) => (job.wake = r));
      if (job.stopped) return;
      job.credit--;
      parentPort!.postMessage({ read: m.read, batch });
    }
    parentPort!.postMessage({ read: m.read, done: true });
  } catch (error) {
    parentPort!.postMessage({ read: m.read, error: reason(error) });
  } finally {
    known.close();
    reads.delete(m.read);
  }
}

parentPort!.on('message', (m: Message) => {
  if ('read' in m) {
    void read(m);
  } else if ('ack' in m || 'stop' in m) {
    const job = reads.get('ack' in m ? m.ack : m.stop);
    if (!job) return;
    if ('ack' in m) job.credit++;
    else job.stopped = true;
    job.wake();
  } else {
    try {
      parentPort!.postMessage({ id: m.id, rows: m.drafts.map(prepareArticle) });
    } catch (error) {
      parentPort!.postMessage({ id: m.id, error: reason(error) });
    }
  }
});
