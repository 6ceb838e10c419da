/**
 * Archive bundles between two offices: archive A and archive B share the reference article and
 * part of a corpus slice, each has its own annotations, and one annotation is edited in both.
 * Real SQLite files, real bundle files, damaged on purpose.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Archive } from '../../electron/core/archive/archive';
import type { BundleImportReport } from '../../electron/api/contract';
import { UserError } from '../../electron/core/errors';
import { corpusLines, writeJsonl } from '../support/corpus';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const NEWS = 'vietnews-train-40k.jsonl.gz';
const OFFICIAL = 'official-documents-vn.jsonl.gz';

let dir: string;
let a: Archive;
let b: Archive;
let seedId: string;
let shared: string; // the annotation both offices edit
let onlyA: string;
let onlyB: string;
let firstBundle: string;
let firstReport: BundleImportReport;
let bCountBefore: number;

/** Records `from` (counted from 0) up to `to` of a corpus file, written to `dest`. */
async function records(file: string, from: number, to: number, dest: string): Promise<void> {
  writeJsonl(dest, await corpusLines(file, to - from, { skip: from }));
}

const count = (archive: Archive, sql: string, ...params: unknown[]) =>
  (archive.db.prepare(sql).get(...params) as { n: number }).n;
const articles = (archive: Archive) => count(archive, 'SELECT count(*) AS n FROM articles');

/** An edit made at a known time (the service stamps "now"; merges are decided by these times). */
function edit(archive: Archive, id: string, note: string, updated: string): void {
  archive.db
    .prepare("UPDATE annotations SET note = ?, kind = 'note', updated = ? WHERE id = ?")
    .run(note, updated, id);
}

/** Rewrite a bundle's decompressed lines (to damage it on purpose) into a new bundle. */
function rewrite(src: string, dest: string, change: (lines: string[]) => string[]): void {
  const lines = zlib.gunzipSync(fs.readFileSync(src)).toString('utf8').split('\n');
  fs.writeFileSync(dest, zlib.gzipSync(change(lines).join('\n')));
}

async function refusedWith(promise: Promise<unknown>, code: string): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-test-'));
  await records(NEWS, 0, 120, path.join(dir, 'news-a.jsonl'));
  await records(NEWS, 80, 150, path.join(dir, 'news-b.jsonl'));
  await records(OFFICIAL, 0, 3, path.join(dir, 'official.jsonl'));

  a = Archive.open(path.join(dir, 'a.db'));
  const summaryA = await a.importPaths([SEED, path.join(dir, 'news-a.jsonl')]);
  assert.deepEqual(summaryA.failed, []);
  await a.importPaths([path.join(dir, 'official.jsonl')]);
  seedId = summaryA.articleIds[0];
  b = Archive.open(path.join(dir, 'b.db'));
  assert.deepEqual((await b.importPaths([SEED, path.join(dir, 'news-b.jsonl')])).failed, []);

  // A curates: a collection and a tag on the reference article, provenance on a document.
  a.setCollections(seedId, ['Lạng Sơn']);
  a.setTags(seedId, ['dân vận']);
  b.setTags(seedId, ['tỉnh Lạng Sơn']);
  a.db
    .prepare("UPDATE articles SET place = 'Lai Châu', encoding = 'tcvn3' WHERE date IS NOT NULL")
    .run();
  shared = a.annotate({ articleId: seedId, kind: 'highlight', selector: { exact: 'dân vận' } }).id;
  onlyA = a.annotate({
    articleId: seedId,
    kind: 'note',
    note: 'Ghi chú của xã A',
    selector: { exact: 'Quy chế dân chủ ở cơ sở' },
  }).id;
  onlyB = b.annotate({ articleId: seedId, kind: 'bookmark' }).id;

  firstBundle = path.join(dir, 'a-1.arbundle');
  await a.exportBundle({ machine: 'xa-a' }, firstBundle);
  bCountBefore = articles(b);
  firstReport = await b.importBundle({ path: firstBundle });
});

