/**
 * A catalog segment on its own: its weights are Lunr's (the Builder's own field vectors, to the
 * thousandth), its file refuses any change to its body, and its weights are retaken once the
 * archive has grown or shrunk by half.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildSegment,
  countDocs,
  emptyStats,
  loadSegment,
  readSegment,
  saveStats,
  SEGMENT_FORMAT,
  segmentOf,
  weightsHold,
  writeSegment,
  type CatalogDoc,
} from '../../../electron/core/search/catalog-segments';
import { referenceIndex } from './lunr-reference';

const DOCS: CatalogDoc[] = [
  { rowid: 3, title: 'Luật Cư trú số 68/2020/QH14', extra: 'Quốc hội \n Luật' },
  { rowid: 4, title: 'Nghị định hướng dẫn Luật Cư trú', extra: 'Chính phủ \n Nghị định' },
  { rowid: 7, title: 'Bước tiến mới trong công tác dân vận ở Lạng Sơn', extra: '' },
  { rowid: 9, title: 'Dân vận khéo ở xã vùng cao', extra: 'dân vận \n Tư liệu 2024' },
];

test('weights are those of Lunr’s own builder over the same documents', () => {
  const index = referenceIndex(DOCS);
  const stats = countDocs(emptyStats(), DOCS);
  const segment = buildSegment(0, DOCS, stats);
  assert.deepEqual([...segment.refs], [3, 4, 7, 9]);
  const saved = index.toJSON() as unknown as {
    invertedIndex: Array<[string, { _index: number }]>;
    fieldVectors: Array<[string, number[]]>;
  };
  assert.deepEqual(
    segment.terms,
    saved.invertedIndex.map(([term]) => term),
  );
  const termOf = new Map(saved.invertedIndex.map(([term, p]) => [p._index, term]));
  let compared = 0;
  for (const [fieldRef, elements] of saved.fieldVectors) {
    const [field, ref] = fieldRef.split('/');
    const f = segment.fields[field === 'title' ? 0 : 1];
    const doc = [...segment.refs].indexOf(Number(ref));
    for (let k = 0; k < elements.length; k += 2) {
      const t = segment.terms.indexOf(termOf.get(elements[k])!);
      let weight: number | null = null;
      for (let j = f.offsets[t]; j < f.offsets[t + 1]; j++) {
        if (f.postings[j] === doc) weight = f.weights[j] / 1000;
      }
      assert.equal(weight, elements[k + 1], `${fieldRef} ${termOf.get(elements[k])}`);
      compared++;
    }
  }
  assert.ok(compared > 30);
});

test('a segment file round-trips, and any change to its body is refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-segment-'));
  try {
    const file = path.join(dir, 'a.catalog.0.json');
    const stats = countDocs(emptyStats(), DOCS);
    const segment = buildSegment(0, DOCS, stats);
    const header = writeSegment(
      file,
      {
        format: SEGMENT_FORMAT,
        segment: 0,
        fingerprint: 'f',
        weightedAt: 4,
        docs: 4,
        stats: saveStats(stats),
      },
      segment,
    );
    assert.ok(header);
    assert.deepEqual(loadSegment(file, header), segment);
    assert.equal(loadSegment(file, { sha: 'another' }), null);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('"refs":[3,', '"refs":[5,')); // still valid JSON
    assert.equal(readSegment(file), null);
    assert.equal(loadSegment(file), null);
    fs.writeFileSync(file, text.slice(0, text.length - 10)); // cut short
    assert.equal(loadSegment(file), null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('segments are ranges of rowids, and weights are retaken past half again or half less', () => {
  assert.deepEqual(
    [1, 1000, 1001, 2000, 2001].map((r) => segmentOf(r, 1000)),
    [0, 0, 1, 1, 2],
  );
  assert.ok(weightsHold(10_000, 10_000));
  assert.ok(weightsHold(10_000, 15_000));
  assert.ok(!weightsHold(10_000, 15_001));
  assert.ok(weightsHold(15_000, 10_000));
  assert.ok(!weightsHold(15_001, 10_000));
});
