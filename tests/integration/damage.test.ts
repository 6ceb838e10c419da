/**
 * Damage: derived data lost (the catalog file deleted or corrupted, the full-text rows dropped) is
 * noticed at start and rebuilt in the background with progress while search keeps answering, and
 * nothing the user made is lost; a damaged database is refused at open with one sentence offering
 * the newest automatic backup, which `archive-reader restore` then brings back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Archive } from '../../electron/core/archive/archive';
import { describeError, UserError } from '../../electron/core/errors';
import { WorkerHost } from '../../electron/api/worker-host';
import { backupArchive } from '../../electron/core/store/backup';
import { indexGap } from '../../electron/core/store/health';
import { startOrRecover } from '../../electron/cli/backup';
import { startWebHost } from '../../electron/web/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SAMPLE = path.join(ROOT, 'resources/sample/archive.db');
const REFERENCE = 'Bước tiến mới trong công tác dân vận ở Lạng Sơn';
const QUERIES = ['dan van lang son', 'luật cư trú', 'lao động', 'title:"nghị định"', 'thôn -tổ'];

let dir: string;
before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-damage-'))));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function freshArchive(): string {
  const folder = path.join(dir, `case-${++n}`);
  fs.mkdirSync(folder);
  const file = path.join(folder, 'archive.db');
  fs.copyFileSync(SAMPLE, file);
  return file;
}

/** What the user made: a note, tags and a collection on the reference article. */
function curate(archive: Archive): string {
  const id = archive.search({ query: REFERENCE, limit: 1 }).hits[0].id;
  const text = archive.view(id).text;
  const start = text.indexOf('dân vận');
  archive.annotate({
    articleId: id,
    kind: 'note',
    color: 'green',
    note: 'ghi chú của xã',
    selector: { exact: 'dân vận', start, end: start + 'dân vận'.length },
  });
  archive.setTags(id, ['dân vận', 'Lạng Sơn']);
  archive.setCollections(id, ['Tư liệu 2024']);
  return id;
}

function assertCuration(archive: Archive, id: string): void {
  const [note] = archive.listAnnotations({ articleId: id }).items;
  assert.equal(note?.note, 'ghi chú của xã');
  assert.equal(note?.selector?.exact, 'dân vận');
  const article = archive.getArticle(id);
  assert.deepEqual(new Set(article.tags), new Set(['dân vận', 'Lạng Sơn']));
  assert.deepEqual(article.collections, ['Tư liệu 2024']);
}

const ids = (archive: Archive, query: string) =>
  new Set(archive.search({ query, limit: 500 }).hits.map((h) => h.id));

test('dropped full-text rows: noticed at open, search still finds every article, rebuilt page by page', async () => {
  const file = freshArchive();
  let archive = Archive.open(file);
  const id = curate(archive);
  const expected = QUERIES.map((q) => ids(archive, q));
  archive.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
  archive.close();

  archive = Archive.open(file);
  try {
    assert.equal(indexGap(archive.db).indexed, 0);
    // Search without the index: every article the index would have found, from the articles.
    QUERIES.forEach((q, i) => assert.deepEqual(ids(archive, q), expected[i], q));
    assert.equal(archive.search({ query: 'dan van lang son', limit: 1 }).hits[0].title, REFERENCE);

    const progress: number[] = [];
    const during: Array<Set<string>> = [];
    archive.events.on('indexProgress', (p: { state: string; progress: number }) => {
      progress.push(p.progress);
      // Half rebuilt: the indexed part and the scanned part still add up to every article.
      if (p.progress > 0.3 && !during.length) during.push(ids(archive, QUERIES[0]));
    });
    const rebuilt = await archive.repairIndex();
    assert.equal(rebuilt, archive.stats().articles);
    assert.ok(
      progress.some((p) => p > 0 && p < 1),
      'progress between 0 and 1',
    );
    assert.equal(progress.at(-1), 1);
    assert.deepEqual(during[0], expected[0]);
    const gap = indexGap(archive.db);
    assert.equal(gap.indexed, gap.articles);
    QUERIES.forEach((q, i) => assert.deepEqual(ids(archive, q), expected[i], q));
    assertCuration(archive, id);
  } finally {
    archive.close();
  }
});

