/**
 * Office files through the real import into a real SQLite archive: the article read back has the
 * blocks the importer built (tables as rows of cells, headings, list items, footnotes), its facts,
 * and it is found by words of a table cell, of a footnote, and by its document number; a second
 * import of the file is a duplicate, and so is the same document saved as .odt (same blocks).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { readFile } from '../../electron/core/importers/index';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/office');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'office-import-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an imported docx reads back block for block and is found by its table and footnote', async () => {
  const archive = Archive.open(path.join(dir, 'archive.db'));
  try {
    const file = path.join(FIXTURES, 'official.docx');
    const summary = await archive.importPaths([file]);
    assert.equal(summary.imported, 1, JSON.stringify(summary.failed));
    const article = archive.getArticle(summary.articleIds[0]);
    let expected;
    for await (const item of readFile(file)) if (item.ok) expected = item.draft;
    assert.ok(expected);
    assert.deepEqual(article.blocks, expected.blocks);
    assert.equal(article.docNumber, '09/2021/TT-BLĐTBXH');
    assert.equal(article.issuer, 'Bộ Lao động - Thương binh và Xã hội');
    assert.ok(article.blocks.some((b) => b.type === 'table' && b.rows.length === 4));
    for (const query of ['"Cơ quan ban hành"', '"25/2018/QH14"', '09/2021/TT-BLĐTBXH']) {
      const hits = archive.search({ query }).hits;
      assert.equal(hits[0]?.id, article.id, query);
    }
    const again = await archive.importPaths([file, path.join(FIXTURES, 'official.odt')]);
    assert.deepEqual([again.imported, again.duplicates], [0, 2]);
  } finally {
    archive.close();
  }
});
