/**
 * Backups: SQLite's online backup into `backups/` beside the archive, seven kept; the daily one and
 * the one on quit (only when something changed); `archive-reader backup` and `restore`, which
 * checks the backup first, refuses while another process has the archive open, and keeps the
 * replaced file aside. Real files in a temp folder, the bundled sample archive as the archive.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Archive } from '../../electron/core/archive/archive';
import { UserError } from '../../electron/core/errors';
import { WorkerHost } from '../../electron/api/worker-host';
import {
  automaticBackup,
  backupArchive,
  backupFolder,
  listBackups,
  restoreBackup,
} from '../../electron/core/store/backup';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SAMPLE = path.join(ROOT, 'resources/sample/archive.db');

let dir: string;
before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-backup-'))));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function freshArchive(): string {
  const folder = path.join(dir, `case-${++n}`);
  fs.mkdirSync(folder);
  const file = path.join(folder, 'archive.db');
  fs.copyFileSync(SAMPLE, file);
  return file;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const articles = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
}

test('a backup is a sound, standalone copy in backups/ beside the archive', async () => {
  const file = freshArchive();
  const archive = Archive.open(file);
  try {
    const id = archive.list({ limit: 1 }).items[0].id;
    archive.annotate({ articleId: id, kind: 'bookmark', note: 'kept in the backup' });
    const made = await backupArchive(archive.db, file);
    assert.equal(path.dirname(made.path), backupFolder(file));
    assert.match(path.basename(made.path), /^archive-\d{8}-\d{6}\.db$/);
    assert.ok(!fs.existsSync(`${made.path}-wal`));
    const copy = new Database(made.path, { readonly: true });
    assert.deepEqual(copy.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete');
    const notes = copy.prepare('SELECT note FROM annotations').all() as { note: string }[];
    assert.deepEqual(notes, [{ note: 'kept in the backup' }]);
    copy.close();
    assert.equal(articles(made.path), archive.stats().articles);
  } finally {
    archive.close();
  }
});

test('seven backups are kept, the newest ones', async () => {
  const file = freshArchive();
  const archive = Archive.open(file);
  try {
    const times = Array.from({ length: 9 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, 12)));
    for (const now of times) await backupArchive(archive.db, file, { now });
    const kept = listBackups(file);
    assert.equal(kept.length, 7);
    assert.deepEqual(
      kept.map((b) => b.time.toISOString()),
      times
        .slice(2)
        .reverse()
        .map((t) => t.toISOString()),
    );
  } finally {
    archive.close();
  }
});

test('the daily backup is made when the newest is a day old; the one on quit only after a change', async () => {
  const file = freshArchive();
  const archive = Archive.open(file);
  try {
    const day = new Date(Date.UTC(2026, 5, 1, 8));
    const later = (hours: number) => new Date(day.getTime() + hours * 3600_000);
    assert.ok((await automaticBackup(archive.db, file, 'daily', day)).made);
    assert.equal((await automaticBackup(archive.db, file, 'daily', later(23))).made, null);
    assert.ok((await automaticBackup(archive.db, file, 'daily', later(24))).made);
    assert.equal(listBackups(file).length, 2);

    assert.equal((await automaticBackup(archive.db, file, 'quit', later(25))).made, null);
    const id = archive.list({ limit: 1 }).items[0].id;
    archive.setTags(id, ['đã xem']);
    const onQuit = (await automaticBackup(archive.db, file, 'quit', later(26))).made;
    assert.ok(onQuit);
    assert.equal(listBackups(file)[0].path, onQuit.path);
  } finally {
    archive.close();
  }
});

test('an automatic backup that cannot be written is reported, never thrown', async () => {
  const file = freshArchive();
  fs.writeFileSync(backupFolder(file), 'a file where the folder should be');
  const archive = Archive.open(file);
  try {
    const result = await automaticBackup(archive.db, file, 'daily');
    assert.equal(result.made, null);
    assert.ok(result.error);
  } finally {
    archive.close();
  }
});

test('restore refuses a backup that is not a sound archive, and leaves the archive as it was', () => {
  const file = freshArchive();
  const before = sha(file);
  const bad = path.join(path.dirname(file), 'not-a-backup.db');
  fs.writeFileSync(bad, 'SQLite format 3\0 but nothing else');
  const truncated = path.join(path.dirname(file), 'truncated.db');
  fs.writeFileSync(truncated, fs.readFileSync(SAMPLE).subarray(0, 200_000));
  for (const backup of [bad, truncated]) {
    assert.throws(
      () => restoreBackup(file, backup),
      (e: unknown) => e instanceof UserError && e.code === 'backup.unsound',
    );
  }
  assert.throws(
    () => restoreBackup(file),
    (e: unknown) => e instanceof UserError && e.code === 'backup.none',
  );
  assert.equal(sha(file), before);
  assert.ok(!fs.existsSync(`${file}.before-restore`));
});

test('restore refuses while another process has the archive open', async () => {
  const file = freshArchive();
  const source = new Database(file);
  const backup = await backupArchive(source, file);
  source.close();
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D = require('better-sqlite3'); const d = new D(process.argv[1]);
       d.pragma('journal_mode = WAL'); d.prepare('SELECT count(*) FROM articles').get();
       console.log('open'); setInterval(() => {}, 1000);`,
      file,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await new Promise((resolve) => holder.stdout!.once('data', resolve));
    assert.throws(
      () => restoreBackup(file, backup.path),
      (e: unknown) => e instanceof UserError && e.code === 'db.in-use',
    );
  } finally {
    holder.kill();
    await new Promise((resolve) => holder.once('exit', resolve));
  }
  assert.ok(restoreBackup(file, backup.path).keptAside);
});

test('archive-reader backup and restore: the replaced file is kept aside, the catalog rebuilt', () => {
  const file = freshArchive();
  const made = cli(['--db', file, 'backup']);
  assert.equal(made.status, 0, made.stderr);
  const [backup] = listBackups(file);
  assert.match(
    made.stdout,
    new RegExp(`Backed up to ${backup.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  const elsewhere = path.join(dir, `copy-${n}.db`);
  assert.equal(cli(['--db', file, 'backup', elsewhere]).status, 0);
  assert.equal(articles(elsewhere), articles(file));

  // A change after the backup: restoring goes back to the backup, the changed file is kept aside.
  const archive = Archive.open(file);
  const id = archive.list({ limit: 1 }).items[0].id;
  archive.annotate({ articleId: id, kind: 'bookmark', note: 'after the backup' });
  archive.close();
  const changed = sha(file);
  fs.writeFileSync(`${file}.catalog.json`, '{"format": 0}');

  const restored = cli(['--db', file, 'restore']);
  assert.equal(restored.status, 0, restored.stderr);
  assert.match(restored.stdout, /Restored .* from .*archive-\d{8}-\d{6}\.db/);
  assert.equal(sha(`${file}.before-restore`), changed);
  const after = Archive.open(file, { readOnly: true });
  assert.equal(after.listAnnotations({}).total, 0);
  after.close();
  const catalog = JSON.parse(fs.readFileSync(`${file}.catalog.json`, 'utf8')) as { format: number };
  assert.ok(catalog.format > 0, 'the catalog was rebuilt');

  const unsound = cli(['--db', file, 'restore', `${file}.catalog.json`]);
  assert.equal(unsound.status, 1);
  assert.match(unsound.stderr, /is not a sound backup/);
});

test('the archive worker backs up at start (none yet) and on quit after a change', async () => {
  const file = freshArchive();
  const host = await WorkerHost.start({ dbPath: file });
  try {
    const list = await host.call('listArticles', { limit: 1 });
    assert.ok(list.ok);
    const id = (list.result as { items: Array<{ id: string }> }).items[0].id;
    // The daily backup at start runs beside the first calls: wait for it without a timer.
    while (!listBackups(file).length) await new Promise((r) => setTimeout(r, 20));
    const made = await host.call('createAnnotation', { articleId: id, kind: 'bookmark' });
    assert.ok(made.ok);
  } finally {
    await host.close();
  }
  const backups = listBackups(file);
  assert.equal(backups.length, 2, 'one at start, one on quit');
  const copy = new Database(backups[0].path, { readonly: true });
  assert.equal((copy.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n, 1);
  copy.close();
});
