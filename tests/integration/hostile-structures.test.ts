/**
 * Files whose inner structure lies, imported by the command line in a separate process as users
 * run it, with the file beside them:
 * - a PDF whose cross-reference table is wrong (tests/fixtures/pdf/make-bad-xref.mjs): pdf.js
 *   rebuilds the table and reads the pages, but rejects promises of its own that nobody awaits;
 *   the process must not die of that unhandled rejection halfway through the folder;
 * - a .doc whose FAT has a chain that loops (tests/fixtures/office/make-fat-loop.mjs): the reader
 *   followed it until memory ran out (1.4 GB, then killed); it must be refused in one sentence
 *   within a small heap.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SEED = path.resolve(ROOT, '../shared/seeds/000_6d5d4d6daf6b85b0.txt');

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-stray-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a PDF with a wrong cross-reference table imports, and so does the file after it', () => {
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  fs.copyFileSync(path.join(ROOT, 'tests/fixtures/pdf/bad-xref.pdf'), path.join(folder, 'a.pdf'));
  fs.copyFileSync(SEED, path.join(folder, 'b.txt'));
  const db = path.join(dir, 'archive.db');
  const result = spawnSync(process.execPath, [BIN, '--db', db, 'import', '--json', folder], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /Unhandled|Exception|\n\s+at /);
  const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
    imported: number;
    failed: unknown[];
  };
  assert.deepEqual(summary.failed, []);
  assert.equal(summary.imported, 2);
  const conn = new Database(db, { readonly: true });
  try {
    const titles = conn.prepare('SELECT title FROM articles ORDER BY title').pluck().all();
    assert.ok(
      titles.some((t) => String(t).startsWith('Nghị định 123/2026/NĐ-CP')),
      JSON.stringify(titles),
    );
  } finally {
    conn.close();
  }
});

test('a .doc whose sector chain loops is refused in one sentence, in bounded memory', () => {
  const folder = path.join(dir, 'doc');
  fs.mkdirSync(folder);
  const office = path.join(ROOT, 'tests/fixtures/office');
  fs.copyFileSync(path.join(office, 'fat-loop.doc'), path.join(folder, 'a.doc'));
  fs.copyFileSync(path.join(office, 'tcvn3.doc'), path.join(folder, 'b.doc'));
  const db = path.join(dir, 'doc.db');
  // A 256 MB heap: the looping chain filled gigabytes before it was checked.
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', BIN, '--db', db, 'import', '--json', folder],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    },
  );
  assert.equal(result.status, 0, result.stderr);
  const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
    imported: number;
    failed: { path: string; error: string }[];
  };
  assert.equal(summary.imported, 1);
  assert.equal(summary.failed.length, 1);
  assert.equal(path.basename(summary.failed[0].path), 'a.doc');
  assert.match(summary.failed[0].error, /bị hỏng: không đọc được cấu trúc bên trong của tệp\.$/);
});
