import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { readBytes, readFile, type DraftItem } from '../../../electron/core/importers/index';
import { detectFormat } from '../../../electron/core/importers/detect';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'importers-read-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const ARTICLE =
  'Thứ ba, 23/07/2024\n\nHội nghị dân vận khéo\n\nSáng 23/7, huyện tổ chức hội nghị biểu dương điển hình dân vận khéo.\n\nHội nghị khen thưởng 25 tập thể và cá nhân.\n\nThu Trang\n';

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function items(file: string): Promise<DraftItem[]> {
  const out: DraftItem[] = [];
  for await (const item of readFile(file)) out.push(item);
  return out;
}

async function errorCode(file: string): Promise<string> {
  const all = await items(file);
  assert.equal(all.length, 1);
  assert.ok(!all[0].ok, 'expected an error item');
  assert.equal(all[0].where, file);
  return all[0].error.code;
}

test('bad input yields one error item, never a throw', async () => {
  assert.equal(await errorCode(write('empty.txt', '')), 'import.empty');
  assert.equal(await errorCode(write('blank.txt', ' \n\n ')), 'import.empty');
  const png = write(
    'photo.txt',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  assert.equal(await errorCode(png), 'import.binary');
  const zip = write('report.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]));
  assert.equal(await errorCode(zip), 'import.zip-damaged');
  const exe = Buffer.alloc(256);
  exe.write('MZ');
  exe.write('This program cannot be run in DOS mode.', 78);
  assert.equal(await errorCode(write('setup.txt', exe)), 'import.binary');
  const garbage = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 2 ? 0xe0 : 0x41)));
  assert.equal(await errorCode(write('latin.txt', garbage)), 'import.undecodable');
  assert.equal(await errorCode(path.join(dir, 'no-such-file.txt')), 'import.not-found');
});

test('the binary kind is reported', async () => {
  const [item] = await items(write('x.bin', Buffer.from([0x47, 0x49, 0x46, 0x38, 0, 0, 0, 0])));
  assert.ok(!item.ok);
  assert.equal(item.error.params.kind, 'GIF');
});

test('UTF-16 LE without BOM, UTF-8 with BOM and NFD articles all read the same', async () => {
  const expected = (await items(write('plain.txt', ARTICLE)))[0];
  assert.ok(expected.ok);
  assert.equal(expected.draft.date, '2024-07-23');
  assert.equal(expected.draft.author, 'Thu Trang');
  const variants = {
    'utf16.txt': iconv.encode(ARTICLE, 'utf16le'),
    'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]),
    'nfd.txt': Buffer.from(ARTICLE.normalize('NFD')),
  };
  for (const [name, bytes] of Object.entries(variants)) {
    const [item] = await items(write(name, bytes));
    assert.ok(item.ok, name);
    assert.deepEqual({ ...item.draft, sourceId: '' }, { ...expected.draft, sourceId: '' }, name);
    assert.equal(item.draft.title, item.draft.title.normalize('NFC'));
  }
});

test('UTF-16 JSON Lines stream too', async () => {
  const jsonl =
    '{"id":"a","title":"Tiêu đề","body":"Nội dung."}\n{"id":"b","title":"Hai","body":"Hai."}\n';
  const file = write(
    'u16.jsonl',
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(jsonl, 'utf16le')]),
  );
  const all = await items(file);
  assert.deepEqual(
    all.map((i) => i.ok && i.draft.sourceId),
    ['a', 'b'],
  );
});

function records(n: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    const words = Array.from({ length: 60 }, (_, j) =>
      ((i * 7919 + j * 104729) % 100003).toString(36),
    );
    lines.push(
      JSON.stringify({ id: `r${i}`, title: `Bài số ${i}`, body: `Đoạn ${words.join(' ')}.` }),
    );
  }
  return lines.join('\n') + '\n';
}

test('gzip JSON Lines, and a truncated gzip keeps its good records then reports bad-gzip', async () => {
  const whole = gzipSync(Buffer.from(records(300)));
  const full = await items(write('all.jsonl.gz', whole));
  assert.equal(full.length, 300);
  assert.ok(full.every((i) => i.ok));

  const cut = write('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
  const partial = await items(cut);
  const last = partial[partial.length - 1];
  assert.ok(!last.ok);
  assert.equal(last.error.code, 'import.bad-gzip');
  const good = partial.slice(0, -1);
  assert.ok(good.length > 50 && good.length < 300, `${good.length} good records`);
  good.forEach((item, i) => assert.ok(item.ok && item.draft.sourceId === `r${i + 1}`));
});

test('a gzip that is not gzip inside is bad-gzip; a gzipped article reads as text', async () => {
  assert.equal(
    await errorCode(write('bad.gz', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]))),
    'import.bad-gzip',
  );
  const [item] = await items(write('article.txt.gz', gzipSync(Buffer.from(ARTICLE))));
  assert.ok(item.ok);
  assert.equal(item.draft.title, 'Hội nghị dân vận khéo');
});

test('a text file over 50 MB is refused without being read', async () => {
  const file = write('huge.txt', 'Tiêu đề\n\n' + 'Đoạn văn dài. '.repeat(1000));
  fs.truncateSync(file, 51 * 1024 * 1024); // sparse: cheap to make
  assert.equal(await errorCode(file), 'import.too-large');
});

test('readBytes uses the same detection as readFile', async () => {
  const out: DraftItem[] = [];
  for await (const item of readBytes('upload.bin', Buffer.from(records(3)))) out.push(item);
  assert.deepEqual(
    out.map((i) => i.ok && i.draft.sourceId),
    ['r1', 'r2', 'r3'],
  );
  const png: DraftItem[] = [];
  for await (const item of readBytes('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])))
    png.push(item);
  assert.equal(png.length, 1);
  assert.ok(!png[0].ok && png[0].error.code === 'import.binary');
});

test('detection is by content, extension only breaks ties', () => {
  const b = (s: string) => Buffer.from(s);
  assert.equal(detectFormat(b('  {"title": "x"}'), 'a.txt'), 'json');
  assert.equal(detectFormat(b('[\n {"title": "x"}]'), 'a'), 'json');
  assert.equal(detectFormat(b('<!DOCTYPE html><html><body>x</body></html>'), 'a.txt'), 'html');
  assert.equal(
    detectFormat(b('<div><p>a</p><p>b</p><p>c</p><p>d</p><br><br><p>e</p></div>'), 'x'),
    'html',
  );
  assert.equal(detectFormat(b(ARTICLE), 'a.json'), 'text');
  assert.equal(detectFormat(b('[Ảnh] Bài viết về dân vận'), 'a.txt'), 'text');
  assert.equal(detectFormat(b('<b>Tiêu đề</b>'), 'a.html'), 'html');
  assert.equal(detectFormat(new Uint8Array([0x1f, 0x8b, 8]), 'a.txt'), 'gzip');
});
