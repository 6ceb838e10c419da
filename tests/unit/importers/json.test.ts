import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, type DraftItem } from '../../../electron/core/importers/index';
import { recordToDraft } from '../../../electron/core/importers/json';

const FIXTURES = 'tests/fixtures/import';
const CORPUS = '/work/shared/corpus';

async function collect(path: string, limit = Infinity): Promise<DraftItem[]> {
  const items: DraftItem[] = [];
  for await (const item of readFile(path)) {
    items.push(item);
    if (items.length >= limit) break;
  }
  return items;
}

test('JSON Lines: good records import, bad ones become error items with their line', async () => {
  const path = `${FIXTURES}/records.jsonl`;
  const items = await collect(path);
  assert.equal(items.length, 6);
  const [first, wrongType, noTitle, noId, notJson, decree] = items;

  assert.ok(first.ok);
  assert.equal(first.where, `${path}#line 1`);
  assert.equal(first.draft.sourceId, 'tin-001');
  assert.equal(first.draft.date, '2024-07-15');
  assert.equal(first.draft.author, 'Hoàng Anh');
  assert.deepEqual(first.draft.tags, ['chợ phiên', 'Bình Gia']);
  // The summary repeated as the first line is not repeated in the body.
  assert.deepEqual(first.draft.blocks, [
    { type: 'p', text: 'Sáng 15/7, huyện Bình Gia khai trương chợ phiên vùng cao.' },
    { type: 'p', text: 'Chợ có hơn 120 gian hàng nông sản.' },
    { type: 'figure', caption: 'Quang cảnh chợ phiên.', credit: 'Hoàng Anh' },
    { type: 'figure', caption: 'Gian hàng rau cải', credit: 'Thu Hà' },
  ]);

  assert.ok(!wrongType.ok);
  assert.equal(wrongType.error.code, 'import.bad-json');
  assert.equal(wrongType.error.params.line, 2);
  assert.match(String(wrongType.error.params.reason), /title/);

  // A record without a title still imports, named by its body and marked so.
  assert.ok(noTitle.ok);
  assert.equal(noTitle.where, `${path}#line 3`);
  assert.equal(noTitle.draft.title, 'Nội dung vẫn có');
  assert.equal(noTitle.draft.titleOrigin, 'body');

  assert.ok(noId.ok);
  assert.equal(noId.draft.sourceId, `${path}#line 4`);

  assert.ok(!notJson.ok);
  assert.equal(notJson.error.code, 'import.bad-json');

  assert.ok(decree.ok);
  assert.equal(decree.draft.docNumber, '13/2023/NĐ-CP');
  assert.equal(decree.draft.docType, 'Nghị định');
  assert.equal(decree.draft.issuer, 'Chính phủ');
  assert.equal(decree.draft.url, 'https://congbao.example/13-2023');
  assert.equal(decree.draft.blocks.length, 3);
});

test('JSON array and a single pretty-printed object', async () => {
  const items = await collect(`${FIXTURES}/records-array.json`);
  assert.deepEqual(
    items.map((i) => (i.ok ? i.draft.sourceId : i.error.code)),
    ['mang-1', 'import.bad-json', 'mang-3'],
  );
  assert.equal(items[1].where, `${FIXTURES}/records-array.json#item 2`);
  const one = await collect(`${FIXTURES}/pretty-record.json`);
  assert.equal(one.length, 1);
  assert.ok(one[0].ok);
  assert.equal(one[0].draft.title, 'Một bản ghi định dạng đẹp');
});

test('recordToDraft output is NFC even from NFD input', () => {
  const draft = recordToDraft(
    { title: 'Dân vận khéo'.normalize('NFD'), body: 'Đoàn kết toàn dân.'.normalize('NFD') },
    1,
    'x#line 1',
  );
  assert.equal(draft.title, 'Dân vận khéo'.normalize('NFC'));
  assert.equal((draft.blocks[0] as { text: string }).text, 'Đoàn kết toàn dân.'.normalize('NFC'));
});

for (const file of [
  'baomoi-2017-35k.jsonl.gz',
  'vietnews-train-40k.jsonl.gz',
  'official-documents-vn.jsonl.gz',
]) {
  test(
    `corpus ${file}: the first 200 records import`,
    { skip: !existsSync(`${CORPUS}/${file}`) },
    async () => {
      const items = await collect(`${CORPUS}/${file}`, 200);
      assert.equal(items.length, 200);
      for (const item of items) {
        assert.ok(item.ok, item.ok ? '' : `${item.where}: ${item.error.message}`);
        assert.ok(item.draft.title.length > 0);
        assert.ok(item.draft.blocks.some((b) => b.type === 'p'));
        assert.ok(!item.draft.sourceId.includes('#'));
      }
      if (file.startsWith('baomoi'))
        assert.match(items[0].ok ? (items[0].draft.date ?? '') : '', /^2017-/);
      if (file.startsWith('vietnews')) {
        assert.ok(items.some((i) => i.ok && i.draft.blocks.some((b) => b.type === 'figure')));
      }
      if (file.startsWith('official')) {
        assert.ok(items.every((i) => i.ok && i.draft.docType));
      }
    },
  );
}

test(
  'corpus official-documents-vn.jsonl.gz streams whole: 451 ok items',
  { skip: !existsSync(`${CORPUS}/official-documents-vn.jsonl.gz`) },
  async () => {
    let ok = 0;
    let bad = 0;
    for await (const item of readFile(`${CORPUS}/official-documents-vn.jsonl.gz`)) {
      if (item.ok) ok++;
      else bad++;
    }
    assert.equal(ok, 451);
    assert.equal(bad, 0);
  },
);

test('a damaged first JSON Lines record does not lose the records after it', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/importers-json-`);
  try {
    const file = `${dir}/damaged.jsonl`;
    const good = JSON.stringify({ id: 'ok-2', title: 'Tiêu đề', body: 'Nội dung.' });
    writeFileSync(file, `{"id": "x", "title": "cut off here,\n${good}\n`);
    const items = await collect(file);
    assert.deepEqual(
      items.map((i) => (i.ok ? i.draft.sourceId : `${i.error.code} ${i.where}`)),
      [`import.bad-json ${file}#line 1`, 'ok-2'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the source comes from the record, else from the address of its origin, else its repository', () => {
  const base = { title: 'Luật Cư trú', body: 'Điều 1. Phạm vi điều chỉnh' };
  const gazette = recordToDraft(
    { ...base, origin_url: 'https://congbao.chinhphu.vn/van-ban/1.htm' },
    1,
    'docs.jsonl',
  );
  assert.equal(gazette.source, 'Công báo Chính phủ');
  assert.equal(gazette.url, 'https://congbao.chinhphu.vn/van-ban/1.htm');

  // Data exports write a missing address as "None": it is no address.
  const law = recordToDraft(
    { ...base, origin_url: 'None', source_repo: 'undertheseanlp/resources' },
    2,
    'docs.jsonl',
  );
  assert.equal(law.url, null);
  assert.equal(law.source, 'undertheseanlp/resources');

  const news = recordToDraft(
    { ...base, source: 'Báo Lạng Sơn', url: 'https://baolangson.vn/a.html' },
    3,
    'news.jsonl',
  );
  assert.equal(news.source, 'Báo Lạng Sơn');
  assert.equal(
    recordToDraft({ ...base, url: 'https://www.example.vn/x' }, 4, 'x.jsonl').source,
    'example.vn',
  );
});
