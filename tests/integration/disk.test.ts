/**
 * A full disk and a read-only folder or file: the import stops with one clear sentence and the
 * archive stays byte for byte as it was. As root (CI) the folder is a real tmpfs, mounted small
 * or read-only; elsewhere file modes make it read-only, and SQLite's max_page_count fills the
 * "disk" for real (SQLITE_FULL), which must give the same sentence.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { UserError } from '../../electron/core/errors';
import { corpusLines, writeJsonl } from '../support/corpus';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SAMPLE = path.join(ROOT, 'resources/sample/archive.db');
const SEED = path.resolve(ROOT, '../shared/seeds/000_6d5d4d6daf6b85b0.txt');
const isRoot = process.getuid?.() === 0;

let dir: string;
let news: string;
const mounted: string[] = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-disk-'));
  // 300 real articles (about 1.3 MB of text): more than a 3 MB disk holds beside an
  // empty archive once its WAL, index and backup are written.
  news = writeJsonl(
    path.join(dir, 'news.jsonl'),
    await corpusLines('vietnews-train-40k.jsonl.gz', 300),
  );
});

after(() => {
  for (const point of mounted.reverse()) spawnSync('umount', ['-l', point]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const mount = (...args: string[]) => spawnSync('mount', args, { encoding: 'utf8' }).status === 0;

/** A folder of its own filesystem (root only): a tmpfs of `size`. Null where that cannot be. */
function tmpfs(name: string, size: string): string | null {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  if (!isRoot || !mount('-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder)) return null;
  mounted.push(folder);
  return folder;
}

/** Every file in the folder with its hash: "as it was" means this does not change. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(folder, f)))
          .digest('hex'),
      ]),
  );
}

function importWithCli(db: string, input: string) {
  return spawnSync(process.execPath, [BIN, '--db', db, 'import', input], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
}

function assertOneSentence(result: ReturnType<typeof importWithCli>, pattern: RegExp) {
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const lines = result.stderr.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(result.stderr, /^\s+at |Error:|\.ts:\d+/m);
}

/** An archive at the current schema, closed (no WAL beside it). */
function archiveIn(folder: string): string {
  const file = path.join(folder, 'archive.db');
  fs.copyFileSync(SAMPLE, file);
  Archive.open(file).close();
  return file;
}

test('an import into an archive in a read-only folder says so, and changes nothing', () => {
  const folder = tmpfs('read-only-folder', '16m') ?? path.join(dir, 'read-only-folder');
  const file = archiveIn(folder);
  if (mounted.includes(folder)) assert.ok(mount('-o', 'remount,ro', folder));
  else {
    fs.chmodSync(file, 0o444);
    fs.chmodSync(folder, 0o555);
  }
  const before = snapshot(folder);
  assertOneSentence(importWithCli(file, SEED), /Không thể ghi vào kho lưu trữ .*chỉ cho phép đọc/);
  assert.deepEqual(snapshot(folder), before);
});

test('an import into a read-only archive file in a writable folder says so, and changes nothing', (t) => {
  const folder = path.join(dir, 'read-only-file');
  fs.mkdirSync(folder);
  const file = archiveIn(folder);
  if (isRoot) {
    // Root writes through file modes: a read-only bind mount of the file itself.
    if (!mount('--bind', file, file)) return t.skip('cannot bind-mount here');
    mounted.push(file);
    assert.ok(mount('-o', 'remount,ro,bind', file));
  } else fs.chmodSync(file, 0o444);
  const before = snapshot(folder);
  assertOneSentence(importWithCli(file, SEED), /Không thể ghi vào kho lưu trữ .*chỉ cho phép đọc/);
  assert.deepEqual(snapshot(folder), before);
});

test('an import onto a full disk says so, and the archive stays as it was', (t) => {
  // An empty archive is about 0.7 MB (16 KB pages) and its creation needs room for the WAL too.
  const folder = tmpfs('full', '3m');
  if (!folder) return t.skip('a small tmpfs needs root; see the max_page_count test below');
  const file = path.join(folder, 'archive.db');
  Archive.open(file).close(); // an empty archive: a few pages
  const before = snapshot(folder);
  assertOneSentence(importWithCli(file, news), /Ổ đĩa đã đầy nên không thể ghi vào kho lưu trữ/);
  // The database file is byte-identical. The WAL may keep frames of the failed transaction past
  // its last commit, which no reader sees (and -shm indexes them): what is in it is checked below.
  assert.equal(snapshot(folder)['archive.db'], before['archive.db']);
  const archive = Archive.open(file);
  assert.deepEqual(archive.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  assert.equal(archive.stats().articles, 0);
  archive.close();
});

test('SQLITE_FULL from SQLite itself gives the disk-full sentence; committed articles stay', async () => {
  const folder = path.join(dir, 'max-pages');
  fs.mkdirSync(folder);
  const file = archiveIn(folder);
  const archive = Archive.open(file);
  try {
    const before = archive.stats().articles;
    const ids = archive.list({ limit: 1000 }).items.map((i) => i.id);
    const pages = archive.db.pragma('page_count', { simple: true }) as number;
    archive.db.pragma(`max_page_count = ${pages + 50}`); // 50 pages of 16 KB: room for 800 KB, not the batch
    await assert.rejects(
      archive.importPaths([news]),
      (e: unknown) =>
        e instanceof UserError &&
        e.code === 'db.disk-full' &&
        e.describe('en') ===
          'The disk is full, so the archive could not be written; the existing data is intact.',
    );
    assert.equal(archive.stats().articles, before);
    assert.deepEqual(
      archive.list({ limit: 1000 }).items.map((i) => i.id),
      ids,
    );
    assert.deepEqual(archive.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  } finally {
    archive.close();
  }
});
