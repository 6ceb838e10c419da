/**
 * The archive engine behind a worker thread, as the desktop app runs it: a fresh archive in a
 * temporary folder, calls answered as Envelopes, progress arriving as events, errors as sentences.
 * Run by tsx, so this also proves the worker finds tsx's loader for its .ts entry.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ArchiveStats, ImportSummary } from '../../electron/api/contract';
import type { SearchResult } from '../../electron/core/model';
import { WorkerHost } from '../../electron/api/worker-host';

const ARTICLE = {
  id: 'dan-van-001',
  title: 'Làm tốt công tác dân vận ở cơ sở',
  summary: 'Xã Quang Lang đẩy mạnh phong trào dân vận khéo.',
  body: 'Xã Quang Lang đẩy mạnh phong trào dân vận khéo.\nCán bộ xã đến từng thôn lắng nghe ý kiến của người dân.',
  date: '05/01/2024',
  source: 'Báo Lạng Sơn',
};

describe('WorkerHost', () => {
  let dir: string;
  let host: WorkerHost;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-worker-'));
    host = await WorkerHost.start({ dbPath: path.join(dir, 'archive.db') });
  });

  after(async () => {
    await host?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers stats on a fresh archive', async () => {
    const envelope = await host.call('stats', {});
    assert.equal(envelope.ok, true, JSON.stringify(envelope));
    const stats = (envelope as { result: ArchiveStats }).result;
    assert.equal(stats.articles, 0);
  });

  it('imports with progress events, then finds the article without accents', async () => {
    const file = path.join(dir, 'dan-van.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(ARTICLE)}\n`);
    const progress: unknown[] = [];
    const unsubscribe = host.on('importProgress', (data) => progress.push(data));

    const imported = await host.call('importPaths', { paths: [file] });
    unsubscribe();
    assert.equal(imported.ok, true, JSON.stringify(imported));
    assert.equal((imported as { result: ImportSummary }).result.imported, 1);
    // The last progress message may trail the result by one throttle interval.
    await waitFor(() => progress.length > 0);

    const found = await host.call('search', { query: 'dan van' });
    assert.equal(found.ok, true, JSON.stringify(found));
    const result = (found as { result: SearchResult }).result;
    assert.ok(result.total >= 1, `expected a hit for "dan van", got ${result.total}`);
  });

  it('validates input inside the worker, as every host does', async () => {
    const envelope = await host.call('search', { query: 42 });
    assert.equal(envelope.ok, false);
    assert.equal((envelope as { error: { code: string } }).error.code, 'api.invalid-input');

    const unknown = await host.call('dropTables', {});
    assert.equal((unknown as { error: { code: string } }).error.code, 'api.unknown-method');
  });

  it('refuses to start on a file that is not an archive, with a sentence for the user', async () => {
    const bogus = path.join(dir, 'not-an-archive.db');
    fs.writeFileSync(bogus, 'this is not SQLite '.repeat(100));
    await assert.rejects(
      WorkerHost.start({ dbPath: bogus }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'db.not-archive');
        assert.match(error.message, /not-an-archive\.db/);
        return true;
      },
    );
  });

  it('answers calls after close with an error envelope instead of hanging', async () => {
    const other = await WorkerHost.start({ dbPath: path.join(dir, 'second.db') });
    await other.close();
    const envelope = await other.call('stats', {});
    assert.equal(envelope.ok, false);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
