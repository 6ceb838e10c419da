/**
 * Load on the browser host: 10 and then 50 clients at once, searching (accent-free, accented,
 * phrases, real titles, type-ahead, filters, newest first) and reading the articles they find,
 * against the whole corpus (75,000 articles) served by the real `archive-reader serve` — once on
 * one engine thread and once on the engine pool (api/read-pool.ts), the same workload
 * (bench/load.ts). On the pool every response must be 200 with a valid envelope and the server's
 * memory, sampled every 2 seconds, must stay flat (the median of the last third of the 50-client
 * run within 15 % of the first third's, after a warm-up). Prints each run's line and the two side
 * by side with their ratio; the speed targets are printed there, not judged (timings never decide
 * a test here).
 *
 * The archive is built once with the real importer into a cache folder under the system's
 * temporary folder and reused while its schema version matches (building takes a few minutes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedArchive, compareModes, comparisonTable } from '../../bench/load';

const MAX_GROWTH = 0.15;

test(
  '10 and 50 clients search and read, on one thread and on the pool: no errors, memory flat',
  { timeout: 40 * 60_000 },
  async () => {
    const db = await cachedArchive();
    const { articles, one, pool } = await compareModes(db, { ten: 30, fifty: 60 });
    console.log(comparisonTable(articles, one, pool));
    assert.ok(articles > 75_000, `${articles} articles`);
    for (const [mode, phase] of [
      ['one thread', one.fifty],
      ['pool', pool.ten],
      ['pool', pool.fifty],
    ] as const) {
      assert.deepEqual(phase.errors.slice(0, 5), [], `${mode}: ${phase.errors.length} errors`);
      // Each client waits for its requests, however slow: none may go unanswered.
      assert.ok(Math.min(...phase.answered) > 0, `${mode}: a client got no answer`);
    }
    const fifty = pool.fifty;
    assert.ok(fifty.rss.samples >= 9, `${fifty.rss.samples} memory samples`);
    assert.ok(
      fifty.rss.growth <= MAX_GROWTH,
      `server memory grew ${(fifty.rss.growth * 100).toFixed(1)} %`,
    );
  },
);
