/**
 * Re-anchoring and orphans on real SQLite files (w3c-archives.ts): positions that no longer fit,
 * quotes with the other tone placement, a quote edited in the file (an orphan: kept, counted,
 * listed, exported, carried through another round trip), undo of a delete, and re-attaching it to
 * a selected passage.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AnnotationImportReport,
  AnnotationListItem,
  ArticleView,
  ExportFile,
} from '../../electron/api/contract';
import type { Annotation } from '../../electron/core/model';
import {
  archiveWith,
  closeAll,
  itemOf,
  makeSource,
  select,
  validateAll,
  type Source,
  type W3CDoc,
} from './w3c-archives';

/** Old-style tone placement (vietnews) → new-style, as another office's software may write it. */
const NEW_TONE: Record<string, string> = { oà: 'òa', oè: 'òe', uỷ: 'ủy', oả: 'ỏa', oạ: 'ọa' };

let s: Source;
let lawId: string;
let made: Record<string, Annotation>;
let files: string[];
let doc: W3CDoc;

before(async () => {
  s = await makeSource('annotations-w3c-orphans-');
  ({ lawId, made, files, doc } = s);
});
after(closeAll);

describe('re-anchoring, orphans and re-attaching', () => {
  let C: Awaited<ReturnType<typeof archiveWith>>;
  let report: AnnotationImportReport;
  let orphanExport: W3CDoc;
  const edited = () => {
    const e = structuredClone(doc);
    // Positions that no longer fit: moved by 50 characters.
    const moved = (
      itemOf(e, made.highlight.id).target as { selector: Array<Record<string, number>> }
    ).selector[1];
    moved.start += 50;
    moved.end += 50;
    // A quote with the other tone placement, other whitespace, and no position at all.
    const tone = itemOf(e, made.oldTone.id).target as { selector: object | object[] };
    const q = (tone.selector as object[])[0] as { exact: string };
    const newStyle = q.exact.replace(/oà|oè|uỷ|oả|oạ/g, (m) => NEW_TONE[m]);
    assert.notEqual(newStyle, q.exact);
    tone.selector = { ...q, exact: ` ${newStyle}  ` };
    // The quote itself edited: no longer in the article.
    const gone = itemOf(e, made.law.id).target as { selector: Array<Record<string, unknown>> };
    gone.selector[0].exact = 'một đoạn văn không hề có trong văn bản này';
    return e;
  };

  before(async () => {
    C = await archiveWith('c', files);
    report = await C.call('importAnnotations', { content: JSON.stringify(edited()) });
  });

  test('a position that no longer fits is re-anchored by its quote', () => {
    assert.deepEqual(
      C.archive.annotations.get(made.highlight.id).selector,
      made.highlight.selector,
    );
  });

  test('a quote typed with the other tone placement and spacing is found, position and all', () => {
    const a = C.archive.annotations.get(made.oldTone.id);
    assert.deepEqual(a.selector, made.oldTone.selector);
    assert.equal(a.orphaned, undefined);
  });

  test('a quote that is not in its article is kept as an orphan, counted and listed', async () => {
    assert.equal(report.orphaned, 1);
    assert.equal(report.added, doc.first.items.length);
    const orphan = C.archive.annotations.get(made.law.id);
    assert.equal(orphan.orphaned, true);
    assert.equal(orphan.selector!.exact, 'một đoạn văn không hề có trong văn bản này');
    assert.equal(orphan.note, made.law.note);
    const listed = await C.call<{ items: AnnotationListItem[] }>('listAnnotations', {
      orphaned: true,
    });
    assert.deepEqual(
      listed.items.map((i) => i.id),
      [made.law.id],
    );
    const view = await C.call<ArticleView>('getArticle', { id: lawId });
    assert.equal(view.annotations.find((a) => a.id === made.law.id)?.orphaned, true);
    const anchored = await C.call<{ items: AnnotationListItem[] }>('listAnnotations', {
      orphaned: false,
    });
    assert.ok(!anchored.items.some((i) => i.orphaned));
  });

  test('an orphan exports with its quote only, validates, and survives another round trip', async () => {
    const file = await C.call<ExportFile>('exportAnnotations', { format: 'w3c', articleId: lawId });
    orphanExport = JSON.parse(file.content) as W3CDoc;
    validateAll(orphanExport);
    const item = itemOf(orphanExport, made.law.id);
    assert.equal(item['ar:orphaned'], true);
    assert.ok(!Array.isArray((item.target as { selector: unknown }).selector));
    const D = await archiveWith('d', files);
    const r = await D.call<AnnotationImportReport>('importAnnotations', { content: file.content });
    assert.equal(r.orphaned, 1);
    assert.deepEqual(
      D.archive.annotations.get(made.law.id),
      C.archive.annotations.get(made.law.id),
    );
  });

  test('delete and undo keep an orphan an orphan', async () => {
    const { deleted } = await C.call<{ deleted: Annotation }>('deleteAnnotation', {
      id: made.law.id,
    });
    const restored = await C.call<Annotation>('restoreAnnotation', { annotation: deleted });
    assert.deepEqual(restored, deleted);
  });

  test('re-attached to a selected passage, it is an orphan no more', async () => {
    const text = (await C.call<ArticleView>('getArticle', { id: lawId })).text;
    const wrong = await C.api('reattachAnnotation', {
      id: made.law.id,
      selector: { ...select(text, text.slice(300, 340)), exact: 'không có trong bài' },
    });
    assert.ok(!wrong.ok && wrong.error.code === 'annotation.quote-not-found');
    assert.equal(C.archive.annotations.get(made.law.id).orphaned, true);

    const selector = select(text, text.slice(300, 340));
    const a = await C.call<Annotation>('reattachAnnotation', { id: made.law.id, selector });
    assert.deepEqual(a.selector, selector);
    assert.equal(a.orphaned, undefined);
    assert.equal(a.note, made.law.note);
    assert.ok(a.updated > made.law.updated);
    assert.deepEqual(C.archive.annotations.get(made.law.id), a);
    const left = await C.call<{ total: number }>('listAnnotations', { orphaned: true });
    assert.equal(left.total, 0);
    // The re-attached one is newer than the orphan in the earlier file: importing it changes nothing.
    const r = await C.call<AnnotationImportReport>('importAnnotations', {
      content: JSON.stringify(orphanExport),
    });
    assert.equal(r.updated, 0);
    assert.deepEqual(C.archive.annotations.get(made.law.id), a);
  });
});
