/**
 * W3C Web Annotations between archives, on real SQLite files (w3c-archives.ts): the export of a
 * real archive validated against the Web Annotation Data Model's own schemas, export scopes,
 * import into a fresh archive with identical results, idempotent re-import, the later edit wins,
 * skipped articles, bad input refused whole. Orphans and re-anchoring: annotations-w3c-orphans.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import type { AnnotationImportReport, ExportFile } from '../../electron/api/contract';
import type { Annotation } from '../../electron/core/model';
import {
  annotationsOf,
  archiveWith,
  closeAll,
  itemOf,
  makeSource,
  parseCsv,
  SEED,
  select,
  tagsOf,
  validateAll,
  type Opened,
  type Source,
  type W3CDoc,
} from './w3c-archives';

let s: Source;
let A: Opened;
let seedId: string, newsId: string, lawId: string, oldToneId: string;
let made: Record<string, Annotation>;
let files: string[];
let exported: ExportFile;
let doc: W3CDoc;

before(async () => {
  s = await makeSource('annotations-w3c-');
  ({ A, seedId, newsId, lawId, oldToneId, made, files, exported, doc } = s);
});
after(closeAll);

describe('export', () => {
  test('the W3C export of a real archive validates, whole and item by item', () => {
    validateAll(doc);
    assert.equal(doc.first.items.length, Object.keys(made).length + 3);
    const motivations = new Set(doc.first.items.map((i) => i.motivation));
    assert.deepEqual([...motivations].sort(), [
      'bookmarking',
      'commenting',
      'highlighting',
      'tagging',
    ]);
  });

  test('one article, one collection; not both; a collection that does not exist', async () => {
    const one = await A.call<ExportFile>('exportAnnotations', { format: 'w3c', articleId: lawId });
    const oneDoc = JSON.parse(one.content) as W3CDoc;
    validateAll(oneDoc);
    assert.equal(oneDoc.first.items.length, 3); // note, bookmark, tag
    const coll = await A.call<ExportFile>('exportAnnotations', {
      format: 'w3c',
      collection: 'Báo cáo quý',
    });
    const collDoc = JSON.parse(coll.content) as W3CDoc;
    validateAll(collDoc);
    const sources = new Set(
      collDoc.first.items.map((i) =>
        typeof i.target === 'string' ? i.target : (i.target as { source: string }).source,
      ),
    );
    assert.deepEqual(
      [...sources].sort(),
      [`urn:archive-reader:article:${lawId}`, `urn:archive-reader:article:${seedId}`].sort(),
    );
    assert.match(coll.filename, /^ghi-chu-bao-cao-quy-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const both = await A.api('exportAnnotations', {
      format: 'w3c',
      articleId: lawId,
      collection: 'Báo cáo quý',
    });
    assert.ok(!both.ok && both.error.code === 'annotation.export-scope');
    const none = await A.api('exportAnnotations', { format: 'csv', collection: 'Không có' });
    assert.ok(!none.ok && none.error.code === 'annotation.no-collection');
    assert.match(none.error.message, /Không có/);
  });

  test('Markdown and CSV of the same archive', async () => {
    const md = await A.call<ExportFile>('exportAnnotations', { format: 'markdown' });
    assert.ok(md.content.includes(`\n## ${A.archive.getArticle(seedId).title}\n`), md.content);
    assert.ok(md.content.includes('\n> công tác dân vận\n'));
    assert.ok(md.content.includes('\n- **Số hiệu:** '));
    const csv = await A.call<ExportFile>('exportAnnotations', { format: 'csv' });
    assert.ok(csv.content.startsWith('\uFEFFarticle_id,'));
    const [header, ...rows] = parseCsv(csv.content.slice(1));
    assert.equal(rows.length, Object.keys(made).length + 3);
    for (const row of rows) assert.equal(row.length, header.length, row.join('|'));
    const col = (name: string) => header.indexOf(name);
    assert.deepEqual(
      rows
        .filter((r) => r[col('kind')] === 'tag')
        .map((r) => r[col('tag')])
        .sort(),
      ['Lạng Sơn', 'dân vận', 'pháp luật'],
    );
    const noteRow = rows.find((r) => r[col('annotation_id')] === made.note.id)!;
    assert.equal(noteRow[col('note')], made.note.note); // its blank line survives the quoting
    assert.equal(noteRow[col('title')], A.archive.getArticle(seedId).title);
  });

  test('json, the earlier name, gives the same W3C document', async () => {
    const json = await A.call<ExportFile>('exportAnnotations', { format: 'json' });
    const a = JSON.parse(json.content) as W3CDoc;
    assert.deepEqual(a.first.items, doc.first.items);
  });
});

describe('import into a fresh archive holding the same articles', () => {
  let B: Awaited<ReturnType<typeof archiveWith>>;
  let report: AnnotationImportReport;

  before(async () => {
    B = await archiveWith('b', files);
    report = await B.call('importAnnotations', { content: exported.content });
  });

  test('identical annotations: ids, kinds, colours, notes, selectors, times; the same tags', () => {
    assert.deepEqual(annotationsOf(B.archive), annotationsOf(A.archive));
    assert.deepEqual(tagsOf(B.archive), tagsOf(A.archive));
    assert.deepEqual(report, {
      added: Object.keys(made).length + 3,
      updated: 0,
      unchanged: 0,
      orphaned: 0,
      skipped: 0,
      skippedArticles: [],
      failed: [],
    });
  });

  test('and its own export is the same document', async () => {
    const again = await B.call<ExportFile>('exportAnnotations', { format: 'w3c' });
    assert.deepEqual((JSON.parse(again.content) as W3CDoc).first.items, doc.first.items);
  });

  test('importing the same file twice adds nothing', async () => {
    const second = await B.call<AnnotationImportReport>('importAnnotations', {
      content: exported.content,
    });
    assert.equal(second.added + second.updated, 0);
    assert.equal(second.unchanged, doc.first.items.length);
    assert.deepEqual(annotationsOf(B.archive), annotationsOf(A.archive));
  });

  test('same id: a newer edit replaces, an older one does not', async () => {
    const edited = structuredClone(doc);
    const newer = itemOf(edited, made.note.id);
    newer.body = { type: 'TextualBody', value: 'Sửa ở văn phòng khác', purpose: 'commenting' };
    newer.modified = '2099-01-01T00:00:00.000Z';
    const older = itemOf(edited, made.law.id);
    older.body = { type: 'TextualBody', value: 'Bản cũ', purpose: 'commenting' };
    older.modified = '2001-01-01T00:00:00.000Z';
    const r = await B.call<AnnotationImportReport>('importAnnotations', {
      content: JSON.stringify(edited),
    });
    assert.equal(r.updated, 1);
    assert.equal(r.added, 0);
    assert.equal(B.archive.annotations.get(made.note.id).note, 'Sửa ở văn phòng khác');
    assert.equal(B.archive.annotations.get(made.note.id).updated, '2099-01-01T00:00:00.000Z');
    assert.equal(B.archive.annotations.get(made.law.id).note, made.law.note);
  });

  test('a read-only host refuses import and re-attach', async () => {
    const readOnly = createDispatch(createHandlers(B.archive), { readOnly: true });
    for (const [method, input] of [
      ['importAnnotations', { content: exported.content }],
      ['reattachAnnotation', { id: made.note.id, selector: made.note.selector }],
    ] as const) {
      const r = await readOnly(method, input);
      assert.ok(!r.ok && r.error.code === 'api.read-only', method);
    }
  });
});

describe('articles this archive does not hold, and input from elsewhere', () => {
  test('their annotations are skipped and counted; the rest is taken', async () => {
    const S = await archiveWith('s', [SEED]);
    const r = await S.call<AnnotationImportReport>('importAnnotations', {
      content: exported.content,
    });
    const onSeed = doc.first.items.filter((i) =>
      JSON.stringify(i.target).includes(`urn:archive-reader:article:${seedId}`),
    ).length;
    assert.equal(r.added, onSeed);
    assert.equal(r.skipped, doc.first.items.length - onSeed);
    assert.deepEqual(r.skippedArticles.sort(), [newsId, oldToneId, lawId].sort());
    assert.deepEqual(r.failed, []);
  });

  test('an annotation made on the article’s web page finds the article by its url', async () => {
    const E = await archiveWith('e', files);
    const url = E.archive.getArticle(newsId).url!;
    const text = E.archive.view(newsId).text;
    const exact = text.slice(100, 140);
    const r = await E.call<AnnotationImportReport>('importAnnotations', {
      content: JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://hypothes.is/a/abc123',
        type: 'Annotation',
        motivation: 'commenting',
        bodyValue: 'Đọc trên trang báo',
        target: { source: url, selector: { type: 'TextQuoteSelector', exact } },
      }),
    });
    assert.equal(r.added, 1);
    const [a] = E.archive.listAnnotations({ articleId: newsId }).items;
    assert.deepEqual(a.selector, select(text, exact));
    assert.equal(a.note, 'Đọc trên trang báo');
  });

  test('bad input is one sentence and writes nothing', async () => {
    const F = await archiveWith('f', files);
    const before = F.archive.stats().annotations;
    const fresh = structuredClone(doc);
    // Valid new annotations first, a wrongly typed one last: nothing at all may be written.
    fresh.first.items.push({ ...fresh.first.items[0], id: 'urn:uuid:x', created: 12 } as never);
    const cases: Array<[string, string]> = [
      ['Đây không phải JSON', 'w3c.not-json'],
      ['{"type": "Person", "name": "x"}', 'w3c.not-annotations'],
      [JSON.stringify(fresh), 'w3c.bad-item'],
    ];
    for (const [content, code] of cases) {
      const r = await F.api('importAnnotations', { content });
      assert.ok(!r.ok, code);
      assert.equal(r.error.code, code);
      assert.match(r.error.message, /^[^\n{}]+\.$/, r.error.message); // one sentence, filled in
      assert.doesNotMatch(r.error.message, /at \w+ \(|Error:/);
    }
    assert.equal(F.archive.stats().annotations, before);
    assert.deepEqual(tagsOf(F.archive), {});
  });
});
