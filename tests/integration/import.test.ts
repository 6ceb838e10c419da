/**
 * Importing real files into a temporary archive: the seed article field by field, duplicates,
 * bad files next to good ones, per-file transactions, and the official documents.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Archive } from '../../electron/core/archive/archive';
import type { ArticleDraft } from '../../electron/core/model';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const OFFICIAL = '/work/shared/corpus/official-documents-vn.jsonl.gz';
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
const freshArchive = () => Archive.open(path.join(dir, `archive-${++n}.db`));
const jsonl = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const record = (id: string, title: string) => ({
  id,
  title,
  body: `${title}: nội dung đầy đủ của bài viết về công tác dân vận ở cơ sở.`,
});
const count = (a: Archive, sql: string) => (a.db.prepare(sql).get() as { n: number }).n;

/** Every article is whole: it has its full-text row, so a search by its exact title finds it. */
function assertSearchable(archive: Archive) {
  const rows = archive.db.prepare('SELECT id, title FROM articles').all() as {
    id: string;
    title: string;
  }[];
  for (const row of rows) {
    const found = archive.search({ query: `"${row.title}"`, limit: 50 }).hits.map((h) => h.id);
    assert.ok(found.includes(row.id), `“${row.title}” is found by its title`);
  }
}

describe('the seed article', () => {
  let archive: Archive;
  before(() => (archive = freshArchive()));
  after(() => archive.close());

  test('imports with every field', async () => {
    const summary = await archive.importPaths([SEED]);
    assert.deepEqual([summary.imported, summary.duplicates, summary.failed], [1, 0, []]);
    const a = archive.getArticle(summary.articleIds[0]);
    assert.equal(a.title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
    assert.equal(a.date, '2024-07-21');
    assert.equal(a.author, 'Trung Xuân');
    assert.equal(a.sourceId, SEED);
    const figures = a.blocks.filter((b) => b.type === 'figure');
    assert.deepEqual(figures, [
      {
        type: 'figure',
        caption: 'Bộ CHQS tỉnh trao nhà tình nghĩa tại xã Hồ Sơn, huyện Hữu Lũng',
        credit: 'Dương Nguyên',
      },
    ]);
    // The lead is kept as the summary …
    assert.ok(a.summary?.startsWith('Nhận thức rõ tầm quan trọng của công tác dân vận'));
    assert.ok(a.summary?.endsWith('...') || a.summary?.endsWith('…'), a.summary ?? '');
    // … and not repeated in the body, whose first paragraph is the full opening.
    const paragraphs = a.blocks.flatMap((b) => (b.type === 'p' ? [b.text] : []));
    assert.ok(paragraphs[0].startsWith('Nhận thức rõ tầm quan trọng'));
    assert.ok(paragraphs[0].includes('kinh tế – xã hội'));
    for (const p of paragraphs) assert.notEqual(p, a.summary);
    assert.ok(!paragraphs.some((p) => p.includes('toàn dân tộc;...')), 'the truncated lead');
    assert.ok(!paragraphs.some((p) => /^Ảnh:|Trung Xuân$|^Chủ nhật/.test(p)));
    assert.ok(paragraphs.at(-1)!.startsWith('Cùng với cả nước, Lạng Sơn'));
    assert.equal(paragraphs.length, 6);
  });

  test('a second import is a duplicate', async () => {
    const again = await archive.importPaths([SEED]);
    assert.deepEqual([again.imported, again.duplicates, again.failed], [0, 1, []]);
    assert.equal(count(archive, 'SELECT count(*) AS n FROM articles'), 1);
  });
});

describe('a folder with good and bad files', () => {
  let archive: Archive;
  let folder: string;
  before(() => {
    archive = freshArchive();
    folder = path.join(dir, 'mixed');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    const truncated = gzipSync(
      jsonl(Array.from({ length: 200 }, (_, i) => record(`t${i}`, `Bài nén số ${i}`))),
    );
    const files: Record<string, string | Buffer> = {
      'a-good.jsonl': jsonl([record('g1', 'Bài tốt thứ nhất'), record('g2', 'Bài tốt thứ hai')]),
      'b-empty.txt': '',
      'c-photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'd-latin.txt': Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 2 ? 0xe0 : 0x41))),
      'e-truncated.jsonl.gz': truncated.subarray(0, Math.floor(truncated.length / 2)),
      'sub/f-seed.txt': fs.readFileSync(SEED),
      'sub/g-good.json': JSON.stringify([record('g3', 'Bài tốt thứ ba')]),
    };
    for (const [name, bytes] of Object.entries(files))
      fs.writeFileSync(path.join(folder, name), bytes);
  });
  after(() => archive.close());

  test('good files are imported, bad ones listed with a Vietnamese sentence', async () => {
    const summary = await archive.importPaths([folder]);
    const failed = new Map(summary.failed.map((f) => [path.basename(f.path), f.error]));
    assert.deepEqual([...failed.keys()].sort(), [
      'b-empty.txt',
      'c-photo.png',
      'd-latin.txt',
      'e-truncated.jsonl.gz',
    ]);
    for (const error of failed.values()) {
      assert.match(error, VIETNAMESE);
      assert.match(error, /\.$/);
      assert.doesNotMatch(error, /\n|at .*\.ts/);
    }
    assert.match(failed.get('c-photo.png')!, /PNG/);
    assert.match(failed.get('e-truncated.jsonl.gz')!, /gzip/);
    const titles = new Set(
      (archive.db.prepare('SELECT title FROM articles').all() as { title: string }[]).map(
        (r) => r.title,
      ),
    );
    for (const t of ['Bài tốt thứ nhất', 'Bài tốt thứ hai', 'Bài tốt thứ ba'])
      assert.ok(titles.has(t));
    assert.ok(titles.has('Bước tiến mới trong công tác dân vận ở Lạng Sơn'));
    // The readable head of the truncated gzip may be kept, but only whole records.
    const fromGzip = [...titles].filter((t) => t.startsWith('Bài nén số'));
    assert.ok(fromGzip.length < 200);
    assert.equal(summary.imported, 4 + fromGzip.length);
  });

  test('nothing is half-imported: every article has its full-text row', () => {
    assertSearchable(archive);
    const full = archive.db
      .prepare(
        "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'body_folded : dan'",
      )
      .get() as { n: number };
    assert.equal(full.n, count(archive, 'SELECT count(*) AS n FROM articles'));
  });
});

describe('each file is its own transaction', () => {
  test('the 3rd of 5 files fails to decode: the other 4 are imported', async () => {
    const archive = freshArchive();
    const folder = path.join(dir, 'five');
    fs.mkdirSync(folder);
    for (let i = 1; i <= 5; i++) {
      const bytes =
        i === 3
          ? Buffer.from(Array.from({ length: 3000 }, (_, k) => (k % 2 ? 0xe0 : 0x41)))
          : jsonl([record(`f${i}`, `Tệp số ${i}`)]);
      fs.writeFileSync(path.join(folder, `${i}.jsonl`), bytes);
    }
    const summary = await archive.importPaths([folder]);
    assert.equal(summary.imported, 4);
    assert.deepEqual(
      summary.failed.map((f) => path.basename(f.path)),
      ['3.jsonl'],
    );
    assert.equal(count(archive, 'SELECT count(*) AS n FROM articles'), 4);
    assertSearchable(archive);
    archive.close();
  });

  test('a crash while writing file 3 keeps files 1–2 and leaves no row of file 3', async () => {
    const archive = freshArchive();
    const folder = path.join(dir, 'crash');
    fs.mkdirSync(folder);
    for (let i = 1; i <= 5; i++) {
      const records = [1, 2, 3].map((k) => record(`c${i}-${k}`, `Tệp ${i} bài ${k}`));
      fs.writeFileSync(path.join(folder, `${i}.jsonl`), jsonl(records));
    }
    const insert = archive.articles.insert.bind(archive.articles);
    archive.articles.insert = (
      id: string,
      draft: ArticleDraft,
      at: string,
      from: string | null,
    ) => {
      const outcome = insert(id, draft, at, from); // article and full-text rows are written …
      if (draft.title === 'Tệp 3 bài 2') throw new Error('disk I/O error'); // … then a crash
      return outcome;
    };
    await assert.rejects(archive.importPaths([folder]), /disk I\/O error/);
    const titles = (
      archive.db.prepare('SELECT title FROM articles ORDER BY title').all() as {
        title: string;
      }[]
    ).map((r) => r.title);
    assert.deepEqual(titles, [
      'Tệp 1 bài 1',
      'Tệp 1 bài 2',
      'Tệp 1 bài 3',
      'Tệp 2 bài 1',
      'Tệp 2 bài 2',
      'Tệp 2 bài 3',
    ]);
    const orphans = archive.db
      .prepare(
        'SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH \'title_folded : "tep 3"\'',
      )
      .get() as { n: number };
    assert.equal(orphans.n, 0, 'no orphan full-text row');
    const hits = archive.search({ query: '"Tệp 3 bài 1"' }).hits.map((h) => h.title);
    assert.ok(!hits.some((t) => t.startsWith('Tệp 3')), hits.join(' | '));
    assertSearchable(archive);
    archive.close();
  });
});

describe('the official documents', () => {
  test('all 451 import, a second time as duplicates', async () => {
    const archive = freshArchive();
    const first = await archive.importPaths([OFFICIAL]);
    assert.deepEqual([first.imported, first.duplicates, first.failed], [451, 0, []]);
    const luat = archive.list({ type: 'Luật', limit: 500 });
    assert.ok(luat.total > 0);
    const lao = archive.search({ query: '45/2019/QH14', limit: 5 }).hits[0];
    assert.equal(lao.docNumber, '45/2019/QH14');
    const again = await archive.importPaths([OFFICIAL]);
    assert.deepEqual([again.imported, again.duplicates], [0, 451]);
    archive.close();
  });
});
