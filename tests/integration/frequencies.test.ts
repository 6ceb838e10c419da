/**
 * How a search knows which words are common before the catalog's vocabulary is in memory
 * (search/vocabulary.ts `frequencies`, search/catalog.ts): a catalog saved before an import
 * lends its counts while the new one builds; with none, a large archive counts titles and weighs
 * no accented word, so that bm25 never reads the whole posting list of a common syllable.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { Catalog } from '../../electron/core/search/catalog';
import { Vocabulary } from '../../electron/core/search/vocabulary';

let dir: string;
let file: string;

const record = (i: number) => ({
  id: `n-${i}`,
  title: `Xã ${i % 3 === 0 ? 'Vũng Áng' : 'Kỳ Anh'} họp dân số ${i}`,
  body: `Người dân xã họp bàn việc ${i}. Cá mực được mùa.`,
});

function writeRecords(name: string, from: number, to: number): string {
  const jsonl = path.join(dir, name);
  const lines = [];
  for (let i = from; i < to; i++) lines.push(JSON.stringify(record(i)));
  fs.writeFileSync(jsonl, lines.join('\n'));
  return jsonl;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-frequencies-'));
  file = path.join(dir, 'archive.db');
  const archive = Archive.open(file);
  try {
    await archive.importPaths([writeRecords('first.jsonl', 0, 30)]);
    await archive.warmCatalog(); // built here and saved beside the archive, with its vocabulary
    await archive.importPaths([writeRecords('second.jsonl', 30, 33)]); // now it is stale
  } finally {
    archive.close();
  }
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a stale saved catalog lends its counts while the new one builds', async () => {
  const archive = Archive.open(file);
  try {
    const catalog = new Catalog(archive.db, {
      file: `${file}.catalog.json`,
      background: { dbPath: file },
    });
    assert.equal(catalog.terms(false), null, 'nothing in memory before it warms');
    const warming = catalog.warm();
    const estimate = catalog.terms(false);
    const before = estimate?.get('xa');
    await warming;
    assert.ok(estimate?.size, 'the saved vocabulary is in memory at once');
    assert.ok(before && before > 0, 'it counts the articles of the catalog saved before');
    const now = catalog.terms(false)?.get('xa');
    assert.ok(now && now > before, `then the new catalog replaces it: ${before} → ${now}`);
  } finally {
    archive.close();
  }
});

test('without any vocabulary, a large archive counts titles and weighs no accented word', () => {
  const archive = Archive.open(file);
  try {
    const none = new Vocabulary(archive.db, { terms: () => null });
    const small = none.frequencies();
    assert.equal(small.documents('ang'), undefined, 'a small archive just goes without');
    assert.equal(small.common('xa'), false);
    const large = none.frequencies(0); // as if the archive were larger than SMALL_ARCHIVE
    assert.equal(large.documents('ang'), 11, 'titles holding "Áng"');
    assert.equal(large.documents('xa'), 33);
    assert.equal(large.documents('nowhere'), 0);
    assert.equal(large.common('ang'), true, 'no accented word is weighed');
    const loaded = new Vocabulary(archive.db, { terms: () => new Map([['xa', 33]]) });
    assert.equal(loaded.frequencies(0).documents('xa'), 33, 'the vocabulary wins once loaded');
  } finally {
    archive.close();
  }
});
