import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib, { gunzipSync } from 'node:zlib';
import { readBytes, readFile, type DraftItem } from '../../../electron/core/importers/index';
import { officeDraft } from '../../../electron/core/importers/office/compose';
import { UserError } from '../../../electron/core/errors';
import { blockText } from '../../../electron/core/archive/layout';
import type { ArticleDraft, Block } from '../../../electron/core/model';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/office');
const CORPUS = '/work/shared/corpus/official-documents-vn.jsonl.gz';
const source = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'source.json'), 'utf8'));

async function items(file: string): Promise<DraftItem[]> {
  const out: DraftItem[] = [];
  for await (const item of readFile(file)) out.push(item);
  return out;
}

async function draftOf(name: string): Promise<ArticleDraft> {
  const all = await items(path.join(FIXTURES, name));
  assert.equal(all.length, 1);
  const [item] = all;
  assert.ok(item.ok, `${name}: ${item.ok ? '' : item.error.describe('en')}`);
  return item.draft;
}

/** Every text the reader sees: block texts and, for tables, each cell. */
function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : [blockText(b)]));
}

const of = <T extends Block['type']>(blocks: Block[], type: T) =>
  blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

test(
  'the fixtures hold the corpus documents they were made from',
  { skip: !fs.existsSync(CORPUS) },
  () => {
    const wanted = new Set([source.official.id, source.tcvn3.id]);
    for (const line of gunzipSync(fs.readFileSync(CORPUS)).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line);
      if (!wanted.has(record.id)) continue;
      const paragraphs = record.body
        .split(/\n\s*\n/)
        .map((p: string) => p.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      const expected = record.id === source.official.id ? source.official : source.tcvn3;
      assert.deepEqual(paragraphs, expected.paragraphs);
      wanted.delete(record.id);
    }
    assert.equal(wanted.size, 0);
  },
);

for (const name of ['official.docx', 'official.odt', 'official.doc']) {
  test(`${name}: every paragraph, the official header, the footnote and the original`, async () => {
    const all = await items(path.join(FIXTURES, name));
    const [item] = all;
    assert.ok(item.ok);
    const { draft } = item;
    const seen = new Set(texts(draft.blocks));
    // Word 97–2003 text keeps no list numbering: a numbered paragraph loses its "1. ".
    const structured = !name.endsWith('.doc');
    for (const paragraph of source.official.paragraphs as string[]) {
      const expected = structured ? paragraph : paragraph.replace(/^\d+\.\s+/, '');
      const found = seen.has(expected) || [...seen].some((t) => t === `${expected}[1]`);
      assert.ok(found, `${name}: missing “${expected}”`);
    }
    assert.equal(draft.docNumber, source.official.number);
    assert.equal(draft.docType, source.official.type);
    assert.equal(draft.issuer, source.official.issuer);
    assert.equal(draft.date, source.official.date);
    assert.equal(draft.place, 'Hà Nội');
    assert.match(draft.title, /^Thông tư 09\/2021\/TT-BLĐTBXH sửa đổi, bổ sung/);
    assert.equal(draft.titleOrigin, undefined);
    assert.equal(draft.encoding, null);
    assert.deepEqual(of(draft.blocks, 'footnote'), [
      { type: 'footnote', ...source.official.footnote },
    ]);
    // The footnote's mark stays where it was in the text.
    const noted = (source.official.paragraphs as string[]).find((p) => p.startsWith('Căn cứ'));
    if (structured) assert.ok(seen.has(`${noted}[1]`));
    const tables = of(draft.blocks, 'table');
    assert.deepEqual(tables[0].rows, source.official.headerRows);
    assert.deepEqual(tables[1].rows, source.official.facts);
    assert.ok(item.ok && item.original);
    assert.equal(item.original.name, name);
    assert.deepEqual(item.original.bytes, fs.readFileSync(path.join(FIXTURES, name)));
    assert.equal(
      item.original.mediaType,
      {
        docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        odt: 'application/vnd.oasis.opendocument.text',
        doc: 'application/msword',
      }[name.split('.')[1]],
    );
  });
}

