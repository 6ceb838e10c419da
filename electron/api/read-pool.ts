/**
 * The engine pool of a host that serves an office (`archive-reader serve`): the methods the
 * contract declares read-only (`readMethods`) go to N engine threads of their own, each with its own
 * read-only connection; every other method goes to the one writer thread (WorkerHost), as before.
 * SQLite's WAL lets the readers work beside the writer, and a reader sees a commit at its next
 * statement. What an engine keeps in memory (the catalog, the index-repair state) is looked at
 * again when the writer says so: after each of its calls, and when it has persisted a new catalog.
 *
 * Each reader answers one call at a time; calls wait in one queue and go to the first reader that
 * is free. A call whose client went away (its AbortSignal) leaves the queue at once; one already
 * running is answered by its reader (a synchronous search cannot be stopped from outside) and its
 * result dropped. A reader that dies is started again, and the call it was answering gets one clear
 * sentence. The catalog is loaded once per reader: its memory is bounded by the number of readers
 * (see the README's "Serving an office").
 */
import os from 'node:os';
import { UserError } from '../core/errors';
import type { Locale } from '../core/messages';
import { readMethods, type Envelope, type MethodName } from './contract';
import type { Dispatch } from './dispatch';
import { WorkerHost, type WorkerHostOptions } from './worker-host';

/** The environment variable that sets the number of readers (0: every call on the writer). */
export const READERS_ENV = 'ARCHIVE_READER_READERS';
const MAX_READERS = 32;

/** Readers by default: two, or one on a one-core machine; ARCHIVE_READER_READERS overrides. */
export function readerCount(
  env: NodeJS.ProcessEnv = process.env,
  cores = os.availableParallelism(),
): number {
  const given = env[READERS_ENV]?.trim();
  if (!given) return Math.min(2, cores);
  const n = Number(given);
  if (!Number.isInteger(n) || n < 0 || n > MAX_READERS) {
    throw new UserError('cli.bad-number', { value: given, option: READERS_ENV });
  }
  return n;
}

interface Job {
  method: string;
  input: unknown;
  resolve: (envelope: Envelope<unknown>) => void;
  signal?: AbortSignal;
  /** Removes the job's abort listener. */
  release: () => void;
}

interface Slot {
  host: WorkerHost | null;
  busy: boolean;
  served: number;
}

/** What the pool is doing, for tests and the load bench. */
export interface PoolLoad {
  readers: number;
  alive: number;
  busy: number;
  queued: number;
  /** Calls answered per reader. */
  served: number[];
  /** Calls whose client went away: taken out of the queue, or answered and dropped. */
  cancelled: number;
  restarts: number;
  /** By method: calls asked, calls a reader ran, calls whose client went away. */
  methods: Record<string, MethodLoad>;
}

export interface MethodLoad {
  calls: number;
  ran: number;
  cancelled: number;
}

/**
 * For tests: each call waits this long before it may take a reader, as on a slow archive, so that
 * a client that goes away meanwhile is seen to leave the queue (tests/e2e/search-abort.e2e.ts).
 */
export const DELAY_ENV = 'ARCHIVE_READER_READ_DELAY_MS';

export function readDelay(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env[DELAY_ENV] ?? 0);
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 60_000) : 0;
}

export class ReadPool {
  private readonly queue: Job[] = [];
  private cancelled = 0;
  private restarts = 0;
  private readonly methods = new Map<string, MethodLoad>();
  private closing = false;
  private readonly locale: Locale;

  private constructor(
    private readonly slots: Slot[],
    private readonly options: WorkerHostOptions,
  ) {
    this.locale = options.locale ?? 'vi';
    slots.forEach((slot) => this.watch(slot));
  }

  /** Starts `size` readers on the archive the writer has open; rejects if one cannot open it. */
  static async start(
    options: WorkerHostOptions & { size: number; delayMs?: number },
  ): Promise<ReadPool> {
    const { size, delayMs = 0, ...rest } = options;
    const readerOptions: WorkerHostOptions = { ...rest, reader: true, readOnly: true };
    const hosts = await Promise.allSettled(
      Array.from({ length: size }, () => WorkerHost.start(readerOptions)),
    );
    const failed = hosts.find((h) => h.status === 'rejected');
    if (failed) {
      await Promise.all(hosts.map((h) => (h.status === 'fulfilled' ? h.value.close() : null)));
      throw failed.reason;
    }
    const slots = hosts.map((h) => ({
      host: (h as PromiseFulfilledResult<WorkerHost>).value,
      busy: false,
      served: 0,
    }));
    const pool = new ReadPool(slots, readerOptions);
    pool.delayMs = delayMs;
    return pool;
  }

  private delayMs = 0;

