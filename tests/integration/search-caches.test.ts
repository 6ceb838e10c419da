/**
 * What a search engine keeps between searches (compiled statements, the titles it has split for
 * the title boost, decoded bodies) never outlives the data it was made from: a rename and a new
 * import are seen by the very next search on the same engine.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';

let dir: string;
let archive: Archive;

const body = (n: number) =>
  `Huyện triển khai công trình hồ chứa nước số ${n} phục vụ tưới tiêu cho bà con nông dân. ` +
  'Nguồn vốn do tỉnh cấp, thi công trong mùa khô.';

async function importRecords(name: string, records: object[]): Promise<void> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  const summary = await archive.importPaths([file]);
  assert.deepEqual(summary.failed, []);
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-caches-'));
  archive = Archive.open(path.join(dir, 'archive.db'));
  await importRecords(
    'first.jsonl',
    Array.from({ length: 12 }, (_, i) => ({
      title: `Tin thủy lợi ${i}`,
      body: body(i),
      date: `2024-03-${String(i + 1).padStart(2, '0')}`,
    })),
  );
});

after(() => {
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (query: string) => archive.search({ query, limit: 50 }).hits.map((h) => h.id);

test('a rename moves the title boost at the next search, and back again', () => {
  const before = ids('ho chua nuoc');
  assert.equal(before.length, 12);
  const last = before[before.length - 1];
  archive.renameArticle(last, 'Hồ chứa nước mới cho xã');
  assert.equal(ids('ho chua nuoc')[0], last, 'the title that now holds the query comes first');
  archive.renameArticle(last, 'Tin thủy lợi cũ');
  assert.notEqual(ids('ho chua nuoc')[0], last, 'the old title no longer lifts it');
});

test('articles imported after a search are found by the same query at once', async () => {
  assert.equal(ids('ho chua nuoc').length, 12);
  await importRecords('more.jsonl', [
    { title: 'Khánh thành hồ chứa nước', body: body(99), date: '2024-04-01' },
  ]);
  const after = archive.search({ query: 'ho chua nuoc', limit: 50 }).hits;
  assert.equal(after.length, 13);
  assert.equal(after[0].title, 'Khánh thành hồ chứa nước');
  // The snippet comes from the new article's own body.
  const hit = archive.search({ query: 'hồ chứa nước số 99', limit: 1 }).hits[0];
  assert.equal(hit.id, after[0].id);
  assert.match(hit.snippet, /99/);
});
