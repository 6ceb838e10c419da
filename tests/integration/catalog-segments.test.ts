/**
 * The catalog in segments, on real corpus articles with segments of 1,000 rowids so that several
 * exist: an import rebuilds only the segment its new rowids fall in, a tag edit only its article's
 * segment, a damaged or deleted segment file is rebuilt alone, a lost manifest costs no rebuild,
 * and the merged scores are those of one Lunr index over the whole archive.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { Catalog, catalogQuery } from '../../electron/core/search/catalog';
import { catalogDocs, segmentFile } from '../../electron/core/search/catalog-segments';
import { parseQuery, type ParsedQuery } from '../../electron/core/search/query-parser';
import { referenceIndex } from '../unit/search/lunr-reference';
import { corpusLines, withShortBodies, writeJsonl } from '../support/corpus';

const SIZE = 1_000;
let dir: string;
let archive: Archive;
let file: string;

/** Real articles (bodies cut short: the catalog holds titles and facts), from `skip` on. */
async function writeSlice(target: string, skip: number, n: number): Promise<void> {
  const lines = await corpusLines('baomoi-2017-35k.jsonl.gz', n, { skip });
  writeJsonl(target, withShortBodies(lines, 300));
}

const catalog = (background = false) =>
  new Catalog(archive.db, {
    file,
    segmentSize: SIZE,
    background: background ? { dbPath: path.join(dir, 'archive.db') } : undefined,
  });
const sha = (p: string) => crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex');
const segments = () => [0, 1, 2].map((k) => segmentFile(file, k));
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-segments-'));
  file = path.join(dir, 'segments.catalog.json');
  const first = path.join(dir, 'first.jsonl');
  await writeSlice(first, 0, 2_500);
  archive = Archive.open(path.join(dir, 'archive.db'));
  const summary = await archive.importPaths([first]);
  assert.ok(summary.imported > 2_000, `imported ${summary.imported}`);
});

after(() => {
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a first build writes one file per segment of rowids and a manifest', async () => {
  const c = catalog();
  await c.warm();
  assert.deepEqual(c.lastRebuilt, [0, 1, 2]);
  for (const p of segments()) assert.ok(fs.existsSync(p), p);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    format: number;
    segments: Array<{ segment: number; docs: number }>;
  };
  assert.deepEqual(
    manifest.segments.map((s) => s.segment),
    [0, 1, 2],
  );
  assert.equal(
    manifest.segments.reduce((n, s) => n + s.docs, 0),
    (archive.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n,
  );
  // Every segment answers: a title from each is found.
  for (const rowid of [5, 1_500, 2_100]) {
    const title = (
      archive.db.prepare('SELECT title FROM articles WHERE rowid = ?').get(rowid) as {
        title: string;
      }
    ).title;
    assert.ok(c.lookup(parseQuery(title), 1_000).has(rowid), title);
  }
});

test('an import rebuilds only the segment its new rowids fall in, in the build thread', async () => {
  assert.equal(catalog().terms(true)?.has('zorbulax'), false);
  const before = segments().map(sha);
  const mtimes = segments().map((p) => fs.statSync(p).mtimeMs);
  const more = path.join(dir, 'more.jsonl');
  await writeSlice(more, 2_500, 400);
  const made = { id: 'zorbulax-1', title: 'Xã Quỳnh Lưu bàn về zorbulax', body: 'Zorbulax mới.' };
  fs.appendFileSync(more, `${JSON.stringify(made)}\n`);
  const summary = await archive.importPaths([more]);
  assert.ok(summary.imported > 300);
  const maxRowid = (
    archive.db.prepare('SELECT max(rowid) AS m FROM articles').get() as { m: number }
  ).m;
  assert.ok(maxRowid <= 3 * SIZE, 'the new rowids stay in the third segment');
  const c = catalog(true);
  await c.warm();
  assert.equal(c.state, 'ready');
  assert.deepEqual(c.lastRebuilt, [2]);
  const after = segments().map(sha);
  assert.equal(after[0], before[0]);
  assert.equal(after[1], before[1]);
  assert.notEqual(after[2], before[2]);
  assert.deepEqual(
    segments()
      .slice(0, 2)
      .map((p) => fs.statSync(p).mtimeMs),
    mtimes.slice(0, 2),
  );
  const newest = archive.db
    .prepare('SELECT rowid, title FROM articles ORDER BY rowid DESC LIMIT 1')
    .get() as { rowid: number; title: string };
  assert.ok(c.lookup(parseQuery(newest.title), 1_000).has(newest.rowid), newest.title);
  // The rebuilt segment was weighted with the whole archive's figures, the kept segments' taken
  // from their headers: it is byte for byte the segment a build from nothing makes.
  const scratch = path.join(dir, 'scratch.catalog.json');
  new Catalog(archive.db, { file: scratch, segmentSize: SIZE }).lookup(parseQuery('viet nam'));
  const body = (p: string) => fs.readFileSync(p, 'utf8').split('\n')[1];
  assert.equal(body(segmentFile(scratch, 2)), body(segments()[2]));
  assert.notEqual(body(segmentFile(scratch, 0)), body(segments()[0]), 'weights of 2,500 articles');
  // The "did you mean" vocabulary was read again: the new word is in it (title and body).
  assert.equal(c.terms(false)?.get('zorbulax'), 2);
});

