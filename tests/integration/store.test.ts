/**
 * The store on real SQLite files: pragmas, schema version, refusing files it must not touch, and
 * the query plans the library view depends on.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/store/db';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { Archive } from '../../electron/core/archive/archive';
import { UserError } from '../../electron/core/errors';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function assertUserError(fn: () => unknown, code: string): UserError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof UserError, `expected a UserError, got ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.match(caught.describe('vi'), /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  return caught;
}

describe('a new archive file', () => {
  test('WAL, foreign keys, user_version = SCHEMA_VERSION', () => {
    const file = path.join(dir, 'nested', 'new.db');
    const db = openDatabase(file);
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      assert.ok(SCHEMA_VERSION >= 1);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      for (const t of ['articles', 'articles_fts', 'annotations', 'tags', 'collections']) {
        assert.ok(tables.includes(t), `table ${t}`);
      }
    } finally {
      db.close();
    }
  });

  test('reopening keeps the version and does not migrate again', () => {
    const file = path.join(dir, 'reopen.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    db.close();
  });

  test('foreign keys are enforced: an annotation needs its article', () => {
    const db = openDatabase(path.join(dir, 'fk.db'));
    try {
      assert.throws(
        () =>
          db
            .prepare(
              "INSERT INTO annotations (id, article_id, kind, created, updated) VALUES ('x', 'missing', 'bookmark', 't', 't')",
            )
            .run(),
        /FOREIGN KEY/,
      );
    } finally {
      db.close();
    }
  });
});

describe('files the store must refuse', () => {
  test('a newer schema is refused with db.newer-schema and left byte for byte', () => {
    const file = path.join(dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (42);');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    const listing = fs.readdirSync(dir).sort();
    const error = assertUserError(() => openDatabase(file), 'db.newer-schema');
    assert.equal(error.params.found, SCHEMA_VERSION + 1);
    assertUserError(() => Archive.open(file), 'db.newer-schema');
    assertUserError(() => openDatabase(file, { readOnly: true }), 'db.newer-schema');
    assert.equal(sha(file), before);
    assert.deepEqual(fs.readdirSync(dir).sort(), listing, 'no -wal or -shm file left behind');
  });

  test('a file that is not SQLite gives db.not-archive and is not changed', () => {
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'Đây không phải là cơ sở dữ liệu. '.repeat(200));
    const before = sha(file);
    assertUserError(() => openDatabase(file), 'db.not-archive');
    assertUserError(() => Archive.open(file, { readOnly: true }), 'db.not-archive');
    assert.equal(sha(file), before);
  });

  test('read-only opening of a missing file is a UserError, and creates nothing', () => {
    const file = path.join(dir, 'missing.db');
    assertUserError(() => openDatabase(file, { readOnly: true }), 'import.not-found');
    assert.equal(fs.existsSync(file), false);
  });
});

describe('query plans', () => {
  let archive: Archive;
  before(() => {
    archive = Archive.open(path.join(dir, 'plans.db'));
  });
  after(() => archive.close());

  const plan = (sql: string) =>
    (archive.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');

  /** The SQL statements `fn` prepares on the archive's database. */
  function preparedBy(fn: () => void): string[] {
    const seen: string[] = [];
    const prepare = archive.db.prepare.bind(archive.db);
    archive.db.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof archive.db.prepare;
    try {
      fn();
    } finally {
      archive.db.prepare = prepare;
    }
    return seen;
  }

  test('listing by date (Archive.list) uses the date index, without a temp b-tree sort', () => {
    const sql = preparedBy(() => archive.list({ limit: 50 })).find((s) => /ORDER BY/.test(s));
    assert.ok(sql, 'Archive.list runs an ORDER BY query');
    const p = (archive.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(50, 0) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    assert.match(p, /USING INDEX articles_by_date/, p);
    assert.doesNotMatch(p, /TEMP B-TREE/, p);
  });

  test('listing by date puts undated articles last', async () => {
    const file = path.join(dir, 'dated.jsonl');
    const records = [
      { id: 'u', title: 'Bài không ngày', body: 'Nội dung một.' },
      { id: 'o', title: 'Bài cũ', body: 'Nội dung hai.', date: '2001-01-01' },
      { id: 'n', title: 'Bài mới', body: 'Nội dung ba.', date: '2024-07-21' },
    ];
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    await archive.importPaths([file]);
    const titles = archive.list({ limit: 10 }).items.map((i) => i.title);
    assert.deepEqual(titles, ['Bài mới', 'Bài cũ', 'Bài không ngày']);
  });

  test('a date range uses the date index', () => {
    const p = plan("SELECT id FROM articles WHERE date >= '2024-01-01' AND date <= '2024-12-31'");
    assert.match(p, /articles_by_date/, p);
  });

  test('filtering by type and sorting by date uses the type index', () => {
    const p = plan("SELECT id FROM articles WHERE doc_type = 'Luật' ORDER BY date DESC LIMIT 20");
    assert.match(p, /articles_by_type/, p);
    assert.doesNotMatch(p, /TEMP B-TREE/, p);
  });

  test('annotations of one article use their index', () => {
    const p = plan("SELECT * FROM annotations WHERE article_id = 'x' ORDER BY start");
    assert.match(p, /annotations_by_article/, p);
  });
});
