/**
 * Relations between documents in a real archive file: real documents (tests/fixtures/
 * law-relations) imported in either order resolve their references to each other, the effective
 * date is stored, the "in force on" filter follows replacements and repeals, a rebuild gives the
 * same rows, and an archive upgraded to schema 8 has its relations computed at open.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { Archive } from '../../electron/core/archive/archive';

const FIXTURE = new URL('../fixtures/law-relations/documents.jsonl', import.meta.url);
const records = fs
  .readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; number: string; title: string });
const BIN = new URL('../../bin/archive-reader.mjs', import.meta.url).pathname;
const idOfCli = (db: string, number: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT id FROM articles WHERE doc_number = ?').pluck().get(number);
  } finally {
    conn.close();
  }
};
const byNumber = (n: string) => records.find((r) => r.number === n)!;

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relations-test-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A JSON Lines file of the fixture documents with these numbers, in this order. */
function file(...numbers: string[]): string {
  const f = path.join(dir, `docs-${++n}.jsonl`);
  fs.writeFileSync(f, numbers.map((x) => JSON.stringify(byNumber(x))).join('\n') + '\n');
  return f;
}

const idOf = (archive: Archive, number: string) =>
  archive.db.prepare('SELECT id FROM articles WHERE doc_number = ?').pluck().get(number) as string;

const relationRows = (archive: Archive) =>
  archive.db
    .prepare(
      `SELECT a.doc_number AS from_number, r.kind, r.to_number, b.doc_number AS to_doc, r.block_index
       FROM relations r JOIN articles a ON a.rowid = r.from_article
       LEFT JOIN articles b ON b.rowid = r.to_article ORDER BY 1, 2, 3`,
    )
    .all();

test('an amending document arriving after the amended one links to it', async () => {
  const archive = Archive.open(path.join(dir, 'newer-later.db'));
  try {
    await archive.importPaths([file('07/2023/TT-BLĐTBXH')]);
    await archive.importPaths([file('10/2024/TT-BLĐTBXH')]);
    const older = archive.relations(idOf(archive, '07/2023/TT-BLĐTBXH'));
    const amending = older.incoming.find((i) => i.kind === 'amends');
    assert.ok(amending, 'the older circular is amended');
    assert.equal(amending.article?.id, idOf(archive, '10/2024/TT-BLĐTBXH'));
    assert.equal(amending.label, 'Thông tư số 10/2024/TT-BLĐTBXH');
    assert.equal(amending.article?.effectiveDate, '2024-12-10');
    assert.equal(older.supersededBy, null, 'an amendment does not end it');
    assert.equal(older.effectiveDate, '2023-10-15');
    const newer = archive.relations(idOf(archive, '10/2024/TT-BLĐTBXH'));
    const out = newer.outgoing.find((o) => o.kind === 'amends')!;
    assert.equal(out.article?.id, idOf(archive, '07/2023/TT-BLĐTBXH'));
    assert.equal(out.label, 'Thông tư số 07/2023/TT-BLĐTBXH');
    // What it cites and the archive does not hold stays a number, unresolved.
    const cited = newer.outgoing.find((o) => o.number === '204/2004/NĐ-CP')!;
    assert.equal(cited.kind, 'cites');
    assert.equal(cited.article, null);
  } finally {
    archive.close();
  }
});

test('a document arriving after the one that repeals it takes up the waiting reference', async () => {
  const file1 = path.join(dir, 'older-later.db');
  const archive = Archive.open(file1);
  try {
    await archive.importPaths([file('20/2023/TT-BLĐTBXH')]);
    const pending = archive.db
      .prepare(
        "SELECT count(*) FROM relations WHERE to_number = '01/2023/TT-BLĐTBXH' AND to_article IS NULL",
      )
      .pluck()
      .get();
    assert.equal(pending, 1);
    await archive.importPaths([file('01/2023/TT-BLĐTBXH')]);
    const older = archive.relations(idOf(archive, '01/2023/TT-BLĐTBXH'));
    assert.equal(older.supersededBy?.kind, 'repeals');
    assert.equal(older.supersededBy?.article?.id, idOf(archive, '20/2023/TT-BLĐTBXH'));
    assert.match(older.supersededBy!.text, /hết hiệu lực/);
  } finally {
    archive.close();
  }
});

