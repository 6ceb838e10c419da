/**
 * A regression guard on how search work grows with the archive, by counted rows, not by timers:
 * the same queries over an archive ten times larger must read only a little more (the count
 * stops at its cap, bm25 scores a bounded window, the newest-first fill reads a page). A
 * change that makes a query read every match again fails here on any machine, fast or slow.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { corpusLines, withShortBodies, writeJsonl } from '../support/corpus';

const SMALL = 2_000;
const LARGE = 20_000;
/** Broad everyday queries: common syllables, words, a phrase, a date filter, one being typed. */
const QUERIES: Array<{ query: string; from?: string; to?: string; typeAhead?: boolean }> = [
  { query: 'nam' },
  { query: 'người dân' },
  { query: 'viet nam' },
  { query: 'thanh pho ha noi' },
  { query: '"công an"' },
  { query: 'cong tac', from: '2016', to: '2018' },
  { query: 'chinh ph', typeAhead: true },
];

let dir: string;
const archives: Record<'small' | 'large', Archive> = {} as never;

/** Real articles, cut to their lead and first paragraphs so that 20,000 import in seconds. */
async function writeSlice(file: string, n: number): Promise<void> {
  const lines = await corpusLines('baomoi-2017-35k.jsonl.gz', n);
  writeJsonl(file, withShortBodies(lines, 800));
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-scale-'));
  for (const [name, n] of [
    ['small', SMALL],
    ['large', LARGE],
  ] as const) {
    const input = path.join(dir, `${name}.jsonl`);
    await writeSlice(input, n);
    archives[name] = Archive.open(path.join(dir, `${name}.db`));
    const summary = await archives[name].importPaths([input]);
    assert.deepEqual(summary.failed, []);
  }
});

after(() => {
  for (const archive of Object.values(archives)) archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('ten times the articles: broad queries read at most a little more', () => {
  const sum = { small: 0, large: 0 };
  const matches = { small: 0, large: 0 };
  const lines: string[] = [];
  for (const request of QUERIES) {
    const read = { small: 0, large: 0 };
    for (const name of ['small', 'large'] as const) {
      const result = archives[name].search({ ...request, limit: 20 });
      assert.ok(result.hits.length > 0, `${request.query}: no hits in the ${name} archive`);
      const work = archives[name].searchWork;
      read[name] = work.counted + work.scored + work.listed;
      sum[name] += read[name];
      matches[name] += result.total;
    }
    lines.push(`${request.query}: ${read.small} → ${read.large} rows`);
  }
  const growth = sum.large / sum.small;
  const matchGrowth = matches.large / matches.small;
  console.log(
    `search work, ${SMALL} → ${LARGE} articles: rows read ×${growth.toFixed(2)} ` +
      `while matches grew ×${matchGrowth.toFixed(2)} (${lines.join('; ')})`,
  );
  // The archive did grow for these queries (so the bound below means something)…
  assert.ok(matchGrowth > 5, `matches grew only ×${matchGrowth.toFixed(2)}`);
  // …and the rows a search reads did not grow with it.
  assert.ok(growth < 3, `rows read grew ×${growth.toFixed(2)} for ×10 articles`);
});

test('pages of a broad query follow one another: no article twice, none skipped', () => {
  // Past bm25's window the pages come from the newest matches the count already listed
  // (engine.ts `newest`): they must be exactly the next ones of one long list.
  for (const request of QUERIES) {
    const whole = archives.large.search({ ...request, limit: 60 }).hits.map((h) => h.id);
    const paged = [0, 20, 40].flatMap((offset) =>
      archives.large.search({ ...request, limit: 20, offset }).hits.map((h) => h.id),
    );
    assert.equal(whole.length, 60, `${request.query}: ${whole.length} hits`);
    assert.deepEqual(paged, whole, request.query);
    assert.equal(new Set(whole).size, whole.length, `${request.query}: an article twice`);
  }
});
