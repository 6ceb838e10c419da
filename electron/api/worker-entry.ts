/**
 * The archive engine's thread: opens the archive, answers calls through the same guard as every
 * host (`createDispatch`), and forwards the engine's progress events, throttled so a large import
 * does not flood the window with messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Archive } from '../core/archive/archive';
import { UserError, describeError } from '../core/errors';
import { readMethods, type ApiEvents, type MethodName } from './contract';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import { automaticBackup } from '../core/store/backup';
import type { FromWorker, ToWorker, WorkerOptions } from './worker-host';
import { boundHeapGrowth } from '../core/util/heap';

boundHeapGrowth();

const EVENT_INTERVAL_MS = 100;
const port = parentPort!;
const options = workerData as WorkerOptions;
const locale = options.locale ?? 'vi';
// A reader of the engine pool (read-pool.ts) opens the archive read-only and follows the writer.
const reader = options.reader ?? false;
const readOnly = options.readOnly || reader;
const post = (message: FromWorker) => port.postMessage(message);

let archive: Archive;
try {
  archive = Archive.open(options.dbPath, {
    readOnly,
    nativeBinding: options.nativeBinding,
    locale,
    backgroundCatalog: !reader,
    followCatalog: reader,
  });
} catch (error) {
  const code = error instanceof UserError ? error.code : 'internal';
  post({ type: 'failed', error: { code, message: describeError(error, locale) } });
  // Ends this thread only. Rethrowing would raise an 'error' event nobody listens to any more.
  process.exit(1);
}

const dispatch = createDispatch(createHandlers(archive), {
  readOnly,
  remote: options.remote,
  locale,
  onInternalError: (error, method) => console.error(`[archive worker] ${method}:`, error),
});

for (const event of ['importProgress', 'indexProgress'] as const) {
  archive.events.on(event, throttle(event));
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'refresh') return archive.refresh();
  if (message.type === 'close') {
    clearInterval(dailyBackups);
    archive.inbox.stop();
    // A backup on quit when anything changed since the newest one (store/backup.ts), then close.
    // A reader changed nothing and makes none.
    void (reader ? Promise.resolve({}) : automaticBackup(archive.db, options.dbPath, 'quit'))
      .then(logBackup)
      .finally(() => {
        archive.close();
        post({ type: 'closed' });
        port.close();
      });
    return;
  }
  void dispatch(message.method, message.input).then((envelope) => {
    post({ type: 'result', seq: message.seq, envelope });
    // A write may have changed what the catalog holds (a note, an import): it is brought up to
    // date now rather than at the next search, which a host with readers never sends here.
    if (!reader && !readMethods.has(message.method as MethodName)) warmCatalog();
  });
});

/** Loads or builds the catalog; then the host's readers are told to look at it again. */
function warmCatalog(): void {
  void archive.warmCatalog().then(() => post({ type: 'changed' }));
}

post({ type: 'ready' });
// The inbox folder (off unless set in the archive or given for this run) is watched here.
if (!readOnly) archive.inbox.start(options.inbox);
// The catalog (type-ahead, fuzzy titles) loads or builds in its own thread; search works meanwhile.
// A reader loads the one the writer persisted.
if (reader) void archive.warmCatalog();
else warmCatalog();
// A full-text index found incomplete at open is filled in here, page by page, with progress.
// A failure (a full disk) leaves the rest to the next start; searching keeps scanning meanwhile.
archive
  .repairIndex()
  .then((n) => n && post({ type: 'changed' }))
  .catch((error) => console.error('[archive worker] index repair:', error));
// The daily automatic backup: at start when the newest is older than a day, then checked hourly.
const backupIfDue = () => void automaticBackup(archive.db, options.dbPath, 'daily').then(logBackup);
const dailyBackups = reader ? undefined : setInterval(backupIfDue, 60 * 60 * 1000).unref();
if (!reader) backupIfDue();

function logBackup(result: { error?: string }): void {
  if (result.error) console.error(`[archive worker] backup: ${result.error}`);
}

/**
 * At most one message per interval, and always the last one: the engine may emit progress from
 * inside a synchronous import, when timers cannot run, so the leading edge is time-based and the
 * trailing edge a timer that fires once the thread is free again.
 */
function throttle<E extends keyof ApiEvents>(event: E) {
  let last = 0;
  let pending: { data: ApiEvents[E] } | null = null;
  let timer: NodeJS.Timeout | null = null;
  const send = (data: ApiEvents[E]) => {
    last = Date.now();
    pending = null;
    post({ type: 'event', event, data });
  };
  return (data: ApiEvents[E]) => {
    if (Date.now() - last >= EVENT_INTERVAL_MS) return send(data);
    pending = { data };
    timer ??= setTimeout(() => {
      timer = null;
      if (pending) send(pending.data);
    }, EVENT_INTERVAL_MS);
  };
}
