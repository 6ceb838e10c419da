/**
 * The archive W3C annotation tests start from: archive A, a real SQLite file holding the reference
 * article and real corpus documents — baomoi news (new-style tones, with urls), vietnews (old-style
 * tone placement: "hoà", "thuỷ") and official documents — with highlights, notes, bookmarks, tags
 * and a collection made through the API as the app makes them, and its W3C export. Helpers to
 * make more archives with the same articles, and to compare and validate.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { createDispatch, type Dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import type { AnnotationListItem, ArticleView, ExportFile } from '../../electron/api/contract';
import type { Annotation, TextSelector } from '../../electron/core/model';
import { loadValidators } from '../unit/annotations/w3c-schema';
import { corpusLines, writeJsonl } from '../support/corpus';

export const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const BAOMOI = 'baomoi-2017-35k.jsonl.gz';
const VIETNEWS = 'vietnews-train-40k.jsonl.gz';
const OFFICIAL = 'official-documents-vn.jsonl.gz';

const schemas = loadValidators();
const opened: Archive[] = [];

export type W3CDoc = {
  '@context': unknown;
  first: { items: Array<Record<string, unknown> & { id: string; target: unknown }> };
};

/** Records `from` (counted from 0) up to `to` of a corpus file, written to `dest`; its path. */
export async function slice(file: string, from: number, to: number, dest: string): Promise<string> {
  return writeJsonl(dest, await corpusLines(file, to - from, { skip: from }));
}

export function caller(api: Dispatch) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = await api(method, input);
    if (!envelope.ok) assert.fail(`${method}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.result as T;
  };
}

/** Every annotation of an archive, as compared between archives (by id, without titles). */
export function annotationsOf(archive: Archive): Annotation[] {
  return archive
    .listAnnotations({ limit: 1_000_000 })
    .items.map(({ articleTitle: _, ...a }: AnnotationListItem) => a)
    .sort((x, y) => x.id.localeCompare(y.id));
}

export function tagsOf(archive: Archive): Record<string, string[]> {
  const rows = archive.db
    .prepare(
      `SELECT a.id, t.name FROM article_tags at JOIN articles a ON a.rowid = at.article
       JOIN tags t ON t.id = at.tag ORDER BY a.id, t.name`,
    )
    .all() as Array<{ id: string; name: string }>;
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.id] ??= []).push(r.name);
  return out;
}

/** A selector as the reader builds it from a selection in the article's text. */
export function select(text: string, quote: string, nth = 0): TextSelector {
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

/** RFC 4180: fields split on commas, quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

export function validateAll(doc: W3CDoc): void {
  assert.deepEqual(schemas.collection(doc), [], 'the collection');
  for (const item of doc.first.items) {
    // An embedded annotation's context is its collection's (JSON-LD); checked as a standalone one.
    assert.deepEqual(schemas.annotation({ '@context': doc['@context'], ...item }), [], item.id);
  }
}

export const itemOf = (doc: W3CDoc, id: string) =>
  doc.first.items.find((i) => i.id === `urn:archive-reader:annotation:${id}`)!;

export interface Source {
  dir: string;
  /** The files every archive of a test imports. */
  files: string[];
  A: Opened;
  seedId: string;
  /** A baomoi article (new-style tones, has a url). */
  newsId: string;
  /** A vietnews article with old-style tone placement, and one such word of it. */
  oldToneId: string;
  oldToneWord: string;
  /** An official document. */
  lawId: string;
  made: Record<string, Annotation>;
  exported: ExportFile;
  doc: W3CDoc;
}

export type Opened = Awaited<ReturnType<typeof archiveWith>>;
let dir = '';

/** A new archive file holding the given files, with the API the interface uses. */
export async function archiveWith(name: string, paths: string[]) {
  const archive = Archive.open(path.join(dir, `${name}.db`));
  opened.push(archive);
  await archive.importPaths(paths);
  const api = createDispatch(createHandlers(archive));
  return { archive, api, call: caller(api) };
}

export function closeAll(): void {
  for (const archive of opened.splice(0)) archive.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export async function makeSource(prefix: string): Promise<Source> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const files = [
    SEED,
    await slice(BAOMOI, 20, 32, path.join(dir, 'baomoi.jsonl')),
    await slice(VIETNEWS, 0, 8, path.join(dir, 'vietnews.jsonl')),
    await slice(OFFICIAL, 120, 123, path.join(dir, 'official.jsonl')),
  ];
  const A = await archiveWith('a', files);
  const ids = A.archive.list({ limit: 100 }).items;
  assert.ok(ids.length >= 20, `${ids.length} articles imported`);
  const view = (id: string) => A.call<ArticleView>('getArticle', { id });
  const seedId = ids.find((a) => a.title.startsWith('Bước tiến mới'))!.id;
  const newsId = ids.find((a) => A.archive.getArticle(a.id).url?.includes('baomoi.com'))!.id;
  const lawId = ids.find((a) => a.docNumber)!.id;
  let oldToneId = '';
  let oldToneWord = '';
  for (const a of ids.filter((x) => x.source?.includes('vietnews'))) {
    const m = (await view(a.id)).text.match(/\p{L}*(oà|oè|uỷ|oả|oạ)\p{L}*/u);
    if (m) {
      oldToneId = a.id;
      oldToneWord = m[0];
      break;
    }
  }
  assert.ok(oldToneId, 'an article with old-style tone placement');

  const made: Record<string, Annotation> = {};
  const create = (key: string, input: object) =>
    A.call<Annotation>('createAnnotation', input).then((a) => (made[key] = a));
  const seedText = (await view(seedId)).text;
  await create('highlight', {
    articleId: seedId,
    kind: 'highlight',
    color: 'green',
    selector: select(seedText, 'công tác dân vận', 2),
  });
  await create('note', {
    articleId: seedId,
    kind: 'note',
    note: 'Rất quan trọng cho báo cáo quý\n\nxem thêm phần sau',
    selector: select(seedText, 'Dân vận khéo'),
  });
  await create('bookmark', { articleId: seedId, kind: 'bookmark' });
  const newsText = (await view(newsId)).text;
  await create('highlightNote', {
    articleId: newsId,
    kind: 'highlight',
    color: 'pink',
    selector: select(newsText, newsText.slice(40, 90)),
  });
  made.highlightNote = await A.call('updateAnnotation', {
    id: made.highlightNote.id,
    note: 'Ghi chú thêm vào sau',
  });
  await create('oldTone', {
    articleId: oldToneId,
    kind: 'highlight',
    color: 'blue',
    selector: select((await view(oldToneId)).text, oldToneWord),
  });
  const lawText = (await view(lawId)).text;
  await create('law', {
    articleId: lawId,
    kind: 'note',
    color: 'yellow',
    note: 'Điều khoản cần áp dụng cho xã',
    selector: select(lawText, lawText.slice(200, 260)),
  });
  await create('lawBookmark', { articleId: lawId, kind: 'bookmark', note: 'Đọc lại' });
  await A.call('setTags', { articleId: seedId, tags: ['dân vận', 'Lạng Sơn'] });
  await A.call('setTags', { articleId: lawId, tags: ['pháp luật'] });
  await A.call('setCollections', { articleId: seedId, collections: ['Báo cáo quý'] });
  await A.call('setCollections', { articleId: lawId, collections: ['Báo cáo quý'] });

  const exported = await A.call<ExportFile>('exportAnnotations', { format: 'w3c' });
  const doc = JSON.parse(exported.content) as W3CDoc;
  return { dir, files, A, seedId, newsId, oldToneId, oldToneWord, lawId, made, exported, doc };
}