  private count(method: string): MethodLoad {
    let load = this.methods.get(method);
    if (!load) this.methods.set(method, (load = { calls: 0, ran: 0, cancelled: 0 }));
    return load;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Whether a reader can answer (else the caller sends the call to the writer). */
  get available(): boolean {
    return !this.closing && this.slots.some((s) => s.host?.alive);
  }

  /** A read-only call, answered by the first free reader. Never throws. */
  call(method: string, input: unknown, signal?: AbortSignal): Promise<Envelope<unknown>> {
    const counted = this.count(method);
    counted.calls++;
    if (signal?.aborted) {
      this.cancelled++;
      counted.cancelled++;
      return Promise.resolve(this.fail(new UserError('api.cancelled')));
    }
    return new Promise((resolve) => {
      const job: Job = { method, input, resolve, signal, release: () => undefined };
      if (signal) {
        const onAbort = () => {
          const at = this.queue.indexOf(job);
          this.cancelled++;
          counted.cancelled++;
          if (at >= 0) this.queue.splice(at, 1); // it never reaches a reader
          // A running one is answered by its reader and dropped; its slot frees then.
          job.resolve(this.fail(new UserError('api.cancelled')));
          job.resolve = () => undefined;
        };
        signal.addEventListener('abort', onAbort, { once: true });
        job.release = () => signal.removeEventListener('abort', onAbort);
      }
      const enqueue = () => {
        if (signal?.aborted) return; // answered already, by onAbort
        if (this.closing) {
          job.release();
          return job.resolve(this.fail(new UserError('api.cancelled')));
        }
        this.queue.push(job);
        this.next();
      };
      if (this.delayMs) setTimeout(enqueue, this.delayMs);
      else enqueue();
    });
  }

  /** Tells every reader that the archive changed (the writer committed, or persisted a catalog). */
  refresh(): void {
    for (const slot of this.slots) slot.host?.refresh();
  }

  get load(): PoolLoad {
    return {
      readers: this.slots.length,
      alive: this.slots.filter((s) => s.host?.alive).length,
      busy: this.slots.filter((s) => s.busy).length,
      queued: this.queue.length,
      served: this.slots.map((s) => s.served),
      cancelled: this.cancelled,
      restarts: this.restarts,
      methods: Object.fromEntries([...this.methods].map(([m, load]) => [m, { ...load }])),
    };
  }

  /** The reader threads, for a test that ends one to see the pool survive it. */
  get hosts(): WorkerHost[] {
    return this.slots.flatMap((s) => (s.host ? [s.host] : []));
  }

  /** Lets running calls finish, answers queued ones with an error, and ends every reader. */
  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.queue.splice(0)) {
      job.release();
      job.resolve(this.fail(new UserError('api.cancelled')));
    }
    await Promise.all(this.slots.map((s) => s.host?.close()));
  }

  private next(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.busy || !slot.host?.alive) continue;
      void this.run(slot, slot.host, this.queue.shift()!);
    }
  }

  private async run(slot: Slot, host: WorkerHost, job: Job): Promise<void> {
    slot.busy = true;
    this.count(job.method).ran++;
    let envelope = await host.call(job.method, job.input);
    slot.busy = false;
    slot.served++;
    job.release();
    if (!envelope.ok && !host.alive && !this.closing) {
      envelope = this.fail(new UserError('api.reader-restarted'));
    }
    job.resolve(envelope);
    this.next();
  }

  /** A reader that ends while the pool is open is started again in its slot. */
  private watch(slot: Slot): void {
    const host = slot.host!;
    host.onStop((reason) => {
      if (this.closing || slot.host !== host) return;
      slot.host = null;
      this.restarts++;
      console.error(`[archive pool] a reader stopped (${reason}); starting another`);
      WorkerHost.start(this.options).then(
        (fresh) => {
          if (this.closing) return void fresh.close();
          slot.host = fresh;
          this.watch(slot);
          this.next();
        },
        (error: unknown) => {
          console.error('[archive pool] a reader could not be started again:', error);
          this.drainIfDead();
        },
      );
    });
  }

  /** With no reader left nor coming, queued calls are answered instead of waiting for ever. */
  private drainIfDead(): void {
    if (this.slots.some((s) => s.host?.alive)) return;
    for (const job of this.queue.splice(0)) {
      job.release();
      job.resolve(this.fail(new UserError('api.reader-restarted')));
    }
  }

  private fail(error: UserError): Envelope<never> {
    return { ok: false, error: { code: error.code, message: error.describe(this.locale) } };
  }
}

/**
 * The host's dispatch: read methods to the pool (while a reader is alive), everything else to the
 * writer; after each writer call and each catalog the writer persists, the readers look again.
 * Without a pool (0 readers) every call goes to the writer, as in the desktop app.
 */
export function poolDispatch(writer: WorkerHost, pool: ReadPool | null): Dispatch {
  if (!pool) return (method, input) => writer.call(method, input);
  writer.onChanged(() => pool.refresh());
  return async (method, input, signal) => {
    if (readMethods.has(method as MethodName) && pool.available) {
      return pool.call(method, input, signal);
    }
    const envelope = await writer.call(method, input);
    pool.refresh(); // before the answer leaves: the client's next read already sees the commit
    return envelope;
  };
}
