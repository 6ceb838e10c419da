/**
 * Articles prepared off the importing thread (fts-worker.ts): index rows and packed blocks, and a
 * large file's reading and parsing too. One thread fewer than the machine's cores: on a 2-core
 * office PC, one reads and tokenises while the other writes.
 * A failed thread is not fatal: the batch is tokenised in place, as a small import always is, and
 * a file it was reading is read on in place.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Locale } from '../messages';
import type { ArticleDraft } from '../model';
import { prepareArticle, type PreparedArticle } from '../store/blocks';
import { sibling, startThread } from '../util/thread';
import type { ArchiveLookup, PreparedBatch } from './prepare-file';

interface Job {
  resolve: (rows: PreparedArticle[]) => void;
  drafts: ArticleDraft[];
}

/** A file being read in a thread: the batches it sent, not yet taken. */
interface Reading {
  queue: PreparedBatch[];
  ended: boolean;
  failed: boolean;
  wake: () => void;
}

/** The pool could not finish reading a file: the caller reads it (the rest of it) in place. */
export class PoolUnavailable extends Error {}

type Reply =
  | { id: number; rows?: PreparedArticle[]; error?: string }
  | { read: number; batch?: PreparedBatch; done?: true; error?: string };

export class FtsPool {
  private readonly workers: Worker[] = [];
  private readonly jobs = new Map<number, Job>();
  private readonly reads = new Map<number, Reading>();
  private next = 0;
  private broken = false;
  private closed = false;

  constructor(size = Math.min(3, Math.max(1, os.availableParallelism() - 1))) {
    for (let i = 0; i < size; i++) {
      const worker = startThread(sibling(import.meta.url, 'fts-worker.ts'));
      worker.on('message', (m: Reply) => {
        if ('read' in m) {
          this.received(m);
          return;
        }
        const job = this.jobs.get(m.id);
        if (!job) return;
        this.jobs.delete(m.id);
        job.resolve(m.rows ?? job.drafts.map(prepareArticle));
      });
      worker.on('error', () => this.fail());
      // Ended without a word (killed, out of memory): what it held is done here.
      worker.on('exit', () => {
        if (!this.closed) this.fail();
      });
      this.workers.push(worker);
    }
  }

  /** The rows of `drafts`, in order. */
  rows(drafts: ArticleDraft[]): Promise<PreparedArticle[]> {
    if (this.broken) return Promise.resolve(drafts.map(prepareArticle));
    const id = this.next++;
    return new Promise((resolve) => {
      this.jobs.set(id, { resolve, drafts });
      this.workers[id % this.workers.length].postMessage({ id, drafts });
    });
  }

  /**
   * Read, parse and prepare one file in a pool thread: its batches in file order, as they are
   * ready, the thread staying at most a few ahead of the writer. Throws PoolUnavailable when the
   * thread cannot finish it (it died, or the file threw there); what was yielded before stands.
   *
   * Each batch is handed over on a fresh turn of the event loop. The next may already be waiting
   * on the thread's port, and a caller that writes it at once, inside the same message callback,
   * would keep the host's calls (a search) waiting for the whole file. One immediate is not
   * enough: it runs before the loop polls the host's port again; two are.
   */
  async *readFile(
    path: string,
    locale: Locale,
    lookup?: ArchiveLookup,
  ): AsyncGenerator<PreparedBatch> {
    if (this.broken) throw new PoolUnavailable();
    const id = this.next++;
    const worker = this.workers[id % this.workers.length];
    const reading: Reading = { queue: [], ended: false, failed: false, wake: () => undefined };
    this.reads.set(id, reading);
    worker.postMessage({ read: id, path, locale, lookup });
    try {
      for (;;) {
        while (!reading.queue.length && !reading.ended)
          await new Promise<void>((resolve) => (reading.wake = resolve));
        const batch = reading.queue.shift();
        if (!batch) break;
        await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
        yield batch;
        worker.postMessage({ ack: id }); // written: the thread may send one more
      }
      if (reading.failed) throw new PoolUnavailable();
    } finally {
      this.reads.delete(id);
      if (!reading.ended) worker.postMessage({ stop: id }); // the caller stopped early
    }
  }

  private received(m: Extract<Reply, { read: number }>): void {
    const reading = this.reads.get(m.read);
    if (!reading) return;
    if (m.batch) reading.queue.push(m.batch);
    else [reading.ended, reading.failed] = [true, !!m.error];
    reading.wake();
  }

  /** A thread died: finish what it held here, and every later batch too. */
  private fail(): void {
    this.broken = true;
    for (const reading of this.reads.values()) {
      [reading.ended, reading.failed] = [true, true];
      reading.wake();
    }
    for (const [id, job] of this.jobs) {
      this.jobs.delete(id);
      job.resolve(job.drafts.map(prepareArticle));
    }
  }

  close(): void {
    this.closed = true;
    for (const worker of this.workers) void worker.terminate();
  }
}
