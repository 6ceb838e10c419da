/**
 * Search as people type it: an unfinished last word, a word typed with accents halfway, a title
 * pasted with a dash that is punctuation, not an exclusion.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';

const SAMPLE = path.resolve(import.meta.dirname, '../../resources/sample/archive.db');
let dir: string;
let archive: Archive;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-typing-'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'archive.db'));
  const records = [
    {
      id: 'brvt',
      title: 'Bà Rịa -Vũng Tàu: 8 dự án xong đất',
      body: 'Tỉnh Bà Rịa - Vũng Tàu có 8 dự án.',
    },
    { id: 'br', title: 'Bà Rịa có mưa lớn', body: 'Mưa lớn ở Bà Rịa suốt đêm.' },
  ];
  fs.writeFileSync(path.join(dir, 'news.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  archive = Archive.open(path.join(dir, 'archive.db'));
  await archive.importPaths([path.join(dir, 'news.jsonl')]);
  await archive.warmCatalog();
});

after(() => {
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const first = (query: string, typeAhead = true) =>
  archive.search({ query, typeAhead, limit: 5 }).hits[0]?.title;

test('each keystroke of "luat cu tru" finds Luật Cư trú once the words say so', () => {
  for (const typed of ['luat cu t', 'luat cu tr', 'luat cu tru']) {
    assert.equal(first(typed), 'Luật Cư trú số 68/2020/QH14', typed);
  }
});

test('a last word of one letter waits for the next: it does not empty the results', () => {
  const withLetter = archive.search({ query: 'luat cu tru s', typeAhead: true, limit: 5 });
  const without = archive.search({ query: 'luat cu tru', typeAhead: false, limit: 5 });
  assert.deepEqual(
    withLetter.hits.map((h) => h.id),
    without.hits.map((h) => h.id),
  );
});

test('a word typed halfway with accents matches by its exact start', () => {
  const hits = archive.search({ query: 'công tác dân vậ', typeAhead: true, limit: 5 }).hits;
  assert.equal(hits[0]?.title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
});

test('a dash that would leave nothing is read as punctuation; one that leaves articles excludes', () => {
  assert.equal(first('ba ria -vung tau', false), 'Bà Rịa -Vũng Tàu: 8 dự án xong đất');
  const excluded = archive.search({ query: 'ba ria -vung' });
  assert.deepEqual(
    excluded.hits.map((h) => h.title),
    ['Bà Rịa có mưa lớn'],
  );
});