test('the archive worker notices lost derived data at start and rebuilds it in the background', async () => {
  const file = freshArchive();
  const archive = Archive.open(file);
  const id = curate(archive);
  await archive.warmCatalog();
  const expected = ids(archive, 'dan van lang son');
  archive.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
  archive.close();
  fs.writeFileSync(`${file}.catalog.json`, '{"format": 3, "generation": "1:2:3", "index": {"ver');

  const host = await WorkerHost.start({ dbPath: file });
  const events: Array<{ state: string; progress: number }> = [];
  host.on('indexProgress', (p) => events.push(p));
  try {
    const first = await host.call('search', { query: 'dan van lang son', limit: 50 });
    assert.ok(first.ok);
    const hits = (first.result as { hits: Array<{ id: string }> }).hits;
    assert.deepEqual(new Set(hits.map((h) => h.id)), expected);
    // Wait (no timer decides anything) until the index is whole again.
    const reader = new Database(file, { readonly: true });
    while (indexGap(reader).indexed !== indexGap(reader).articles)
      await new Promise((r) => setTimeout(r, 25));
    reader.close();
    const after = await host.call('search', { query: 'dan van lang son', limit: 50 });
    assert.ok(after.ok);
    const afterHits = (after.result as { hits: Array<{ id: string }> }).hits;
    assert.deepEqual(new Set(afterHits.map((h) => h.id)), expected);
    const suggest = await host.call('suggest', { prefix: 'luat cu tr' });
    assert.ok(suggest.ok);
  } finally {
    await host.close();
  }
  assert.ok(events.some((e) => e.state === 'building'));
  const saved = JSON.parse(fs.readFileSync(`${file}.catalog.json`, 'utf8')) as { format: number };
  assert.ok(saved.format >= 3, 'the catalog file was rebuilt');
  const reopened = Archive.open(file);
  assertCuration(reopened, id);
  reopened.close();
});

/** Overwrite one page (1-based) of an SQLite file with garbage; on page 1, after the header. */
function smash(file: string, page: number): void {
  const fd = fs.openSync(file, 'r+');
  const header = Buffer.alloc(2);
  fs.readSync(fd, header, 0, 2, 16); // the page size, big-endian; 1 stands for 65,536
  const size = header.readUInt16BE(0) === 1 ? 65_536 : header.readUInt16BE(0);
  const from = page === 1 ? 100 : 0;
  fs.writeSync(fd, Buffer.alloc(size - from, 0x5a), 0, size - from, (page - 1) * size + from);
  fs.closeSync(fd);
}

function pageOf(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare('SELECT pageno FROM dbstat WHERE name = ? LIMIT 1').get(table) as {
        pageno: number;
      }
    ).pageno;
  } finally {
    db.close();
  }
}

test('a damaged database is refused at open with one sentence offering the newest backup', async () => {
  const damages: Array<[string, (file: string) => void]> = [
    ['cut short', (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 3))],
    ['schema page overwritten', (f) => smash(f, 1)],
    ['a table page overwritten', (f) => smash(f, pageOf(f, 'article_facts'))],
    ['an annotations page overwritten', (f) => smash(f, pageOf(f, 'annotations'))],
  ];
  for (const [what, damage] of damages) {
    const file = freshArchive();
    // Without a backup: the sentence says so.
    const plain = `${file}.plain.db`;
    fs.copyFileSync(file, plain);
    damage(plain);
    assert.throws(
      () => Archive.open(plain),
      (e: unknown) => e instanceof UserError && e.code === 'db.damaged',
      what,
    );

    const archive = Archive.open(file);
    const backup = await backupArchive(archive.db, file);
    archive.close();
    damage(file);
    assert.throws(
      () => Archive.open(file),
      (e: unknown) =>
        e instanceof UserError &&
        e.code === 'db.damaged-backup' &&
        e.params.backup === backup.path &&
        /is damaged; the newest automatic backup, made \d{4}-\d\d-\d\d \d\d:\d\d UTC, can be restored\./.test(
          e.describe('en'),
        ),
      what,
    );
  }
  // A file that never was an archive is still told apart from a damaged one.
  const text = path.join(dir, 'notes.db');
  fs.writeFileSync(text, 'Biên bản họp thôn\n'.repeat(500));
  assert.throws(
    () => Archive.open(text),
    (e: unknown) => e instanceof UserError && e.code === 'db.not-archive',
  );
});