test("a tag edit reaches the catalog and rebuilds only its article's segment", async () => {
  const row = archive.db.prepare('SELECT id, rowid FROM articles WHERE rowid = 1200').get() as {
    id: string;
    rowid: number;
  };
  const before = segments().map(sha);
  const vocabularyOf = () =>
    (JSON.parse(fs.readFileSync(file, 'utf8')) as { vocabularyOf: string }).vocabularyOf;
  const stamp = vocabularyOf();
  assert.ok(stamp);
  archive.setTags(row.id, ['quanhoxyz']);
  const c = catalog();
  assert.deepEqual([...c.lookup(parseQuery('quanhoxyz')).keys()], [row.rowid]);
  assert.deepEqual(c.lastRebuilt, [1]);
  const after = segments().map(sha);
  assert.deepEqual([after[0], after[2]], [before[0], before[2]]);
  // Tags are not in the full-text index: its vocabulary was kept, not read again.
  assert.equal(vocabularyOf(), stamp);
  assert.equal(c.terms(false)?.get('zorbulax'), 2);
  // A typo of the tag finds it too (one edit away).
  assert.ok(c.lookup(parseQuery('quanhoxyy')).has(row.rowid));
});

/**
 * The same articles, scored alike: a segment rebuilt now is weighted with today's archive (2,900
 * articles), the others with the one they were built in (2,500), so scores move a little.
 */
function assertSameAnswers(got: Map<number, number>, want: Map<number, number>) {
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
  for (const [rowid, score] of want)
    assert.ok(Math.abs(got.get(rowid)! - score) < 0.02, `${rowid}`);
}

test('a damaged or deleted segment file is rebuilt alone, with the same answers', () => {
  const c = catalog();
  const query = parseQuery('giá vàng hôm nay');
  const expected = c.lookup(query, 200);
  assert.ok(expected.size > 0);
  const target = segments()[1];
  const bytes = fs.readFileSync(target);
  bytes.write('"xx"', Math.floor(bytes.length / 2)); // same length, still text, wrong content
  fs.writeFileSync(target, bytes);
  const fresh = catalog();
  assertSameAnswers(fresh.lookup(query, 200), expected);
  assert.deepEqual(fresh.lastRebuilt, [1]);

  fs.rmSync(segments()[0]);
  const again = catalog();
  assertSameAnswers(again.lookup(query, 200), expected);
  assert.deepEqual(again.lastRebuilt, [0]);
});

test('a lost manifest costs no rebuild: each segment file says what it holds', () => {
  fs.rmSync(file);
  const c = catalog();
  assert.ok(c.lookup(parseQuery('viet nam'), 10).size > 0);
  assert.deepEqual(c.lastRebuilt, []);
  assert.ok(fs.existsSync(file));
});

test('a segment weighted when the archive was far smaller is weighted again', () => {
  const target = segments()[0];
  const [head, ...rest] = fs.readFileSync(target, 'utf8').split('\n');
  const header = JSON.parse(head) as { weightedAt: number };
  fs.writeFileSync(target, [JSON.stringify({ ...header, weightedAt: 1_500 }), ...rest].join('\n'));
  fs.rmSync(file); // a current manifest is loaded as it is: without it, a build checks each segment
  const c = catalog();
  assert.ok(c.lookup(parseQuery('viet nam'), 10).size > 0);
  assert.deepEqual(c.lastRebuilt, [0]);
  const again = JSON.parse(fs.readFileSync(target, 'utf8').split('\n')[0]) as {
    weightedAt: number;
  };
  assert.ok(again.weightedAt > 2_800, 'weighted with today’s archive of ~2,900 articles');
});

/** The catalog's query on one Lunr index built the way the catalog was before segments. */
function unsegmented(): (parsed: ParsedQuery) => Map<number, number> {
  const index = referenceIndex(catalogDocs(archive.db));
  return (parsed) => {
    const results = index.query(catalogQuery(parsed));
    const max = results[0]?.score ?? 1;
    return new Map(results.map((r) => [Number(r.ref), max > 0 ? r.score / max : 0]));
  };
}

test('merged segments score every match as one index over the whole archive does', () => {
  file = path.join(dir, 'fresh.catalog.json'); // a full build: every segment weighted alike
  const c = catalog();
  const reference = unsegmented();
  const titles = (
    archive.db.prepare('SELECT title FROM articles WHERE rowid % 37 = 1').all() as Array<{
      title: string;
    }>
  ).map((r) => r.title);
  const queries = [
    ...titles.map((t) => t.split(/\s+/).slice(0, 3).join(' ')), // words, fuzzy
    ...titles.map((t) => `${t.split(/\s+/).slice(0, 2).join(' ').slice(0, -1)}`), // typing
    'nghi quyet dan vna',
    'bong da viet nma',
    'ha noi -thanh',
  ];
  let compared = 0;
  for (const [i, text] of queries.entries()) {
    const parsed = parseQuery(text, { typeAhead: i >= titles.length });
    if (parsed.empty) continue;
    const want = reference(parsed);
    const got = c.lookup(parsed, 1_000_000);
    assert.equal(got.size, want.size, text);
    for (const [rowid, score] of want) {
      assert.ok(got.has(rowid), `${text}: ${rowid}`);
      assert.ok(Math.abs(got.get(rowid)! - score) < 1e-9, `${text}: ${rowid}`);
    }
    compared += want.size ? 1 : 0;
  }
  assert.ok(compared > 100, `${compared} queries with matches`);
  assert.ok(c.lastRebuilt.length >= 3);
});