after(() => {
  a?.close();
  b?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a bundle from A imported into B, with overlapping content', () => {
  test('no article twice: the overlap is reported present, the rest added', () => {
    const inA = articles(a);
    const overlap = count(
      b,
      `SELECT count(*) AS n FROM articles WHERE id IN (${Array(inA).fill('?').join(',')})`,
      ...(a.db.prepare('SELECT id FROM articles').pluck().all() as string[]),
    );
    assert.equal(overlap, inA, 'every article of A is now in B');
    assert.equal(firstReport.articles.present, 41, 'the seed and records 80–119');
    assert.equal(firstReport.articles.added, inA - 41);
    assert.equal(firstReport.articles.refused, 0);
    assert.equal(articles(b), bCountBefore + firstReport.articles.added);
    assert.equal(count(b, 'SELECT count(DISTINCT id) AS n FROM articles'), articles(b));
  });

  test('annotations of both offices are present', () => {
    const ids = b.annotations.forArticle(seedId).map((n) => n.id);
    assert.deepEqual(new Set(ids), new Set([shared, onlyA, onlyB]));
    assert.equal(firstReport.annotations.added, 2);
    assert.equal(b.annotations.get(onlyA).note, 'Ghi chú của xã A');
  });

  test('tags and collections are added to what B had, never replacing it', () => {
    const seed = b.getArticle(seedId);
    assert.deepEqual(seed.tags, ['dân vận', 'tỉnh Lạng Sơn']);
    assert.deepEqual(seed.collections, ['Lạng Sơn']);
    assert.equal(firstReport.tags, 1);
    assert.equal(firstReport.collections, 1);
  });

  test('every stored field travels, provenance and document facts included', () => {
    const doc = a.db
      .prepare('SELECT id FROM articles WHERE doc_number IS NOT NULL LIMIT 1')
      .pluck()
      .get() as string;
    const [x, y] = [a.getArticle(doc), b.getArticle(doc)];
    assert.equal(y.place, 'Lai Châu');
    assert.equal(y.encoding, 'tcvn3');
    const { importedAt: _1, importedFrom: _2, ...sameA } = x;
    const { importedAt: _3, importedFrom: from, ...sameB } = y;
    assert.deepEqual(sameB, sameA);
    assert.equal(from, firstBundle, 'B records the bundle it came from');
    // and the facts searches filter on, with its full-text row
    const facts = b.db
      .prepare(
        'SELECT f.issuer, f.doc_type FROM article_facts f JOIN articles a ON a.rowid = f.article WHERE a.id = ?',
      )
      .get(doc) as { issuer: string; doc_type: string };
    assert.deepEqual(facts, { issuer: x.issuer, doc_type: x.docType });
    const hits = b.search({ query: `"${x.title.split(' ').slice(0, 4).join(' ')}"` }).hits;
    assert.ok(hits.some((h) => h.id === doc));
  });

  test('importing the same bundle again adds nothing', async () => {
    const before = articles(b);
    const again = await b.importBundle({ path: firstBundle });
    assert.deepEqual(again.articles, { added: 0, present: articles(a), refused: 0 });
    assert.deepEqual(again.annotations, {
      added: 0,
      updated: 0,
      kept: 0,
      unchanged: 2,
      skipped: 0,
    });
    assert.deepEqual([again.revisions, again.tags, again.collections], [0, 0, 0]);
    assert.equal(articles(b), before);
  });
});