test('in force on a day: effective by then and not replaced or repealed by then', async () => {
  const archive = Archive.open(path.join(dir, 'in-force.db'));
  try {
    await archive.importPaths([
      file('01/2023/TT-BLĐTBXH', '20/2023/TT-BLĐTBXH', '07/2023/TT-BLĐTBXH', '10/2024/TT-BLĐTBXH'),
    ]);
    const inForce = (day: string) =>
      archive
        .list({ inForce: day, limit: 50 })
        .items.map((i) => i.docNumber)
        .sort();
    // 01/2023 takes effect on 2023-02-20; 20/2023, which ends it, on 2024-02-15.
    assert.deepEqual(inForce('2023-02-19'), []);
    assert.deepEqual(inForce('2023-02-20'), ['01/2023/TT-BLĐTBXH']);
    assert.deepEqual(inForce('2024-01-01'), ['01/2023/TT-BLĐTBXH', '07/2023/TT-BLĐTBXH']);
    // From 2024-02-15 the repealing circular is in force and the repealed one is not; an
    // amended one stays in force.
    assert.deepEqual(inForce('2024-02-15'), ['07/2023/TT-BLĐTBXH', '20/2023/TT-BLĐTBXH']);
    assert.deepEqual(inForce('2025-01-01'), [
      '07/2023/TT-BLĐTBXH',
      '10/2024/TT-BLĐTBXH',
      '20/2023/TT-BLĐTBXH',
    ]);
    // The search takes the same filter.
    const hits = archive.search({ query: 'thông tư', inForce: '2023-06-01', limit: 50 });
    assert.deepEqual(
      hits.hits.map((h) => h.docNumber),
      ['01/2023/TT-BLĐTBXH'],
    );
  } finally {
    archive.close();
  }
});

test('the command line takes the same filter: search --in-force DAY', async () => {
  const db = path.join(dir, 'in-force-cli.db');
  const archive = Archive.open(db);
  try {
    await archive.importPaths([file('01/2023/TT-BLĐTBXH', '20/2023/TT-BLĐTBXH')]);
  } finally {
    archive.close();
  }
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, '--db', db, 'search', 'thông tư', '--json', ...args], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    });
  const numbers = (r: ReturnType<typeof cli>) => {
    assert.equal(r.status, 0, r.stderr);
    return r.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { id: string }).id)
      .map((id) => records.find((x) => id === idOfCli(db, x.number))?.number)
      .sort();
  };
  assert.deepEqual(numbers(cli()), ['01/2023/TT-BLĐTBXH', '20/2023/TT-BLĐTBXH']);
  assert.deepEqual(numbers(cli('--in-force', '01/06/2023')), ['01/2023/TT-BLĐTBXH']);
  assert.deepEqual(numbers(cli('--in-force', '2024-02-15')), ['20/2023/TT-BLĐTBXH']);
  // A month is not a day: one sentence, exit 1.
  const bad = cli('--in-force', '2024-02');
  assert.equal(bad.status, 1);
  assert.equal(
    bad.stderr.trim(),
    'Ngày “2024-02” không hợp lệ; hãy dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY.',
  );
});

test('rebuilding gives the same relations; an upgraded archive computes them at open', async () => {
  const dbFile = path.join(dir, 'rebuild.db');
  let archive = Archive.open(dbFile);
  let before: unknown[];
  try {
    await archive.importPaths([file(...records.map((r) => r.number))]);
    before = relationRows(archive);
    assert.ok(before.length > 50, `${before.length} relations`);
    assert.equal(archive.rebuildRelations(), records.length);
    assert.deepEqual(relationRows(archive), before);
    // As schema 7 left it: no relations, no effective dates, and the marker of schema 8.
    archive.db.exec(
      "DELETE FROM relations; UPDATE articles SET effective_date = NULL, number_key = NULL; UPDATE meta SET value = '0' WHERE key = 'relations_built'",
    );
  } finally {
    archive.close();
  }
  archive = Archive.open(dbFile);
  try {
    assert.deepEqual(relationRows(archive), before);
    const effective = archive.db
      .prepare("SELECT effective_date FROM articles WHERE doc_number = '41/2024/QH15'")
      .pluck()
      .get();
    assert.equal(effective, '2025-07-01');
  } finally {
    archive.close();
  }
});
