/**
 * Annotations through the API, as the reader makes them: selectors taken from getArticle's text,
 * notes, bookmarks, edits, undoable deletes, re-anchoring, and persistence across reopening.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { createDispatch, type Dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import type { AnnotationListItem, ArticleView } from '../../electron/api/contract';
import type { Annotation, TextSelector } from '../../electron/core/model';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';

let dir: string;
let file: string;
let archive: Archive;
let api: Dispatch;
let id: string;
let text: string;

function open() {
  archive = Archive.open(file);
  api = createDispatch(createHandlers(archive));
}

/** Call and unwrap; fails the test on an error envelope. */
async function call<T>(method: string, input: unknown): Promise<T> {
  const envelope = await api(method, input);
  if (!envelope.ok) assert.fail(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.result as T;
}

/** A selector as the reader builds it from a selection in the article's text. */
function select(quote: string, nth = 0): TextSelector {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `“${quote}” is in the text`);
  const end = start + quote.length;
  return {
    exact: quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
    end,
  };
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotations-test-'));
  file = path.join(dir, 'archive.db');
  open();
  id = (await archive.importPaths([SEED])).articleIds[0];
  text = (await call<ArticleView>('getArticle', { id })).text;
});
after(() => {
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('annotations', () => {
  let highlight: Annotation;
  let note: Annotation;
  let bookmark: Annotation;

  test('a highlight from a selection in getArticle’s text', async () => {
    const selector = select('công tác dân vận', 2);
    highlight = await call('createAnnotation', {
      articleId: id,
      kind: 'highlight',
      color: 'green',
      selector,
    });
    assert.equal(highlight.kind, 'highlight');
    assert.equal(highlight.color, 'green');
    assert.deepEqual(highlight.selector, selector);
    assert.equal(
      text.slice(highlight.selector!.start, highlight.selector!.end),
      'công tác dân vận',
    );
  });

  test('a note on a passage and a bookmark of the whole article', async () => {
    note = await call('createAnnotation', {
      articleId: id,
      kind: 'note',
      note: 'Rất quan trọng cho báo cáo quý',
      selector: select('Dân vận khéo'),
    });
    assert.equal(note.note, 'Rất quan trọng cho báo cáo quý');
    bookmark = await call('createAnnotation', { articleId: id, kind: 'bookmark' });
    assert.equal(bookmark.selector, null);
    const view = await call<ArticleView>('getArticle', { id });
    assert.deepEqual(
      view.annotations.map((a) => a.id).sort(),
      [highlight.id, note.id, bookmark.id].sort(),
    );
  });

  test('update changes colour and note, keeps the rest', async () => {
    const updated = await call<Annotation>('updateAnnotation', {
      id: highlight.id,
      color: 'pink',
      note: 'Xem lại',
    });
    assert.equal(updated.color, 'pink');
    assert.equal(updated.note, 'Xem lại');
    assert.deepEqual(updated.selector, highlight.selector);
    assert.equal(updated.created, highlight.created);
    assert.ok(updated.updated >= highlight.updated);
    highlight = updated;
  });

  test('delete, then restore (undo) gives back the same annotation', async () => {
    const { deleted } = await call<{ deleted: Annotation }>('deleteAnnotation', { id: note.id });
    assert.deepEqual(deleted, note);
    const after = await call<ArticleView>('getArticle', { id });
    assert.ok(!after.annotations.some((a) => a.id === note.id));
    const missing = await api('updateAnnotation', { id: note.id, note: 'x' });
    assert.ok(!missing.ok && missing.error.code === 'annotation.not-found');
    const restored = await call<Annotation>('restoreAnnotation', { annotation: deleted });
    assert.deepEqual(restored, note);
    const again = await call<ArticleView>('getArticle', { id });
    assert.deepEqual(
      again.annotations.find((a) => a.id === note.id),
      note,
    );
  });

  test('a selector whose position drifted is re-anchored by its quote', async () => {
    const right = select('Năm dân vận chính quyền');
    const drifted = { ...right, start: right.start + 7, end: right.end + 7 };
    const a = await call<Annotation>('createAnnotation', {
      articleId: id,
      kind: 'highlight',
      selector: drifted,
    });
    assert.deepEqual([a.selector!.start, a.selector!.end], [right.start, right.end]);
    const restored = await call<Annotation>('restoreAnnotation', {
      annotation: { ...a, selector: { ...a.selector!, start: 3, end: 26 } },
    });
    assert.equal(restored.selector!.start, right.start);
  });

  test('a quote that is not in the article is refused', async () => {
    const before = archive.stats().annotations;
    const envelope = await api('createAnnotation', {
      articleId: id,
      kind: 'highlight',
      selector: { exact: 'Hà Giang', prefix: '', suffix: '', start: 0, end: 8 },
    });
    assert.ok(!envelope.ok);
    assert.equal(envelope.error.code, 'annotation.quote-not-found');
    assert.match(envelope.error.message, /Hà Giang/);
    assert.equal(archive.stats().annotations, before);
  });

  test('an unknown article is refused with article.not-found (bookmark, restore too)', async () => {
    const bookmark = await api('createAnnotation', { articleId: 'khong-co', kind: 'bookmark' });
    assert.equal(bookmark.ok ? 'ok' : bookmark.error.code, 'article.not-found');
    const restore = await api('restoreAnnotation', {
      annotation: { ...note, id: 'r-missing', articleId: 'khong-co', selector: null },
    });
    assert.equal(restore.ok ? 'ok' : restore.error.code, 'article.not-found');
  });

  test('listAnnotations is accent-insensitive over notes and quotes', async () => {
    const list = async (query: string) =>
      (await call<{ items: AnnotationListItem[] }>('listAnnotations', { query })).items.map(
        (a) => a.id,
      );
    assert.deepEqual(await list('quan trong'), [note.id]);
    assert.deepEqual(await list('QUAN TRỌNG'), [note.id]);
    assert.deepEqual(await list('dan van kheo'), [note.id]);
    assert.ok((await list('cong tac dan van')).includes(highlight.id));
    assert.deepEqual(await list('xem lai'), [highlight.id]);
    assert.deepEqual(await list('khong co dau'), []);
    const all = await call<{ total: number; items: AnnotationListItem[] }>('listAnnotations', {
      articleId: id,
    });
    assert.equal(all.total, 4);
    assert.ok(all.items.every((a) => a.articleTitle.startsWith('Bước tiến mới')));
  });

  test('annotations survive closing and reopening the archive', async () => {
    const before = (await call<ArticleView>('getArticle', { id })).annotations;
    archive.close();
    open();
    const after = (await call<ArticleView>('getArticle', { id })).annotations;
    const byId = (list: Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(byId(after), byId(before));
    assert.equal(after.length, 4);
  });
});
