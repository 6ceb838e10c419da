/**
 * Runs the archive engine in a worker thread, so the Electron main process (and with it every
 * window) never stalls while SQLite and Lunr work: a 75,000-article import, an index rebuild.
 *
 * Messages are small and typed: a call `{seq, method, input}` is answered by `{seq, envelope}`;
 * the engine's progress arrives as `{event, data}`. Like `dispatch`, `call` never throws: a worker
 * that died answers every call with an error Envelope.
 */
import { Worker } from 'node:worker_threads';
import { describeError } from '../core/errors';
import { sibling, startThread } from '../core/util/thread';
import type { Locale } from '../core/messages';
import type { ApiEvents, Envelope } from './contract';

export interface WorkerOptions {
  dbPath: string;
  readOnly?: boolean;
  /** The host serves other machines: methods that read this machine's files are refused. */
  remote?: boolean;
  /** A better-sqlite3 binary built for this runtime when node_modules holds another (Electron). */
  nativeBinding?: string;
  locale?: Locale;
  /** Watch this inbox folder for this run, instead of the one set in the archive. */
  inbox?: string;
  /** A reader of the engine pool (read-pool.ts): read-only, no inbox, backups or catalog builds. */
  reader?: boolean;
}

export interface WorkerHostOptions extends WorkerOptions {
  /** The worker script; by default worker-entry.ts (under tsx) or worker-entry.js beside this file. */
  entry?: string;
}

export type ToWorker =
  | { type: 'call'; seq: number; method: string; input: unknown }
  | { type: 'close' }
  /** Another connection changed the archive: look again at what is kept in memory. */
  | { type: 'refresh' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: { code: string; message: string } }
  | { type: 'result'; seq: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: keyof ApiEvents; data: unknown }
  /** The writer persisted a new catalog or finished an index repair (readers look again). */
  | { type: 'changed' }
  | { type: 'closed' };

type Listener = (data: never) => void;

export class WorkerHost {
  private seq = 0;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopped: string | null = null;
  private closing: Promise<void> | null = null;
  private readonly stopListeners = new Set<(reason: string) => void>();
  private readonly changeListeners = new Set<() => void>();

  private constructor(
    private readonly worker: Worker,
    private readonly locale: Locale,
  ) {
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.stop(describeError(error, locale)));
    worker.on('exit', (code) => this.stop(`worker exited (${code})`));
  }

  /** Starts the worker and resolves once the archive is open; rejects with the user's sentence if it cannot be opened. */
  static start(options: WorkerHostOptions): Promise<WorkerHost> {
    const { entry, ...workerData } = options;
    // startThread prefers the compiled worker-entry.js beside this file (the Electron bundle).
    const worker = startThread(entry ?? sibling(import.meta.url, 'worker-entry.ts'), {
      workerData,
    });
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === 'ready') {
          cleanup();
          resolve(new WorkerHost(worker, options.locale ?? 'vi'));
        } else if (message.type === 'failed') {
          cleanup();
          void worker.terminate();
          reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        }
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`The archive worker exited (${code}) before it was ready.`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  call(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.stopped !== null || this.closing) return Promise.resolve(this.failure());
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      try {
        this.worker.postMessage({ type: 'call', seq, method, input } satisfies ToWorker);
      } catch (error) {
        // Input that cannot be cloned (a function, a DOM object) is the caller's mistake, not a crash.
        this.pending.delete(seq);
        resolve({
          ok: false,
          error: { code: 'api.invalid-input', message: describeError(error, this.locale) },
        });
      }
    });
  }

  /** False once the thread has ended (closed, crashed or terminated). */
  get alive(): boolean {
    return this.stopped === null;
  }

  /** Called once when the thread ends, whatever the reason. */
  onStop(listener: (reason: string) => void): void {
    this.stopListeners.add(listener);
  }

  /** Called when the thread persisted a new catalog or repaired the index (readers look again). */
  onChanged(listener: () => void): void {
    this.changeListeners.add(listener);
  }

  /** Tells the thread that another connection changed the archive (read-pool.ts). */
  refresh(): void {
    if (this.alive && !this.closing)
      this.worker.postMessage({ type: 'refresh' } satisfies ToWorker);
  }

  /** Ends the thread at once, without a backup: its running call is answered with an error. */
  terminate(): Promise<void> {
    return this.worker.terminate().then(() => undefined);
  }

  on<E extends keyof ApiEvents>(event: E, callback: (data: ApiEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(callback as Listener);
    return () => set.delete(callback as Listener);
  }

  /**
   * Lets running calls finish, makes the backup on quit, closes the archive (checkpointing the
   * WAL), then ends the thread; one that has not ended after a minute is stopped.
   */
  close(): Promise<void> {
    if (this.stopped !== null) return Promise.resolve();
    this.closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => void this.worker.terminate(), 60_000);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    return this.closing;
  }

  private receive(message: FromWorker): void {
    if (message.type === 'result') {
      this.pending.get(message.seq)?.(message.envelope);
      this.pending.delete(message.seq);
    } else if (message.type === 'changed') {
      for (const listener of this.changeListeners) listener();
    } else if (message.type === 'event') {
      for (const listener of this.listeners.get(message.event) ?? []) {
        (listener as (data: unknown) => void)(message.data);
      }
    }
  }

  private stop(reason: string): void {
    if (this.stopped !== null) return;
    this.stopped = reason;
    for (const resolve of this.pending.values()) resolve(this.failure());
    this.pending.clear();
    for (const listener of this.stopListeners) listener(reason);
  }

  private failure(): Envelope<never> {
    const detail = this.stopped ?? 'closing';
    return {
      ok: false,
      error: { code: 'internal', message: describeError(new Error(detail), this.locale) },
    };
  }
}
