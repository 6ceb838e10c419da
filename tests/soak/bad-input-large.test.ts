/**
 * The bad inputs that take minutes: 10,000 files in one folder (real small articles, with bad files
 * among them) and 200 MB of JSON Lines, each imported by a child process beside the reference
 * article, with the child's peak memory measured. The quick bad inputs are in
 * tests/integration/bad-input.test.ts.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Archive } from '../../electron/core/archive/archive';
import type { ImportSummary } from '../../electron/api/contract';
import { UserError } from '../../electron/core/errors';
import { formatSize, MAX_TEXT_BYTES } from '../../electron/core/importers/read';
import { writeLargeJsonLines, writeLargeText, writeManyFiles } from '../fixtures/bad/make-large';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BAD = path.join(ROOT, 'tests/fixtures/bad');
const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const SEED_TITLE = 'Bước tiến mới trong công tác dân vận ở Lạng Sơn';
const MAX_RSS_MB = 400;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-input-large-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Measured = ImportSummary & { peakRssMb: number };

function measureImport(db: string, ...paths: string[]): Measured {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(BAD, 'measure-import.ts'), db, ...paths],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Measured;
}

function seedIsSearchable(db: string) {
  const archive = Archive.open(db);
  try {
    assert.equal(archive.search({ query: 'dan van lang son' }).hits[0]?.title, SEED_TITLE);
    return archive.search({ query: '"ban tin thon so 7777"' }).hits.map((h) => h.title);
  } finally {
    archive.close();
  }
}

test('10,000 files in one folder: every article imported, every bad file listed', () => {
  const dir = path.join(tmp, 'many');
  writeManyFiles(dir, 10_000);
  // A hundred of them are not articles: empty files and pictures with article names.
  const empty = new UserError('import.empty').describe('vi');
  const png = new UserError('import.binary', { kind: 'PNG' }).describe('vi');
  const expected: { path: string; error: string }[] = [];
  for (let i = 100; i <= 10_000; i += 100) {
    const file = path.join(dir, `bai-${String(i).padStart(5, '0')}.txt`);
    if (i % 200 === 0) fs.writeFileSync(file, '');
    else fs.copyFileSync(path.join(BAD, 'picture.png'), file);
    expected.push({ path: file, error: i % 200 === 0 ? empty : png });
  }
  fs.copyFileSync(SEED, path.join(dir, 'zz-bai-mau.txt'));
  assert.equal(fs.readdirSync(dir).length, 10_001);

  const db = path.join(tmp, 'many.db');
  const result = measureImport(db, dir);
  console.log(
    `bad-input-large: 10,001 files, ${result.imported} imported, ${result.failed.length} listed, peak RSS ${result.peakRssMb} MB`,
  );
  assert.equal(result.imported, 9_901);
  assert.equal(result.duplicates, 0);
  assert.deepEqual(result.failed, expected);
  assert.deepEqual(seedIsSearchable(db), ['Bản tin thôn số 7777']);
  assert.ok(result.peakRssMb < MAX_RSS_MB, `peak RSS ${result.peakRssMb} MB`);
});

test('200 MB of JSON Lines stream in bounded memory; 200 MB of gzipped text is cut short', async () => {
  const dir = path.join(tmp, 'large');
  fs.mkdirSync(dir);
  const jsonl = path.join(dir, 'large.jsonl');
  const { lines, damaged } = writeLargeJsonLines(jsonl);
  const text = writeLargeText(path.join(tmp, 'large.txt'));
  await pipeline(
    fs.createReadStream(text),
    createGzip({ level: 1 }),
    fs.createWriteStream(path.join(dir, 'large.txt.gz')),
  );
  fs.rmSync(text);
  fs.copyFileSync(SEED, path.join(dir, 'zz-bai-mau.txt'));

  const db = path.join(tmp, 'large.db');
  const result = measureImport(db, dir);
  console.log(
    `bad-input-large: 200 MB JSON Lines (${lines} lines) and 200 MB gzipped text, peak RSS ${result.peakRssMb} MB`,
  );
  assert.equal(result.imported, 50 + 1, 'the 50 distinct records and the seed');
  assert.equal(result.duplicates, lines - damaged - 50);
  const broken = result.failed.filter((f) => f.path.startsWith(`${jsonl}#line `));
  assert.equal(broken.length, damaged);
  assert.ok(broken.every((f, i) => f.path === `${jsonl}#line ${(i + 1) * 1000}`));
  assert.deepEqual(
    result.failed.filter((f) => !f.path.startsWith(`${jsonl}#`)),
    [
      {
        path: path.join(dir, 'large.txt.gz'),
        error: new UserError('import.too-large', {
          size: `> ${formatSize(MAX_TEXT_BYTES)}`,
          limit: formatSize(MAX_TEXT_BYTES),
        }).describe('vi'),
      },
    ],
  );
  seedIsSearchable(db);
  assert.ok(result.peakRssMb < MAX_RSS_MB, `peak RSS ${result.peakRssMb} MB`);
});
