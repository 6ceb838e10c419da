/**
 * Type-ahead (search/suggest.ts) on a real archive: one word typed lists the titles that start
 * with it before those that only hold it; when too few start with it, the others still come;
 * accents are optional and a word may be unfinished.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';

let dir: string;
let archive: Archive;

const STARTING = Array.from({ length: 10 }, (_, i) => ({
  id: `cong-${i}`,
  title: `Công trình số ${i + 1} của xã được nghiệm thu`,
  body: `Công trình số ${i + 1} đã hoàn thành.`,
}));
const INSIDE = [
  { id: 'inside-1', title: 'Xã đẩy nhanh công trình nước sạch', body: 'Nước sạch về thôn.' },
  { id: 'inside-2', title: 'Huyện kiểm tra công tác dân vận', body: 'Dân vận khéo.' },
];
/** Short titles holding "cô" inside outrank the long ones above by bm25, and outnumber them. */
const MANY_INSIDE = Array.from({ length: 80 }, (_, i) => ({
  id: `co-${i}`,
  title: `Thăm cô ${i}`,
  body: 'Cô giáo vùng cao.',
}));
const ONLY_INSIDE = [
  { id: 'hoa-1', title: 'Tổ hòa giải ở cơ sở họp', body: 'Hòa giải viên họp tổ.' },
  { id: 'hoa-2', title: 'Mùa hoa ban nở', body: 'Hoa ban trắng núi rừng.' },
];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-suggest-'));
  const file = path.join(dir, 'news.jsonl');
  const records = [...INSIDE, ...STARTING, ...MANY_INSIDE, ...ONLY_INSIDE];
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  archive = Archive.open(path.join(dir, 'archive.db'));
  await archive.importPaths([file]);
});

after(() => {
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const titles = (typed: string, limit = 8) =>
  archive.suggest(typed, limit).items.map((s) => s.title);

test('one word typed: titles that start with it, even unfinished and without accents', () => {
  // More than the 60 candidates FTS5 ranks hold "cô" inside, in shorter titles: still the
  // titles that start with the word are the ones listed.
  for (const typed of ['cong', 'cô', 'co']) {
    const found = titles(typed);
    assert.equal(found.length, 8, typed);
    assert.ok(
      found.every((t) => t.startsWith('Công trình')),
      `${typed}: ${found.join(' | ')}`,
    );
  }
});

test('too few titles start with the word: those holding it inside follow', () => {
  const found = titles('hoa');
  assert.deepEqual(new Set(found), new Set(['Tổ hòa giải ở cơ sở họp', 'Mùa hoa ban nở']));
  const some = titles('cong', 20);
  for (const inside of INSIDE) assert.ok(some.includes(inside.title), inside.title);
});

test('several words keep their order, from anywhere in the title', () => {
  assert.deepEqual(titles('cong trinh nuoc'), ['Xã đẩy nhanh công trình nước sạch']);
  assert.deepEqual(titles('cong tac dan v'), ['Huyện kiểm tra công tác dân vận']);
});