describe('the same annotation edited in both offices', () => {
  let bundleA: string;

  before(async () => {
    edit(a, shared, 'Bản sửa của xã A', '2025-03-01T08:00:00.000Z');
    edit(b, shared, 'Bản sửa của xã B', '2025-03-02T08:00:00.000Z');
    bundleA = path.join(dir, 'a-2.arbundle');
    await a.exportBundle({ machine: 'xa-a' }, bundleA);
  });

  test('the later edit wins and the other is kept as a revision, with its origin', async () => {
    const report = await b.importBundle({ path: bundleA });
    assert.equal(report.annotations.kept, 1);
    assert.equal(report.annotations.updated, 0);
    assert.equal(b.annotations.get(shared).note, 'Bản sửa của xã B');
    const kept = b.db
      .prepare('SELECT note, updated, origin FROM annotation_revisions WHERE annotation_id = ?')
      .all(shared);
    assert.deepEqual(kept, [
      { note: 'Bản sửa của xã A', updated: '2025-03-01T08:00:00.000Z', origin: 'xa-a' },
    ]);
    const again = await b.importBundle({ path: bundleA });
    assert.equal(again.revisions, 0, 'the same losing version is not kept twice');
  });

  test('the other way round, A takes B’s later edit: both offices end the same', async () => {
    const bundleB = path.join(dir, 'b-1.arbundle');
    await b.exportBundle({ machine: 'xa-b' }, bundleB);
    const report = await a.importBundle({ path: bundleB });
    assert.equal(report.annotations.updated, 1);
    assert.equal(a.annotations.get(shared).note, 'Bản sửa của xã B');
    assert.equal(a.annotations.get(onlyB).kind, 'bookmark', 'B’s own annotation reached A');
    const notes = (x: Archive) =>
      x.db
        .prepare('SELECT note FROM annotation_revisions WHERE annotation_id = ?')
        .pluck()
        .all(shared);
    assert.deepEqual(notes(a), ['Bản sửa của xã A']);
    assert.deepEqual(notes(b), notes(a));
    assert.equal(articles(a), articles(b), 'both archives hold the same articles now');
  });

  test('edits made at the very same time: both offices still pick the same winner', async () => {
    edit(a, onlyA, 'Cùng lúc, bản A', '2025-04-01T00:00:00.000Z');
    edit(b, onlyA, 'Cùng lúc, bản B', '2025-04-01T00:00:00.000Z');
    const [fromA, fromB] = [path.join(dir, 'tie-a.arbundle'), path.join(dir, 'tie-b.arbundle')];
    await a.exportBundle({ collection: 'Lạng Sơn' }, fromA);
    await b.exportBundle({ collection: 'Lạng Sơn' }, fromB);
    await b.importBundle({ path: fromA });
    await a.importBundle({ path: fromB });
    assert.equal(a.annotations.get(onlyA).note, b.annotations.get(onlyA).note);
  });
});

describe('selecting what goes into a bundle', () => {
  const manifestOf = (file: string) =>
    JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')[0]) as {
      hashes: Record<string, string>;
      counts: { articles: number; annotations: number };
      selection: unknown;
    };

  test('--collection: only that collection’s articles and their annotations', async () => {
    const file = path.join(dir, 'lang-son.arbundle');
    const result = await a.exportBundle({ collection: 'Lạng Sơn' }, file);
    const manifest = manifestOf(file);
    assert.deepEqual(Object.keys(manifest.hashes), [seedId]);
    assert.equal(result.counts.annotations, a.annotations.forArticle(seedId).length);
    assert.deepEqual(manifest.selection, { collection: 'Lạng Sơn', since: null });
  });

  test('--since: articles imported since, and older ones with a newer annotation', async () => {
    const ids = a.db.prepare('SELECT id FROM articles ORDER BY rowid').pluck().all() as string[];
    const recent = ids.slice(-5);
    const old = a.db.prepare('UPDATE articles SET imported_at = ? WHERE id = ?');
    for (const id of ids) if (!recent.includes(id)) old.run('2020-01-01T00:00:00.000Z', id);
    a.db
      .prepare('UPDATE annotations SET updated = ? WHERE article_id = ?')
      .run('2020-01-01T00:00:00.000Z', seedId);
    const file = path.join(dir, 'since.arbundle');
    await refusedWith(a.exportBundle({ since: '2099-01-01' }, file), 'bundle.nothing-selected');
    await a.exportBundle({ since: '2024-06' }, file);
    assert.deepEqual(Object.keys(manifestOf(file).hashes).sort(), [...recent].sort());

    edit(a, onlyA, 'Sửa lại năm 2025', '2025-06-01T00:00:00.000Z');
    await a.exportBundle({ since: '2025-05-31' }, file);
    assert.deepEqual(Object.keys(manifestOf(file).hashes).sort(), [...recent, seedId].sort());
  });

  test('an unknown collection is refused with a sentence and no file', async () => {
    const file = path.join(dir, 'none.arbundle');
    const error = await refusedWith(
      a.exportBundle({ collection: 'Không có' }, file),
      'bundle.no-collection',
    );
    assert.match(error.describe('vi'), /Không có/);
    assert.equal(fs.existsSync(file), false);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });
});

