/**
 * Derived data can always be rebuilt from the articles: the full-text index emptied by hand
 * comes back whole with `reindex`, and the catalog file, deleted or damaged, is rebuilt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';

const SEED = path.resolve(import.meta.dirname, '../../../shared/seeds/000_6d5d4d6daf6b85b0.txt');
const SAMPLE = path.resolve(import.meta.dirname, '../../resources/sample/archive.db');

function copySample(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-reindex-'));
  const file = path.join(dir, 'archive.db');
  fs.copyFileSync(SAMPLE, file);
  return { dir, file };
}

test('reindex rebuilds an emptied full-text index from the articles', () => {
  const { dir, file } = copySample();
  const archive = Archive.open(file);
  try {
    const before = archive.search({ query: 'dan van lang son', limit: 5 });
    assert.equal(before.hits[0]?.title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
    archive.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
    const indexed = () =>
      (
        archive.db
          .prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'dan'")
          .get() as { n: number }
      ).n;
    assert.equal(indexed(), 0);

    const articles = archive.stats().articles;
    assert.equal(archive.reindex(), articles);
    assert.ok(indexed() > 0);
    const after = archive.search({ query: 'dan van lang son', limit: 5 });
    assert.deepEqual(
      after.hits.map((h) => h.id),
      before.hits.map((h) => h.id),
    );
    assert.equal(
      archive.search({ query: '45/2019/QH14', limit: 1 }).hits[0]?.docNumber,
      '45/2019/QH14',
    );
  } finally {
    archive.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a deleted or damaged catalog is rebuilt, and type-ahead keeps working', async () => {
  const { dir, file } = copySample();
  const catalogFile = `${file}.catalog.json`;
  try {
    let archive = Archive.open(file);
    await archive.warmCatalog();
    assert.ok(fs.existsSync(catalogFile));
    assert.equal(archive.stats().index.state, 'ready');
    archive.close();

    fs.writeFileSync(catalogFile, '{"format": 2, "generation": "x", "index": {'); // cut short
    archive = Archive.open(file);
    const items = archive.suggest('luat cu tr', 3).items;
    assert.equal(items[0]?.title, 'Luật Cư trú số 68/2020/QH14');
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(catalogFile, 'utf8')));
    archive.close();

    fs.rmSync(catalogFile);
    archive = Archive.open(file);
    assert.equal(
      archive.search({ query: 'luat cu tru', limit: 1 }).hits[0]?.title,
      'Luật Cư trú số 68/2020/QH14',
    );
    await archive.warmCatalog();
    assert.ok(fs.existsSync(catalogFile));
    archive.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an import makes the catalog stale, and the next look-up sees the new article', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-reindex-'));
  const archive = Archive.open(path.join(dir, 'archive.db'));
  try {
    await archive.warmCatalog();
    assert.deepEqual(archive.suggest('buoc tien moi', 3).items, []);
    await archive.importPaths([SEED]);
    assert.equal(
      archive.suggest('buoc tien moi trong cong tac dan van', 3).items[0]?.title,
      'Bước tiến mới trong công tác dân vận ở Lạng Sơn',
    );
    // A typo the FTS5 prefix cannot bridge: found through the catalog's fuzzy matching.
    assert.equal(
      archive.search({ query: 'buoc tien moi trong cong tac dan vna' }).suggestion,
      'buoc tien moi trong cong tac dan van',
    );
  } finally {
    archive.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an archive of schema 1 is migrated: its filter facts are filled from the articles', () => {
  const { dir, file } = copySample();
  try {
    let archive = Archive.open(file);
    // Undo what schemas 2 and 3 added, whatever schema the sample was built with.
    const columns = (table: string) =>
      (archive.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map(
        (c) => c.name,
      );
    archive.db.exec('DROP TABLE article_facts; DROP TABLE IF EXISTS annotation_revisions');
    archive.db.exec('DROP TABLE IF EXISTS relations; DROP INDEX IF EXISTS articles_by_number_key');
    const added = ['place', 'encoding', 'number_key', 'effective_date'];
    for (const column of added.filter((c) => columns('articles').includes(c)))
      archive.db.exec(`ALTER TABLE articles DROP COLUMN ${column}`);
    if (columns('annotations').includes('orphaned'))
      archive.db.exec('ALTER TABLE annotations DROP COLUMN orphaned');
    // And what schema 7 added (its columns, the kept original files).
    archive.db.exec('DROP INDEX IF EXISTS articles_by_original; DROP TABLE IF EXISTS originals');
    const office = ['title_origin', 'page_count', 'recognition', 'original_sha256'];
    for (const column of office.filter((c) => columns('articles').includes(c)))
      archive.db.exec(`ALTER TABLE articles DROP COLUMN ${column}`);
    archive.db.pragma('user_version = 1');
    archive.close();

    archive = Archive.open(file);
    assert.equal(archive.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    const facts = archive.db.prepare('SELECT count(*) AS n FROM article_facts').get() as {
      n: number;
    };
    assert.equal(facts.n, archive.stats().articles);
    const hits = archive.search({ query: 'dan van', from: '2024-07-01', to: '2024-07-31' }).hits;
    assert.deepEqual(
      hits.map((h) => h.title),
      ['Bước tiến mới trong công tác dân vận ở Lạng Sơn'],
    );
    archive.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
