/**
 * Article text is stored packed (store/blocks.ts): JSON deflated with a preset dictionary, in a
 * BLOB. Archives written before keep JSON text or JSON deflated without the dictionary, and an
 * archive may hold all three forms; every reader (the article view,
 * results pages, the search of articles the index has not reached, the index rebuild) must give
 * the same answers whichever form a row has.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Archive } from '../../electron/core/archive/archive';
import { indexGap } from '../../electron/core/store/health';
import { corpusLines, writeJsonl } from '../support/corpus';

const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds');
const QUERIES = ['dan van lang son', 'công an', 'giáo dục', 'tai nạn giao thông', 'bóng đá -world'];

let dir: string;
before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-blocks-'))));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const found = (archive: Archive, query: string) =>
  archive.search({ query, limit: 1000 }).hits.map((h) => `${h.id} ${h.snippet}`);

const storageClasses = (archive: Archive) =>
  Object.fromEntries(
    (
      archive.db
        .prepare('SELECT typeof(blocks) AS kind, count(*) AS n FROM articles GROUP BY kind')
        .all() as Array<{ kind: string; n: number }>
    ).map((r) => [r.kind, r.n]),
  );

test('packed and JSON-text blocks read, search and rebuild alike, in one archive', async () => {
  const sample = writeJsonl(
    path.join(dir, 'sample.jsonl'),
    await corpusLines('vietnews-train-40k.jsonl.gz', 600),
  );
  const file = path.join(dir, 'archive.db');
  let archive = Archive.open(file);
  try {
    const summary = await archive.importPaths([sample, SEEDS]);
    const n = archive.stats().articles;
    assert.ok(summary.imported > 550 && summary.imported === n, `${summary.imported} of ${n}`);
    assert.deepEqual(storageClasses(archive), { blob: n });

    const packed = archive.db
      .prepare(
        'SELECT sum(length(blocks)) AS packed, sum(length(CAST(blocks_text(blocks) AS BLOB))) AS json FROM articles',
      )
      .get() as { packed: number; json: number };
    assert.ok(packed.packed < packed.json * 0.5, `packed ${packed.packed} of ${packed.json} bytes`);
    // The older packed form: raw DEFLATE with no dictionary and no mark byte.
    archive.db.function('pack_without_dictionary', (json: unknown) =>
      zlib.deflateRawSync(String(json)),
    );
    const forms = archive.db
      .prepare(
        `SELECT sum(substr(blocks, 1, 1) = x'06') AS marked,
                sum(length(pack_without_dictionary(blocks_text(blocks)))) AS plain FROM articles`,
      )
      .get() as { marked: number; plain: number };
    assert.equal(forms.marked, n, 'every new row is deflated with the dictionary');
    assert.ok(packed.packed < forms.plain * 0.9, `${packed.packed} against ${forms.plain} bytes`);

    const ids = (archive.db.prepare('SELECT id FROM articles').all() as { id: string }[]).map(
      (r) => r.id,
    );
    const articles = ids.map((id) => archive.getArticle(id));
    const results = QUERIES.map((q) => found(archive, q));
    assert.ok(results.every((r) => r.length > 0));

    // A third of the rows back to each older form: JSON text, and deflated with no dictionary.
    archive.db.exec('UPDATE articles SET blocks = blocks_text(blocks) WHERE rowid % 3 = 0');
    archive.db.exec(
      'UPDATE articles SET blocks = pack_without_dictionary(blocks_text(blocks)) WHERE rowid % 3 = 1',
    );
    const text = Math.floor(n / 3);
    assert.deepEqual(storageClasses(archive), { blob: n - text, text });
    const marked = archive.db
      .prepare("SELECT count(*) FROM articles WHERE substr(blocks, 1, 1) = x'06'")
      .pluck()
      .get() as number;
    assert.ok(marked > n / 4 && marked < n / 2, `${marked} of ${n} still with the dictionary`);
    assert.deepEqual(
      ids.map((id) => archive.getArticle(id)),
      articles,
    );
    QUERIES.forEach((q, i) => assert.deepEqual(found(archive, q), results[i], q));

    // Without the index, the articles are searched as stored, in all three forms.
    archive.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
    archive.close(); // the gap is noticed at open
    archive = Archive.open(file);
    assert.equal(indexGap(archive.db).indexed, 0);
    const unindexed = (q: string) =>
      new Set(archive.search({ query: q, limit: 1000 }).hits.map((h) => h.id));
    for (const [i, q] of QUERIES.entries()) {
      assert.deepEqual(unindexed(q), new Set(results[i].map((r) => r.split(' ')[0])), q);
    }
    assert.equal(await archive.repairIndex(), n);
    QUERIES.forEach((q, i) => assert.deepEqual(found(archive, q), results[i], q));
  } finally {
    archive.close();
  }
});