test('archive-reader on a damaged archive prints the sentence and the restore command, which works', async () => {
  const file = freshArchive();
  const archive = Archive.open(file);
  const count = archive.stats().articles;
  const backup = await backupArchive(archive.db, file);
  archive.close();
  smash(file, pageOf(file, 'article_facts'));

  const env = { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const stats = spawnSync(process.execPath, [BIN, '--db', file, 'stats'], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  assert.equal(stats.status, 1);
  const lines = stats.stderr.trim().split('\n');
  assert.equal(lines.length, 2, stats.stderr);
  assert.match(lines[0], /đã bị hỏng; có thể khôi phục bản sao lưu tự động mới nhất/);
  assert.doesNotMatch(stats.stderr, /^\s+at |\.ts:\d+/m);
  const command = /chạy: archive-reader (.+)$/.exec(lines[1]);
  assert.ok(command, lines[1]);
  assert.ok(lines[1].includes(backup.path));

  // The command as printed (paths without spaces: no quoting needed).
  const restore = spawnSync(process.execPath, [BIN, ...command[1].split(' ')], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  assert.equal(restore.status, 0, restore.stderr);
  assert.ok(fs.existsSync(`${file}.before-restore`));
  const restored = Archive.open(file);
  assert.equal(restored.stats().articles, count);
  assert.deepEqual(restored.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  restored.close();
});

test('the browser host on a damaged archive serves the sentence, and restoreBackup brings it back', async () => {
  const file = freshArchive();
  const archive = Archive.open(file);
  const count = archive.stats().articles;
  await backupArchive(archive.db, file);
  archive.close();
  smash(file, pageOf(file, 'annotations'));
  const stderr = process.stderr.write;
  process.stderr.write = () => true; // the host also prints the sentence for whoever started it
  const engine = await startOrRecover(() => WorkerHost.start({ dbPath: file, locale: 'en' }), {
    file,
    locale: 'en',
    canRestore: true,
  }).finally(() => (process.stderr.write = stderr));
  const staticDir = path.join(path.dirname(file), 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><title>Archive Reader</title>',
  );
  const host = await startWebHost({
    dispatch: (method, input) => engine.call(method, input),
    subscribe: (event, listener) => engine.on(event, listener),
    staticDir,
    port: 0,
  });
  const call = async (method: string, input: unknown = {}) => {
    const response = await fetch(`${host.url}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as {
      ok: boolean;
      result?: { articles?: number };
      error?: { code: string; message: string };
    };
  };
  try {
    const stats = await call('stats');
    assert.equal(stats.error?.code, 'db.damaged-backup');
    assert.match(
      stats.error!.message,
      /is damaged; the newest automatic backup, made .* can be restored\./,
    );
    assert.equal((await call('search', { query: 'dan van' })).error?.code, 'db.damaged-backup');
    assert.equal((await call('restoreBackup')).ok, true);
    const after = await call('stats');
    assert.equal(after.ok, true, JSON.stringify(after));
    assert.equal(after.result?.articles, count);
  } finally {
    await host.close();
    await engine.close();
  }
  assert.ok(fs.existsSync(`${file}.before-restore`));
});

test('the browser host does not offer to restore when it serves read-only or other machines', async () => {
  const file = freshArchive();
  const archive = Archive.open(file);
  await backupArchive(archive.db, file);
  archive.close();
  smash(file, pageOf(file, 'annotations'));
  await assert.rejects(
    startOrRecover(() => WorkerHost.start({ dbPath: file, readOnly: true }), {
      file,
      locale: 'vi',
      canRestore: false,
    }),
    (e: unknown) => (e as { code?: string }).code === 'db.damaged-backup',
  );
});

test('a damaged page deep in the articles, found when read, is told in one sentence too', () => {
  const file = freshArchive();
  Archive.open(file).close(); // current schema, no WAL beside it
  const db = new Database(file, { readonly: true });
  const leaves = db
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY pageno",
    )
    .all() as { pageno: number }[];
  db.close();
  smash(file, leaves[Math.floor(leaves.length / 2)].pageno);
  // Opening reads the ends of the articles' b-tree only (a full walk costs seconds at scale).
  const archive = Archive.open(file);
  try {
    let thrown: unknown = null;
    try {
      archive.list({ limit: 1000, sort: 'title' });
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown, 'reading every article meets the damaged page');
    assert.equal(
      describeError(thrown, 'en'),
      'A part of the archive just read is damaged; restore the newest automatic backup (the backups folder beside the archive).',
    );
  } finally {
    archive.close();
  }
});
