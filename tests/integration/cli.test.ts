/**
 * The `archive-reader` command, spawned as a user runs it: `node bin/archive-reader.mjs --db FILE`.
 * JSON output shapes, one-line errors with exit status 1, and ARCHIVE_READER_DB.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';

let dir: string;
let db: string;

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: 'vi_VN.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
  };
  delete base.ARCHIVE_READER_DB;
  delete base.ARCHIVE_READER_DEBUG;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...base, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run with --db and expect success; returns stdout's JSON lines. */
function json(args: string[]): Array<Record<string, unknown>> {
  const r = run(['--db', db, ...args]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** An error: exit 1, exactly one line on stderr, in Vietnamese, without a stack trace. */
function assertOneLineError(r: ReturnType<typeof run>, pattern: RegExp) {
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /^\s+at |Error:|\.ts:\d+/m);
}

let seedId: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
  db = path.join(dir, 'archive.db');
  const records = [
    {
      id: 'r1',
      title: 'Đà Nẵng đón khách du lịch',
      body: 'Thành phố Đà Nẵng đón nhiều khách.',
      date: '2024-03-01',
    },
    {
      id: 'r2',
      title: 'Hội nghị dân vận khéo',
      body: 'Huyện biểu dương điển hình dân vận khéo.',
      date: '2023-05-02',
    },
  ];
  fs.writeFileSync(path.join(dir, 'news.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('archive-reader', () => {
  test('import --json prints one summary object', () => {
    const r = run([
      '--db',
      db,
      'import',
      SEED,
      path.join(dir, 'news.jsonl'),
      path.join(dir, 'empty.txt'),
      '--json',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const summary = JSON.parse(lines[0]);
    assert.deepEqual(Object.keys(summary), ['imported', 'duplicates', 'failed']);
    assert.equal(summary.imported, 3);
    assert.equal(summary.duplicates, 0);
    assert.equal(summary.failed.length, 1);
    assert.deepEqual(Object.keys(summary.failed[0]), ['path', 'error']);
    assert.equal(summary.failed[0].path, path.join(dir, 'empty.txt'));
    assert.equal(summary.failed[0].error, 'Tệp trống.');
  });

  test('a second import reports duplicates', () => {
    const [summary] = json(['import', SEED, path.join(dir, 'news.jsonl'), '--json']);
    assert.deepEqual(summary, { imported: 0, duplicates: 3, failed: [] });
  });

  test('search --json: one object a line with a marked snippet', () => {
    const hits = json(['search', 'dan van lang son', '--json']);
    assert.ok(hits.length >= 1);
    for (const h of hits) {
      assert.deepEqual(Object.keys(h), [
        'id',
        'sourceId',
        'title',
        'date',
        'source',
        'score',
        'snippet',
      ]);
      assert.match(String(h.snippet), /<mark>/);
      assert.equal(typeof h.score, 'number');
    }
    assert.equal(hits[0].title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
    assert.equal(hits[0].sourceId, SEED);
    assert.equal(hits[0].date, '2024-07-21');
    seedId = String(hits[0].id);
    const [danang] = json(['search', 'da nang', '--json', '--from', '01/01/2024']);
    assert.equal(danang.sourceId, 'r1');
  });

  test('search --queries FILE --json: one line per query', () => {
    const file = path.join(dir, 'queries.txt');
    fs.writeFileSync(file, 'dan van\n\nda nang\nkhông có gì như thế này cả xyzzy\n');
    const lines = json(['search', '--queries', file, '--json']);
    assert.deepEqual(
      lines.map((l) => l.query),
      ['dan van', 'da nang', 'không có gì như thế này cả xyzzy'],
    );
    const [danVan, daNang] = lines.map((l) => l.hits as Array<Record<string, unknown>>);
    assert.ok(danVan.length >= 2);
    for (const h of danVan) assert.deepEqual(Object.keys(h), ['id', 'sourceId', 'title', 'score']);
    assert.equal(daNang[0].sourceId, 'r1');
  });

  test('show ID --json', () => {
    const [article] = json(['show', seedId, '--json']);
    assert.equal(article.id, seedId);
    assert.equal(article.author, 'Trung Xuân');
    assert.ok(Array.isArray(article.blocks));
    assert.deepEqual(article.annotations, []);
  });

  test('stats --json', () => {
    const [stats] = json(['stats', '--json']);
    assert.equal(stats.articles, 3);
    assert.equal(stats.annotations, 0);
  });

  test('annotate, then annotations ID --json', () => {
    const r = run([
      '--db',
      db,
      'annotate',
      seedId,
      '--quote',
      'Năm dân vận chính quyền',
      '--note',
      'Ghi nhớ',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const [a] = json(['annotations', seedId, '--json']);
    assert.equal(a.articleId, seedId);
    assert.equal(a.note, 'Ghi nhớ');
    assert.equal((a.selector as { exact: string }).exact, 'Năm dân vận chính quyền');
    assert.equal(json(['stats', '--json'])[0].annotations, 1);
  });

  test('an unknown id for show: exit 1, one line, no stack trace', () => {
    assertOneLineError(run(['--db', db, 'show', 'khong-co-bai-nay']), /Không tìm thấy bài viết/);
  });

  test('a date that does not exist (31/02/2024): exit 1, one line', () => {
    assertOneLineError(run(['--db', db, 'search', 'dan', '--from', '31/02/2024']), /31\/02\/2024/);
  });

  test('a quote that is not in the article: exit 1, one line', () => {
    assertOneLineError(run(['--db', db, 'annotate', seedId, '--quote', 'Hà Giang']), /Hà Giang/);
  });

  test('ARCHIVE_READER_DB is honoured', () => {
    const r = run(['stats', '--json'], { ARCHIVE_READER_DB: db });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).articles, 3);
    const other = path.join(dir, 'other.db');
    const empty = run(['import', path.join(dir, 'news.jsonl'), '--json'], {
      ARCHIVE_READER_DB: other,
    });
    assert.equal(JSON.parse(empty.stdout).imported, 2);
    assert.ok(fs.existsSync(other));
  });
});