describe('damaged bundles', () => {
  let c: Archive;
  before(() => {
    c = Archive.open(path.join(dir, 'c.db'));
  });
  after(() => c.close());

  test('an article whose text was changed (hash kept) is refused; the rest go in', async () => {
    const file = path.join(dir, 'tampered.arbundle');
    let target = '';
    rewrite(firstBundle, file, (lines) =>
      lines.map((line) => {
        if (target || !line.startsWith('{"type":"article"')) return line;
        const record = JSON.parse(line);
        if (record.id !== seedId) return line;
        target = record.id;
        record.blocks[0].text = record.blocks[0].text.replace('dân vận', 'dân chủ');
        return JSON.stringify(record);
      }),
    );
    assert.equal(target, seedId);
    const report = await c.importBundle({ path: file });
    assert.equal(report.articles.refused, 1);
    const inBundle = firstReport.articles.added + firstReport.articles.present;
    assert.equal(report.articles.added, inBundle - 1);
    assert.equal(c.articles.get(seedId), null);
    assert.equal(report.refused[0].id, seedId);
    assert.match(report.refused[0].reason, /Bước tiến mới.*không khớp với mã băm/);
    assert.equal(report.annotations.skipped, 2, 'its annotations have no article here');
  });

  test('a truncated bundle: one sentence, nothing written', async () => {
    const file = path.join(dir, 'cut.arbundle');
    const bytes = fs.readFileSync(firstBundle);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const fresh = Archive.open(path.join(dir, 'd.db'));
    try {
      const error = await refusedWith(fresh.importBundle({ path: file }), 'bundle.damaged');
      assert.match(error.describe('vi'), /bị hỏng hoặc bị cắt cụt.*không có gì được nhập/);
      assert.match(error.describe('en'), /damaged or truncated.*nothing was imported/);
      assert.equal(articles(fresh), 0);
    } finally {
      fresh.close();
    }
  });

  test('lines cut before compression (no end record) are refused, nothing written', async () => {
    const file = path.join(dir, 'cut-lines.arbundle');
    rewrite(firstBundle, file, (lines) => lines.slice(0, Math.floor(lines.length / 2)));
    const fresh = Archive.open(path.join(dir, 'e.db'));
    try {
      await refusedWith(fresh.importBundle({ path: file }), 'bundle.truncated');
      assert.equal(articles(fresh), 0);
    } finally {
      fresh.close();
    }
  });

  test('an article removed from the middle: the manifest does not match, nothing written', async () => {
    const file = path.join(dir, 'missing.arbundle');
    rewrite(firstBundle, file, (lines) => {
      const i = lines.findIndex((l) => l.startsWith('{"type":"article"'));
      const end = JSON.parse(lines.findLast((l) => l.startsWith('{"type":"end"'))!);
      end.articles -= 1;
      return lines
        .filter((_, j) => j !== i)
        .map((l) => (l.startsWith('{"type":"end"') ? JSON.stringify(end) : l));
    });
    const fresh = Archive.open(path.join(dir, 'f.db'));
    try {
      const error = await refusedWith(fresh.importBundle({ path: file }), 'bundle.count-mismatch');
      assert.match(error.describe('en'), /does not match its manifest/);
      assert.equal(articles(fresh), 0);
    } finally {
      fresh.close();
    }
  });

  test('a file that is no bundle, and a bundle from a newer version', async () => {
    await refusedWith(c.importBundle({ path: SEED }), 'bundle.not-bundle');
    const file = path.join(dir, 'newer.arbundle');
    rewrite(firstBundle, file, (lines) => [
      lines[0].replace('"version":1', '"version":7'),
      ...lines.slice(1),
    ]);
    const error = await refusedWith(c.importBundle({ path: file }), 'bundle.newer-version');
    assert.match(error.describe('vi'), /phiên bản mới hơn/);
  });
});
