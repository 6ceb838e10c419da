/**
 * Citation queries against a real archive (SQLite file, the importers, the API handlers): the
 * documents of tests/fixtures/law/ and a news article are imported, then "dieu 12 luat cu tru"
 * and its kin must name the place to open; the article view carries the structure; a highlight's
 * Markdown export carries its citation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { createHandlers } from '../../electron/api/handlers';
import type { ArchiveApi } from '../../electron/api/contract';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/law');
let dir: string;
let archive: Archive;
let api: ArchiveApi;
const ids = new Map<string, string>();

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'law-citations-'));
  const records = fs
    .readdirSync(FIXTURES)
    .map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as { id: string });
  records.push({
    id: 'news-1',
    title: 'Xã triển khai Luật Cư trú',
    body: 'Điều 12 của luật được cán bộ xã giải thích cho bà con.\nNgười dân hiểu rõ hơn.',
    source: 'Báo Lạng Sơn',
    date: '2024-05-09',
  } as { id: string });
  const input = path.join(dir, 'docs.jsonl');
  fs.writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  archive = Archive.open(path.join(dir, 'archive.db'));
  const summary = await archive.importPaths([input]);
  assert.deepEqual(summary.failed, []);
  api = createHandlers(archive);
  for (const item of archive.list({ limit: 50 }).items) ids.set(item.title, item.id);
});

after(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const idOf = (prefix: string) => [...ids].find(([title]) => title.startsWith(prefix))![1];

const ROWS: Array<[string, string | null, string | null, string | null]> = [
  ['dieu 12 luat cu tru', 'Luật Cư trú', 'dieu-12', 'Điều 12 Luật Cư trú số 68/2020/QH14'],
  ['"Điều 12 Luật Cư trú"', 'Luật Cư trú', 'dieu-12', 'Điều 12 Luật Cư trú số 68/2020/QH14'],
  [
    'khoản 2 điều 12 luật cư trú',
    'Luật Cư trú',
    'dieu-12-khoan-2',
    'Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14',
  ],
  [
    'diem dd khoan 2 dieu 4 luat cu tru',
    'Luật Cư trú',
    'dieu-4-khoan-2-diem-dd',
    'Điểm đ khoản 2 Điều 4 Luật Cư trú số 68/2020/QH14',
  ],
  ['Điều 38 Luật số 68/2020/QH14', 'Luật Cư trú', 'dieu-38', 'Điều 38 Luật Cư trú số 68/2020/QH14'],
  [
    'Điều 3 Nghị định 141/2026/NĐ-CP',
    'Nghị định 141/2026',
    'dieu-3',
    'Điều 3 Nghị định số 141/2026/NĐ-CP',
  ],
  ['dieu 4 nd 141/2026', 'Nghị định 141/2026', 'dieu-4', 'Điều 4 Nghị định số 141/2026/NĐ-CP'],
  // The circular's own Điều 1 comes first; its regulation's Điều 5 is the only Điều 5.
  [
    'Điều 5 Thông tư 15/2022/TT-BLĐTBXH',
    'Thông tư 15/2022',
    'dieu-5',
    'Điều 5 Thông tư số 15/2022/TT-BLĐTBXH',
  ],
  // A name after the number in the title; a type the archive holds one document of.
  [
    'Điều 5 Thông tư ban hành Quy chế quản lý, cấp phát Chứng chỉ giáo dục quốc phòng',
    'Thông tư 15/2022',
    'dieu-5',
    'Điều 5 Thông tư số 15/2022/TT-BLĐTBXH',
  ],
  ['điều 3 thông tư', 'Thông tư 15/2022', 'dieu-3', 'Điều 3 Thông tư số 15/2022/TT-BLĐTBXH'],
  // Two decrees: "Điều 3 Nghị định" names neither.
  ['điều 3 nghị định', null, null, null],
  // A khoản the Điều does not have: the Điều opens.
  ['khoản 9 điều 12 luật cư trú', 'Luật Cư trú', 'dieu-12', 'Điều 12 Luật Cư trú số 68/2020/QH14'],
  ['Điều 99 Luật Cư trú', null, null, null],
  ['Điều 12 Luật Đất đai', null, null, null],
  ['Điều 12 Nghị định 999/2026/NĐ-CP', null, null, null],
  ['cư trú', null, null, null],
];

for (const [query, title, anchor, label] of ROWS) {
  test(`search "${query}" offers ${anchor ?? 'no place'}`, async () => {
    const result = await api.search({ query });
    if (title === null) return assert.equal(result.goto ?? null, null);
    assert.deepEqual(result.goto, { articleId: idOf(title), anchor, label });
  });
}

test('the article view carries the structure; news has none', async () => {
  const law = await api.getArticle({ id: idOf('Luật Cư trú') });
  assert.equal(law.structure?.articles, 38);
  assert.equal(law.structure?.sections[0].anchor, 'chuong-i');
  const news = await api.getArticle({ id: idOf('Xã triển khai') });
  assert.equal(news.structure, null);
});

test('a highlight in khoản 2 of Điều 12 is exported to Markdown with its citation', async () => {
  const id = idOf('Luật Cư trú');
  const view = await api.getArticle({ id });
  const exact = 'Người chưa thành niên có thể có nơi cư trú khác';
  const start = view.text.indexOf(exact);
  assert.ok(start > 0);
  await api.createAnnotation({
    articleId: id,
    kind: 'highlight',
    color: 'yellow',
    selector: { exact, prefix: '', suffix: '', start, end: start + exact.length },
  });
  const file = await api.exportAnnotations({ format: 'markdown', articleId: id });
  assert.match(
    file.content,
    /> Người chưa thành niên có thể có nơi cư trú khác\n>\n> \(Khoản 2 Điều 12 Luật Cư trú số 68\/2020\/QH14\)/,
  );
});
