/**
 * Fuzzed office files and PDFs (tests/integration/import-fuzz-cases.ts: the real fixtures damaged
 * by a seeded generator, FUZZ_SEED, FUZZ_CASES). Every case is either read, with text, or refused
 * with one sentence in Vietnamese and in English; nothing throws past the importer, the memory
 * stays bounded, and a good file in the same folder still imports. OCR is off
 * (ARCHIVE_READER_OCR=0): the damage is in the structure, and recognising pictures is the OCR
 * tests' work.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { UserError } from '../../electron/core/errors';
import { blockText } from '../../electron/core/archive/layout';
import { readFile } from '../../electron/core/importers/index';
import { mulberry32 } from './api-fuzz-inputs';
import { fuzzCases, wrongNames, type FuzzCase } from './import-fuzz-cases';

process.env.ARCHIVE_READER_OCR = '0';
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const COUNT = Number(process.env.FUZZ_CASES ?? 400);
const SEED_ARTICLE = path.resolve(
  import.meta.dirname,
  '../../../shared/seeds/000_6d5d4d6daf6b85b0.txt',
);
/** The process's peak resident memory may not pass this (it was 2.6 GB before the OLE check). */
const MAX_RSS_MB = 1024;

let dir: string;
let cases: FuzzCase[];
before(async () => {
  // pdf.js rejects promises of its own on a damaged file that nobody awaits; the importer drops
  // those by name and lets any other unhandled rejection end the process (pdf/document.ts). The
  // test runner would count pdf.js's as failures, so the importer's rule alone applies here:
  // anything else still fails the run.
  process.removeAllListeners('unhandledRejection');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-fuzz-'));
  cases = [...(await fuzzCases(mulberry32(SEED), COUNT)), ...wrongNames()];
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One sentence a user can read: no stack, no placeholder, no raw library message. */
function assertSentence(text: string, where: string) {
  assert.ok(text.trim().length > 10, `${where}: ${text}`);
  assert.doesNotMatch(text, /undefined|null|NaN|\{\w+\}|\n|\bat \S+:\d+|Exception|Error:/, where);
  assert.match(text, /[.!?)]$/, `${where}: ${text}`);
}

test(`fuzzed docx, odt, doc and PDF files: read or refused in one sentence (seed ${SEED})`, async () => {
  const folder = path.join(dir, 'cases');
  fs.mkdirSync(folder);
  const verdicts = new Map<string, number>();
  for (const c of cases) {
    const file = path.join(folder, c.name);
    fs.writeFileSync(file, c.bytes);
    for await (const item of readFile(file)) {
      if (item.ok) {
        const text = item.draft.blocks.map(blockText).join('\n');
        assert.ok(text.trim().length > 0, `${c.name}: read, but with no text`);
        verdicts.set('read', (verdicts.get('read') ?? 0) + 1);
      } else {
        assert.ok(item.error instanceof UserError, `${c.name}: ${String(item.error)}`);
        assertSentence(item.error.describe('vi'), c.name);
        assertSentence(item.error.describe('en'), c.name);
        verdicts.set(item.error.code, (verdicts.get(item.error.code) ?? 0) + 1);
      }
    }
  }
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `import fuzz, seed ${SEED}: ${cases.length} files; ${[...verdicts].map(([k, v]) => `${k} ${v}`).join(', ')}; peak RSS ${peak} MB`,
  );
  assert.ok(peak < MAX_RSS_MB, `peak RSS ${peak} MB`);
  assert.ok((verdicts.get('read') ?? 0) > 0, 'some damage leaves a file readable');
});

test('a folder of fuzzed files and good ones: the good ones import, each bad one is listed', async () => {
  const folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  for (const c of cases.slice(0, 60)) fs.writeFileSync(path.join(folder, c.name), c.bytes);
  fs.copyFileSync(SEED_ARTICLE, path.join(folder, 'zz-seed.txt'));
  const archive = Archive.open(path.join(dir, 'archive.db'));
  try {
    const summary = await archive.importPaths([folder]);
    const titles = archive.db.prepare('SELECT title FROM articles').pluck().all() as string[];
    assert.ok(
      titles.some((t) => t.includes('dân vận')),
      'the good article beside the damaged files is imported',
    );
    assert.equal(summary.imported + summary.duplicates + summary.failed.length >= 61, true);
    for (const f of summary.failed) assertSentence(f.error, f.path);
    assert.deepEqual(archive.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  } finally {
    archive.close();
  }
});
