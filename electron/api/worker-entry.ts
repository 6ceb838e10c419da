/**
 * The archive engine's thread: opens the archive, answers calls through the same guard as every
 * host (`createDispatch`), and forwards the engine's progress events, throttled so a large import
 * does not flood the window with messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Archive } from '../core/archive/archive';
import { UserError, describeError } from '../core/errors';
import type { ApiEvents } from './contract';
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
const post = (message: FromWorker) => port.postMessage(message);

let archive: Archive;
try {
  archive = Archive.open(options.dbPath, {
    readOnly: options.readOnly,
    nativeBinding: options.nativeBinding,
    locale,
    backgroundCatalog: true,
  });
} catch (error) {
  const code = error instanceof UserError ? error.code : 'internal';
  post({ type: 'failed', error: { code, message: describeError(error, locale) } });
  // Ends this thread only. Rethrowing would raise an 'error' event nobody listens to any more.
  process.exit(1);
}

const dispatch = createDispatch(createHandlers(archive), {
  readOnly: options.readOnly,
  remote: options.remote,
  locale,
  onInternalError: (error, method) => console.error(`[archive worker] ${method}:`, error),
});

for (const event of ['importProgress', 'indexProgress'] as const) {
  archive.events.on(event, throttle(event));
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    clearInterval(dailyBackups);
    archive.inbox.stop();
    // A backup on quit when anything changed since the newest one (store/backup.ts), then close.
    void automaticBackup(archive.db, options.dbPath, 'quit')
      .then(logBackup)
      .finally(() => {
        archive.close();
        post({ type: 'closed' });
        port.close();
      });
    return;
  }
  void dispatch(message.method, message.input).then((envelope) =>
    post({ type: 'result', seq: message.seq, envelope }),
  );
});

post({ type: 'ready' });
// The inbox folder (off unless set in the archive or given for this run) is watched here.
if (!options.readOnly) archive.inbox.start(options.inbox);
// The catalog (type-ahead, fuzzy titles) loads or builds in its own thread; search works meanwhile.
void archive.warmCatalog();
// A full-text index found incomplete at open is filled in here, page by page, with progress.
// A failure (a full disk) leaves the rest to the next start; searching keeps scanning meanwhile.
archive.repairIndex().catch((error) => console.error('[archive worker] index repair:', error));
// The daily automatic backup: at start when the newest is older than a day, then checked hourly.
const backupIfDue = () => void automaticBackup(archive.db, options.dbPath, 'daily').then(logBackup);
const dailyBackups = setInterval(backupIfDue, 60 * 60 * 1000).unref();
backupIfDue();

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
