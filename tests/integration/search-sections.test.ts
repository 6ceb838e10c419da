/**
 * Search hits in official documents name the Điều (and khoản) they are in, and the snippet comes
 * from there; a news article's hits name none. Real documents: the committed extracts of the
 * corpus (tests/fixtures/sections/extracts.json), imported as JSON records, and the reference article.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const extracts = JSON.parse(
  fs.readFileSync(new URL('../fixtures/sections/extracts.json', import.meta.url), 'utf8'),
) as Array<{ id: string; number: string; type: string; title: string; paragraphs: string[] }>;

let dir: string;
let archive: Archive;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sections-'));
  const input = path.join(dir, 'input');
  fs.mkdirSync(input);
  const records = extracts.map((d) =>
    JSON.stringify({
      title: d.title,
      number: d.number,
      type: d.type,
      body: d.paragraphs.join('\n\n'),
    }),
  );
  fs.writeFileSync(path.join(input, 'laws.jsonl'), `${records.join('\n')}\n`);
  fs.copyFileSync(SEED, path.join(input, 'seed.txt'));
  archive = Archive.open(path.join(dir, 'archive.db'));
  const summary = await archive.importPaths([input]);
  assert.deepEqual(summary.failed, []);
});

after(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const first = (query: string) => archive.search({ query, limit: 5 }).hits[0];
const marks = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

const table: Array<[string, string, string, string]> = [
  [
    'nguoi chua thanh nien co the co noi cu tru khac',
    '68/2020/QH14',
    'Điều 12. Nơi cư trú của người chưa thành niên — khoản 2',
    'dieu-12-khoan-2',
  ],
  [
    'hợp tác quốc tế về quản lý cư trú',
    '68/2020/QH14',
    'Điều 6. Hợp tác quốc tế về quản lý cư trú',
    'dieu-6',
  ],
  [
    'nguoi bi cach ly do co nguy co lay lan dich benh',
    '68/2020/QH14',
    'Điều 4. Việc thực hiện quyền tự do cư trú của công dân — khoản 2',
    'dieu-4-khoan-2',
  ],
  [
    'chuyen doi hinh thuc dau tu chia tach sap nhap',
    '18/2000/QH10',
    'Điều 1. Sửa đổi, bổ sung một số điều của Luật đầu tư nước ngoài tại Việt Nam như sau — khoản 3',
    'dieu-1-khoan-3',
  ],
];

for (const [query, number, label, anchor] of table) {
  test(`"${query}" names ${anchor}`, () => {
    const hit = first(query);
    assert.equal(hit?.docNumber, number);
    assert.deepEqual({ ...hit.section, block: undefined }, { label, anchor, block: undefined });
    assert.ok(hit.section!.block >= 0);
    assert.ok(marks(hit.snippet).length > 0, hit.snippet);
  });
}

test('the snippet comes from the Điều named', () => {
  const hit = first('nguoi chua thanh nien co the co noi cu tru khac');
  const blocks = archive.getArticle(hit.id).blocks;
  const block = blocks[hit.section!.block];
  assert.ok(block.type === 'p' && block.text.startsWith('2. Người chưa thành niên'), block.type);
  // The query stands whole in khoản 2: one mark, not eleven syllables.
  assert.match(hit.snippet, /^2\. <mark>Người chưa thành niên có thể có nơi cư trú khác<\/mark>/);
});

test('a news article names no section, and its snippet quotes the body, not the repeated lead', () => {
  const hit = first('dan van lang son');
  assert.equal(hit.section, undefined);
  assert.equal(hit.title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
  // The lead glued two paragraphs ("nhân dân.Từ"); the body keeps them apart.
  assert.doesNotMatch(hit.snippet.replace(/<\/?mark>/g, ''), /nhân dân\.Từ/);
});