for (const name of ['official.docx', 'official.odt']) {
  test(`${name}: headings by level, numbered and bulleted lists with their depth`, async () => {
    const draft = await draftOf(name);
    assert.deepEqual(
      of(draft.blocks, 'heading').map(({ level, text }) => ({ level, text })),
      source.official.headings,
    );
    const items = of(draft.blocks, 'li');
    assert.deepEqual(
      items.filter((i) => i.ordered).map((i) => i.text),
      source.official.numbered,
    );
    assert.ok(items.filter((i) => i.ordered).every((i) => i.depth === 0));
    assert.deepEqual(
      items.filter((i) => !i.ordered).map(({ text, depth }) => ({ text, depth })),
      source.official.bullets,
    );
  });
}

for (const name of ['tcvn3.docx', 'tcvn3.odt', 'tcvn3-style.docx', 'tcvn3-style.odt']) {
  test(`${name}: a document typed in .VnTime/.VnTimeH converts exactly`, async () => {
    const draft = await draftOf(name);
    assert.equal(draft.encoding, 'tcvn3');
    assert.deepEqual(texts(draft.blocks), source.tcvn3.paragraphs);
    assert.equal(draft.docNumber, '1373/QĐ-BKHĐT');
    assert.equal(draft.issuer, 'Bộ Kế hoạch và Đầu tư');
    assert.equal(draft.date, '2022-07-29');
  });
}

test('vni.docx: the same document in VNI-Times converts exactly too', async () => {
  const draft = await draftOf('vni.docx');
  assert.equal(draft.encoding, 'vni');
  assert.deepEqual(texts(draft.blocks), source.tcvn3.paragraphs);
});

test('tcvn3.doc: no font names in the text, so the text itself gives TCVN3 away', async () => {
  const draft = await draftOf('tcvn3.doc');
  assert.equal(draft.encoding, 'tcvn3');
  // Without fonts, the capitals typed in .VnTimeH read as the small letters they are coded as.
  assert.deepEqual(
    texts(draft.blocks).map((t) => t.toLowerCase()),
    (source.tcvn3.paragraphs as string[]).map((t) => t.toLowerCase()),
  );
});

const BAD: Record<string, string> = {
  'corrupted.docx': 'import.office-damaged',
  'bomb.docx': 'import.zip-bomb',
  'lying-bomb.docx': 'import.office-damaged',
  'truncated.docx': 'import.zip-damaged',
  'encrypted.doc': 'import.office-encrypted',
  'encrypted.docx': 'import.office-encrypted',
  'encrypted.odt': 'import.office-encrypted',
};

test('each bad office file gives its one sentence, and the rest of the folder imports', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'office-folder-'));
  try {
    for (const name of [...Object.keys(BAD), 'official.docx', 'tcvn3.odt', 'official.doc']) {
      fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    }
    const all = await items(dir);
    assert.equal(all.length, Object.keys(BAD).length + 3);
    for (const item of all) {
      const name = path.basename(item.where);
      if (BAD[name]) {
        assert.ok(!item.ok, name);
        assert.equal(item.error.code, BAD[name], name);
        for (const locale of ['vi', 'en'] as const) {
          const sentence = item.error.describe(locale);
          assert.doesNotMatch(sentence, /\{\w+\}|Error|at /, sentence);
        }
      } else {
        assert.ok(item.ok, name);
      }
    }
    const bomb = all.find((i) => i.where.endsWith('bomb.docx'))!;
    assert.ok(!bomb.ok);
    assert.equal(bomb.error.params.size, '64.0 MB');
    const corrupted = all.find((i) => i.where.endsWith('corrupted.docx'))!;
    assert.ok(!corrupted.ok);
    assert.equal(corrupted.error.params.part, 'word/document.xml');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a ZIP or OLE2 file that is no text document stays refused as a binary', async () => {
  const zip = await items(path.join(import.meta.dirname, '../../fixtures/bad/articles.zip'));
  assert.ok(!zip[0].ok);
  assert.equal(zip[0].error.code, 'import.binary');
  assert.equal(zip[0].error.params.kind, 'ZIP');
});

