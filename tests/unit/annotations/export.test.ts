import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  articleUrn,
  exportAnnotations,
  toCsv,
  toMarkdown,
  toW3C,
  type AnnotatedArticle,
} from '../../../electron/core/annotations/export';
import type { Annotation } from '../../../electron/core/model';

const TIME = '2024-07-21T08:00:00.000Z';
const base = { articleId: 'a1', created: TIME, updated: TIME };

const highlight: Annotation = {
  ...base,
  id: 'h1',
  kind: 'highlight',
  color: 'yellow',
  note: null,
  selector: {
    exact: 'công tác dân vận',
    prefix: 'Làm tốt ',
    suffix: ' ở cơ sở',
    start: 8,
    end: 24,
  },
};
const note: Annotation = {
  ...base,
  id: 'n1',
  kind: 'note',
  color: 'green',
  note: 'Ghi chú: "quan trọng", xem lại\ndòng hai',
  selector: { exact: 'Lạng Sơn', prefix: '', suffix: '', start: 30, end: 38 },
};
const bookmark: Annotation = {
  ...base,
  id: 'b1',
  kind: 'bookmark',
  color: null,
  note: null,
  selector: null,
};

const ITEMS: AnnotatedArticle[] = [
  {
    article: {
      id: 'a1',
      title: 'Bước tiến mới trong công tác dân vận ở Lạng Sơn',
      source: 'Báo Lạng Sơn',
      date: '2024-07-21',
      docNumber: null,
      url: 'https://baolangson.vn/x',
    },
    annotations: [highlight, note, bookmark],
  },
];

describe('W3C Web Annotation export', () => {
  const doc = toW3C(ITEMS, TIME) as {
    '@context': string;
    type: string;
    total: number;
    first: { type: string; items: Array<Record<string, unknown>> };
  };
  const [h, n, b] = doc.first.items as Array<{
    type: string;
    motivation: string;
    body?: { type: string; value: string };
    target: { source: string; scope?: string; selector?: Array<Record<string, unknown>> };
  }>;

  test('an AnnotationCollection with the W3C context', () => {
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    assert.equal(doc.total, 3);
    assert.equal(doc.first.type, 'AnnotationPage');
    for (const a of doc.first.items) assert.equal(a.type, 'Annotation');
  });

  test('targets carry a TextQuoteSelector and a TextPositionSelector', () => {
    assert.equal(h.target.source, articleUrn('a1'));
    assert.equal(h.target.scope, 'https://baolangson.vn/x');
    assert.deepEqual(h.target.selector, [
      {
        type: 'TextQuoteSelector',
        exact: 'công tác dân vận',
        prefix: 'Làm tốt ',
        suffix: ' ở cơ sở',
      },
      { type: 'TextPositionSelector', start: 8, end: 24 },
    ]);
  });

  test('motivations: highlighting, commenting, bookmarking', () => {
    assert.deepEqual(
      [h.motivation, n.motivation, b.motivation],
      ['highlighting', 'commenting', 'bookmarking'],
    );
  });

  test('a note is a TextualBody; a highlight has no body', () => {
    assert.deepEqual(n.body, { type: 'TextualBody', value: note.note, format: 'text/plain' });
    assert.equal(h.body, undefined);
  });

  test('a bookmark of the whole article has no selector', () => {
    assert.equal(b.target.selector, undefined);
    assert.equal(b.target.source, articleUrn('a1'));
  });

  test('exportAnnotations json is parseable JSON-LD', () => {
    const file = exportAnnotations(ITEMS, 'json');
    assert.match(file.filename, /\.jsonld$/);
    assert.equal(file.mime, 'application/ld+json');
    assert.equal(JSON.parse(file.content).type, 'AnnotationCollection');
  });
});

describe('Markdown export', () => {
  const md = toMarkdown(ITEMS);

  test('readable: title heading, facts, quotes, notes', () => {
    assert.ok(md.startsWith('## Bước tiến mới trong công tác dân vận ở Lạng Sơn\n'), md);
    assert.ok(md.includes('*Báo Lạng Sơn · 2024-07-21 · https://baolangson.vn/x*'), md);
    assert.ok(md.includes('\n> công tác dân vận\n'), md);
    assert.ok(md.includes('\n> Lạng Sơn\n\nGhi chú: "quan trọng", xem lại\ndòng hai\n'), md);
    assert.ok(md.includes('🔖 Đánh dấu bài viết'), md);
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });

  test('a multi-line quote stays one block quote', () => {
    const multi = { ...highlight, selector: { ...highlight.selector!, exact: 'một\n\nhai' } };
    const out = toMarkdown([{ ...ITEMS[0], annotations: [multi] }]);
    assert.ok(out.includes('> một\n> hai'), out);
  });

  test('a document number is shown', () => {
    const out = toMarkdown([
      { ...ITEMS[0], article: { ...ITEMS[0].article, docNumber: '45/2019/QH14' } },
    ]);
    assert.ok(out.includes('Số hiệu: 45/2019/QH14'), out);
  });
});

describe('CSV export', () => {
  const csv = toCsv(ITEMS);
  const lines = csv.slice(1).split('\r\n');

  test('UTF-8 BOM, CRLF, a header', () => {
    assert.ok(csv.startsWith('\uFEFFarticle_id,title,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(
      lines[0],
      'article_id,title,source,date,number,kind,color,quote,note,start,end,created,updated',
    );
  });

  test('cells with commas, quotes or newlines are quoted, quotes doubled', () => {
    assert.equal(
      lines[1],
      `a1,Bước tiến mới trong công tác dân vận ở Lạng Sơn,Báo Lạng Sơn,2024-07-21,,highlight,yellow,công tác dân vận,,8,24,${TIME},${TIME}`,
    );
    assert.ok(csv.includes(',"Ghi chú: ""quan trọng"", xem lại\ndòng hai",30,38,'), csv);
  });

  test('a bookmark row has empty quote and positions', () => {
    assert.ok(csv.includes(`,bookmark,,,,,,${TIME},${TIME}\r\n`), csv);
  });

  test('exportAnnotations csv and markdown names and types', () => {
    const c = exportAnnotations(ITEMS, 'csv');
    assert.match(c.filename, /^ghi-chu-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.match(c.mime, /^text\/csv/);
    const m = exportAnnotations(ITEMS, 'markdown');
    assert.match(m.filename, /\.md$/);
    assert.equal(m.content, toMarkdown(ITEMS));
  });
});
