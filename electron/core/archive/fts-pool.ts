/**
 * Articles prepared off the importing thread (fts-worker.ts): index rows and packed blocks. One thread fewer than the
 * machine's cores: on a 2-core office PC, one tokenises while the other reads and writes.
 * A failed thread is not fatal: the batch is tokenised in place, as a small import always is.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ArticleDraft } from '../model';
import { prepareArticle, type PreparedArticle } from '../store/blocks';
import { sibling, startThread } from '../util/thread';

interface Job {
  resolve: (rows: PreparedArticle[]) => void;
  drafts: ArticleDraft[];
}

export class FtsPool {
  private readonly workers: Worker[] = [];
  private readonly jobs = new Map<number, Job>();
  private next = 0;
  private broken = false;
  private closed = false;

  constructor(size = Math.min(3, Math.max(1, os.availableParallelism() - 1))) {
    for (let i = 0; i < size; i++) {
      const worker = startThread(sibling(import.meta.url, 'fts-worker.ts'));
      worker.on('message', (m: { id: number; rows?: PreparedArticle[]; error?: string }) => {
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

  /** A thread died: finish what it held here, and every later batch too. */
  private fail(): void {
    this.broken = true;
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
