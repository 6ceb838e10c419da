/**
 * Gzipped Word, OpenDocument and PDF files (as an archivist's USB stick holds them): each is read
 * as the file inside, its original kept inflated under its name without ".gz"; a gzip that would
 * inflate past the format's limit is cut off with one sentence, and the folder goes on.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Archive } from '../../electron/core/archive/archive';
import { UserError } from '../../electron/core/errors';
import { readFile } from '../../electron/core/importers/index';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const SOURCES = [
  'office/official.docx',
  'office/official.odt',
  'office/tcvn3.doc',
  'pdf/decree.pdf',
];

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzip-documents-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const gzipped = (folder: string, source: string) => {
  const file = path.join(folder, `${path.basename(source)}.gz`);
  fs.writeFileSync(file, zlib.gzipSync(fs.readFileSync(path.join(FIXTURES, source))));
  return file;
};

async function itemsOf(file: string) {
  const items = [];
  for await (const item of readFile(file)) items.push(item);
  return items;
}

test('a gzipped .docx, .odt, .doc and PDF read as the files themselves', async () => {
  for (const source of SOURCES) {
    const plain = await itemsOf(path.join(FIXTURES, source));
    const packed = await itemsOf(gzipped(dir, source));
    assert.equal(packed.length, 1, source);
    const [a, b] = [plain[0], packed[0]];
    assert.ok(a.ok && b.ok, `${source}: ${!b.ok ? b.error.describe('en') : ''}`);
    assert.deepEqual(b.draft.blocks, a.draft.blocks, source);
    assert.equal(b.draft.title, a.draft.title, source);
    assert.equal(b.original?.name, path.basename(source), 'the original is named as inflated');
    assert.equal(b.original?.mediaType, a.original?.mediaType);
    assert.ok(Buffer.from(b.original!.bytes).equals(fs.readFileSync(path.join(FIXTURES, source))));
  }
});

test('a gzipped "PDF" that inflates past 256 MB is cut off in one sentence; the folder goes on', async () => {
  const folder = path.join(dir, 'bomb');
  fs.mkdirSync(folder);
  // 300 MB of a PDF's header and zeros: about 300 KB gzipped.
  const bomb = zlib.createGzip({ level: 9 });
  const out = fs.createWriteStream(path.join(folder, 'bomb.pdf.gz'));
  bomb.pipe(out);
  bomb.write('%PDF-1.7\n');
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 300; i++) bomb.write(zeros);
  bomb.end();
  await new Promise((resolve) => out.on('finish', resolve));
  const [item] = await itemsOf(path.join(folder, 'bomb.pdf.gz'));
  assert.ok(!item.ok && item.error instanceof UserError);
  assert.equal(item.error.code, 'import.too-large');
  assert.match(item.error.describe('en'), /256\.0 MB/);
  gzipped(folder, 'office/official.docx');
  const archive = Archive.open(path.join(dir, 'archive.db'));
  try {
    const summary = await archive.importPaths([folder]);
    assert.equal(summary.imported, 1);
    assert.equal(summary.failed.length, 1);
    assert.match(summary.failed[0].path, /bomb\.pdf\.gz$/);
  } finally {
    archive.close();
  }
});
