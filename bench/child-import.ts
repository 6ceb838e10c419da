/**
 * The import as the desktop and browser hosts run it: the engine in its worker thread
 * (`WorkerHost`, started on bench/engine-thread.ts, which is the hosts' own worker entry plus a
 * lag probe), the tier's files imported through the API's `importPaths`. Measured meanwhile: the
 * main thread's event-loop lag (what a window or an HTTP request waits), the engine thread's own
 * stall, the process's peak RSS (main thread, engine thread, its tokenising pool). Then: is the
 * last imported record found by a search at once, and how long until the catalog the host
 * rebuilds in the background after an import is persisted (and the peak RSS with it).
 *
 * The child ends without closing the host (closing makes the host's backup on quit, a copy of
 * the whole archive): `settle` then checkpoints and closes the archive in a fresh process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import type { ImportProgress, ImportSummary } from '../electron/api/contract';
import type { SearchResult } from '../electron/core/model';
import { emit, mb, type ChildArgs } from './child-util';
import { LAG_CHANNEL, LoopLag, peakRssBytes, RssSampler, type LagFigures } from './memory';

const ENGINE_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'engine-thread.ts');

/** Ask the engine's thread (engine-thread.ts) to reset or report its own event-loop delay. */
function askEngine(channel: BroadcastChannel, request: 'reset' | 'read'): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 10_000);
    channel.onmessage = (message: unknown) => {
      clearTimeout(timer);
      resolve((message as { data?: unknown }).data ?? null);
    };
    channel.postMessage(request);
  });
}

/** Files persisted beside the archive under its name (the catalog), newest change first. */
function newestBeside(db: string, prefix: string): number {
  const dir = path.dirname(db);
  let newest = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(`${path.basename(db)}${prefix}`) || name.endsWith('.tmp')) continue;
    newest = Math.max(newest, fs.statSync(path.join(dir, name)).mtimeMs);
  }
  return newest;
}

/** Wait until the catalog's manifest (written after its segments) is newer than `since` (ms). */
async function waitForCatalog(db: string, since: number, limitMs: number): Promise<boolean> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (newestBeside(db, '.catalog.json') > since) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export async function importMode(args: ChildArgs): Promise<void> {
  const sampler = new RssSampler().start(100);
  const { WorkerHost } = await import('../electron/api/worker-host');
  const engine = await WorkerHost.start({ dbPath: args.db, entry: ENGINE_ENTRY });
  const channel = new BroadcastChannel(LAG_CHANNEL);
  channel.unref();
  const probe = (await askEngine(channel, 'reset')) !== null;
  let progressEvents = 0;
  engine.on('importProgress', (_: ImportProgress) => void progressEvents++);

  const mainLag = new LoopLag().start();
  const started = performance.now();
  const envelope = await engine.call('importPaths', { paths: args.files! });
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const endedAt = Date.now();
  const main = mainLag.stop();
  const engineLag = probe ? ((await askEngine(channel, 'read')) as { lag?: LagFigures }) : null;
  const peakImport = peakRssBytes() ?? sampler.peak;
  if (!envelope.ok) throw new Error(`importPaths failed: ${envelope.error.message}`);
  const summary = envelope.result as ImportSummary;

  // The last record imported, searched for by its exact title the moment the import returns.
  let searchable: { ms: number; found: boolean; total: number } | null = null;
  if (args.last) {
    const t0 = performance.now();
    const found = await engine.call('search', { query: args.last.title, limit: 10 });
    const ms = performance.now() - t0;
    const result = found.ok ? (found.result as SearchResult) : null;
    const { id, title } = args.last;
    searchable = {
      ms,
      total: result?.total ?? 0,
      found: !!result?.hits.some((h) => h.sourceId === id || h.title === title),
    };
  }

  // The host rebuilds the catalog in a thread of its own after an import and persists it; a
  // search for a word no article holds then makes the engine thread load it (fuzzy rescue).
  let catalogSeconds: number | null = null;
  const limitMs = Math.min(15 * 60_000, Math.max(60_000, seconds * 1500));
  if (summary.imported > 0 && (await waitForCatalog(args.db, endedAt, limitMs))) {
    await engine.call('search', { query: 'xqzw', limit: 10 });
    catalogSeconds = (performance.now() - ended) / 1000;
  }
  const sampled = sampler.stop();
  emit({
    imported: summary.imported,
    duplicates: summary.duplicates,
    failed: summary.failed.length,
    failures: summary.failed.slice(0, 5),
    seconds,
    catalogSeconds,
    peakRssMb: mb(peakImport),
    peakRssWithCatalogMb: catalogSeconds === null ? null : mb(peakRssBytes() ?? sampled.peakBytes),
    sampledPeakRssMb: mb(sampled.peakBytes),
    rssSamples: sampled.samples,
    progressEvents,
    mainLoop: main,
    engineLoop: engineLag?.lag ?? null,
    searchable,
  });
  // Not engine.close(): see the comment at the top. The archive is settled in the next child.
  process.exit(0);
}

/** After the import child: checkpoint the WAL and close the archive as the engine closes it. */
export async function settleMode(args: ChildArgs): Promise<void> {
  const { Archive } = await import('../electron/core/archive/archive');
  const started = performance.now();
  const archive = Archive.open(args.db);
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  emit({ seconds: (performance.now() - started) / 1000 });
}