test('an upload reads as the same file on disk does', async () => {
  const file = path.join(FIXTURES, 'official.odt');
  const [fromDisk] = await items(file);
  const uploaded: DraftItem[] = [];
  for await (const item of readBytes('official.odt', fs.readFileSync(file))) uploaded.push(item);
  assert.ok(fromDisk.ok && uploaded[0].ok);
  assert.deepEqual(uploaded[0].draft.blocks, fromDisk.draft.blocks);
  assert.equal(uploaded[0].draft.title, fromDisk.draft.title);
  assert.equal(uploaded[0].original?.name, 'official.odt');
});

test('a document without an official header: its own title, else one derived and said so', () => {
  const blocks: Block[] = [
    {
      type: 'p',
      text: 'Sáng 23/7, xã Tân Thành tổ chức hội nghị tổng kết công tác dân vận. Hội nghị khen thưởng 25 tập thể.',
    },
    { type: 'heading', level: 2, text: 'Kết quả số hóa hồ sơ hộ tịch' },
  ];
  const own = officeDraft({ blocks, title: 'Hội nghị dân vận khéo', encoding: null }, 'a.docx');
  assert.equal(own.title, 'Hội nghị dân vận khéo');
  assert.equal(own.titleOrigin, undefined);
  // Word's automatic "Microsoft Word - name.doc" is no title: the first heading is.
  const word = officeDraft(
    { blocks, title: 'Microsoft Word - bao cao.doc', encoding: null },
    'a.doc',
  );
  assert.equal(word.title, 'Kết quả số hóa hồ sơ hộ tịch');
  assert.equal(word.titleOrigin, 'body');
  const sentence = officeDraft(
    { blocks: blocks.slice(0, 1), title: null, encoding: null },
    'b.odt',
  );
  assert.equal(
    sentence.title,
    'Sáng 23/7, xã Tân Thành tổ chức hội nghị tổng kết công tác dân vận.',
  );
  assert.equal(sentence.titleOrigin, 'body');
  const long = 'Dự thảo quy chế phối hợp '.repeat(12).trim();
  const cut = officeDraft(
    { blocks: [{ type: 'p', text: long }], title: null, encoding: null },
    'c.docx',
  );
  assert.ok(cut.title.endsWith('…') && cut.title.length <= 121, cut.title);
  assert.ok(long.startsWith(cut.title.slice(0, -1)), 'cut at a word');
  assert.throws(
    () =>
      officeDraft({ blocks: [{ type: 'p', text: '  ' }], title: null, encoding: null }, 'd.docx'),
    (e: unknown) => e instanceof UserError && e.code === 'import.no-body',
  );
});

/** A ZIP of stored (uncompressed) entries: sizes as large as wanted, no packing ratio at all. */
function storedZip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

test('a docx whose text part is larger than mammoth is given is refused before it is read', async () => {
  const paragraph = '<w:p><w:r><w:t>Nội dung văn bản rất dài.</w:t></w:r></w:p>';
  const xml = `<w:document><w:body>${paragraph.repeat(Math.ceil((13 * 1024 * 1024) / paragraph.length))}</w:body></w:document>`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'office-big-'));
  try {
    const file = path.join(dir, 'dai.docx');
    fs.writeFileSync(file, storedZip([['word/document.xml', Buffer.from(xml)]]));
    const [item] = await items(file);
    assert.ok(!item.ok);
    assert.equal(item.error.code, 'import.office-too-big');
    assert.equal(item.error.params.limit, '12.0 MB');
    assert.equal(item.error.params.part, 'word/document.xml');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an OpenDocument spreadsheet is no text document: refused as a binary, by its mimetype', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'office-ods-'));
  try {
    const file = path.join(dir, 'bang-tinh.odt');
    const zip = storedZip([
      ['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')],
      ['content.xml', Buffer.from('<office:document-content/>')],
    ]);
    fs.writeFileSync(file, zip);
    const [item] = await items(file);
    assert.ok(!item.ok);
    assert.equal(item.error.code, 'import.binary');
    assert.equal(item.error.params.kind, 'OpenDocument');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
