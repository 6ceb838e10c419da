/**
 * The W3C Web Annotation mapping: every export variant (highlight, note, highlight with a note,
 * bookmark, tag, orphan, and the whole collection) validated against the Web Annotation Data
 * Model's own JSON Schemas, and read back by fromW3C without loss; foreign and broken input.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  annotationToW3C,
  ANNO_CONTEXT,
  fromW3C,
  parseW3C,
  tagToW3C,
  toW3C,
  W3C_CONTEXT,
  type ImportedAnnotation,
  type ImportedTags,
  type W3CObject,
} from '../../../electron/core/annotations/w3c';
import { UserError } from '../../../electron/core/errors';
import type { Annotation } from '../../../electron/core/model';
import {
  ARTICLE,
  bookmark,
  highlight,
  highlightWithNote,
  ITEMS,
  note,
  orphan,
  TIME,
} from './fixtures';
import { loadValidators } from './w3c-schema';

const schemas = loadValidators();
const standalone = (a: W3CObject) => ({ '@context': W3C_CONTEXT, ...a });
const valid = (errors: string[]) => assert.deepEqual(errors, []);
const noUrl = { ...ARTICLE, url: null };

const variants: Array<[string, W3CObject]> = [
  ['highlight', annotationToW3C(ARTICLE, highlight)],
  ['note', annotationToW3C(ARTICLE, note)],
  ['highlight with a note', annotationToW3C(ARTICLE, highlightWithNote)],
  ['bookmark of an article with a url', annotationToW3C(ARTICLE, bookmark)],
  ['bookmark of an article without a url', annotationToW3C(noUrl, bookmark)],
  ['tag', tagToW3C(ARTICLE, 'dân vận')],
  ['tag of an article without a url', tagToW3C(noUrl, 'Lạng Sơn')],
  ['orphan', annotationToW3C(ARTICLE, orphan)],
];

describe('every export variant conforms to the W3C Web Annotation Data Model schemas', () => {
  for (const [name, anno] of variants) {
    test(name, () => valid(schemas.annotation(standalone(anno))));
  }

  test('the whole collection, its embedded page and every item', () => {
    const doc = toW3C(ITEMS, { generated: TIME });
    valid(schemas.collection(doc));
    assert.equal(doc.total, 5 + 2);
  });

  test('an empty collection', () => valid(schemas.collection(toW3C([], { generated: TIME }))));

  test('the checks bite: broken documents are refused', () => {
    const bad: Array<[string, W3CObject]> = [
      ['no target', { ...variants[0][1], target: undefined }],
      ['an unknown motivation', { ...variants[0][1], motivation: 'liking' }],
      ['a created that is not a date-time', { ...variants[0][1], created: '21/07/2024' }],
      ['an id that is not a URI', { ...variants[0][1], id: 'chú thích 1' }],
      ['a negative position', withSelector(variants[0][1], 1, { start: -1 })],
      ['a quote selector without exact', withSelector(variants[0][1], 0, { exact: undefined })],
      [
        'a body language that is not a tag',
        { ...variants[1][1], body: { value: 'x', language: 'Vietnamese' } },
      ],
      ['a source-less target', { ...variants[0][1], target: { selector: [] } }],
      ['body and bodyValue together', { ...variants[1][1], bodyValue: 'x' }],
    ];
    for (const [name, anno] of bad) {
      assert.notDeepEqual(schemas.annotation(standalone(anno)), [], name);
    }
    assert.notDeepEqual(schemas.annotation(variants[0][1]), [], 'no @context');
    const doc = toW3C(ITEMS, { generated: TIME }) as { first: W3CObject };
    assert.notDeepEqual(schemas.collection({ ...doc, first: { ...doc.first, id: undefined } }), []);
  });
});

function withSelector(anno: W3CObject, index: number, change: object): W3CObject {
  const target = anno.target as { selector: object[] };
  const selector = target.selector.map((s, i) => (i === index ? { ...s, ...change } : s));
  return { ...anno, target: { ...target, selector } };
}

describe('the shape of the export', () => {
  const doc = toW3C(ITEMS, { generated: TIME }) as {
    '@context': unknown;
    id: string;
    first: { id: string; items: Array<Record<string, unknown>> };
  };
  const byId = (a: Annotation) =>
    doc.first.items.find((i) => i.id === `urn:archive-reader:annotation:${a.id}`)!;

  test('the Web Annotation context first, then our extension prefix', () => {
    assert.deepEqual(doc['@context'], [ANNO_CONTEXT, { ar: 'urn:archive-reader:vocab:' }]);
    assert.equal(doc.id, 'urn:archive-reader:export:2024-07-21T08:00:00.000Z');
    assert.equal(doc.first.id, `${doc.id}:page:1`);
  });

  test('a highlight: its article by URN and url, both selectors, its colour', () => {
    assert.deepEqual(byId(highlight), {
      id: `urn:archive-reader:annotation:${highlight.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: highlight.created,
      modified: highlight.updated,
      target: {
        source: 'urn:archive-reader:article:a1',
        scope: 'https://baolangson.vn/x',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'công tác dân vận',
            prefix: 'Làm tốt ',
            suffix: ' ở cơ sở',
          },
          { type: 'TextPositionSelector', start: 8, end: 24 },
        ],
        styleClass: 'yellow',
      },
      stylesheet: { type: 'CssStylesheet', value: '.yellow { background-color: #fff3a3; }' },
    });
  });

  test('a note is a TextualBody in Vietnamese plain text, purpose commenting', () => {
    assert.deepEqual(byId(note).body, {
      type: 'TextualBody',
      value: note.note,
      format: 'text/plain',
      language: 'vi',
      purpose: 'commenting',
    });
    assert.equal(byId(note).motivation, 'commenting');
    assert.equal(byId(highlightWithNote).motivation, 'highlighting');
  });

  test('a tag is a tagging annotation of the whole article', () => {
    const tag = doc.first.items.find((i) => i.motivation === 'tagging')!;
    assert.equal(tag.id, 'urn:archive-reader:tag:a1:d%C3%A2n%20v%E1%BA%ADn');
    assert.deepEqual(tag.body, {
      type: 'TextualBody',
      value: 'dân vận',
      format: 'text/plain',
      language: 'vi',
      purpose: 'tagging',
    });
    assert.deepEqual(tag.target, {
      source: 'urn:archive-reader:article:a1',
      scope: 'https://baolangson.vn/x',
    });
    assert.equal(tagToW3C(noUrl, 'x').target, 'urn:archive-reader:article:a1');
  });

  test('an orphan keeps its quote, claims no position, and says so', () => {
    const o = byId(orphan);
    assert.deepEqual((o.target as { selector: unknown }).selector, {
      type: 'TextQuoteSelector',
      exact: 'đoạn không còn',
      prefix: 'trước ',
      suffix: ' sau',
    });
    assert.equal(o['ar:orphaned'], true);
    assert.deepEqual(o['ar:lastPosition'], { type: 'TextPositionSelector', start: 40, end: 54 });
  });
});

describe('fromW3C reads the export back without loss', () => {
  const read = fromW3C(JSON.parse(JSON.stringify(toW3C(ITEMS, { generated: TIME }))));
  const annotations = read.items.filter((i): i is ImportedAnnotation => i.type === 'annotation');

  test('every annotation, field for field', () => {
    assert.deepEqual(read.failed, []);
    for (const a of ITEMS[0].annotations) {
      const got = annotations.find((i) => i.id === a.id);
      assert.ok(got, a.id);
      assert.deepEqual(
        {
          kind: got.kind,
          color: got.color,
          note: got.note,
          selector: got.quote && got.position ? { ...got.quote, ...got.position } : null,
          orphaned: got.orphaned,
          created: got.created,
          updated: got.updated,
          article: got.target,
        },
        {
          kind: a.kind,
          color: a.color,
          note: a.note,
          selector: a.selector,
          orphaned: Boolean(a.orphaned),
          created: a.created,
          updated: a.updated,
          article: { articleId: 'a1', urls: ['https://baolangson.vn/x'] },
        },
      );
    }
  });

  test('the tags', () => {
    const tags = read.items.filter((i): i is ImportedTags => i.type === 'tags');
    assert.deepEqual(
      tags.flatMap((t) => t.tags),
      ['dân vận', 'Lạng Sơn'],
    );
  });
});

describe('fromW3C reads what other tools write', () => {
  const one = (anno: object) => {
    const read = fromW3C(anno);
    assert.deepEqual(read.failed, []);
    return read.items[0] as ImportedAnnotation;
  };

  test('a single annotation: urn:uuid id, bodyValue, one selector, a web page target', () => {
    const a = one({
      '@context': ANNO_CONTEXT,
      id: 'urn:uuid:6A1B5C9E-0000-4000-8000-000000000001',
      type: 'Annotation',
      bodyValue: 'Cần đối chiếu',
      target: {
        source: 'https://baolangson.vn/x',
        selector: { type: 'TextQuoteSelector', exact: 'Lạng Sơn' },
      },
    });
    assert.equal(a.id, '6a1b5c9e-0000-4000-8000-000000000001');
    assert.equal(a.kind, 'note');
    assert.equal(a.note, 'Cần đối chiếu');
    assert.deepEqual(a.target, { articleId: null, urls: ['https://baolangson.vn/x'] });
    assert.deepEqual(a.quote, { exact: 'Lạng Sơn', prefix: '', suffix: '' });
    assert.equal(a.position, null);
    assert.equal(a.created, null);
  });

  test('an http id becomes a stable UUID; a page of items; no motivation → highlight', () => {
    const page = {
      type: 'AnnotationPage',
      items: [
        {
          id: 'http://example.org/anno/1',
          type: 'Annotation',
          created: '2015-01-28T12:00:00+01:00',
          target: {
            source: 'urn:archive-reader:article:a1',
            selector: { type: 'TextPositionSelector', start: 3, end: 9 },
          },
        },
      ],
    };
    const a = fromW3C(page).items[0] as ImportedAnnotation;
    const again = fromW3C(structuredClone(page)).items[0] as ImportedAnnotation;
    assert.equal(again.id, a.id, 'the same id every time: a re-import finds it');
    page.items[0].id = 'http://example.org/anno/2';
    assert.notEqual((fromW3C(page).items[0] as ImportedAnnotation).id, a.id);
    assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(a.kind, 'highlight');
    assert.equal(a.created, '2015-01-28T11:00:00.000Z');
    assert.deepEqual(a.position, { start: 3, end: 9 });
  });

  test('a plain array of annotations, and a byte-order mark before the JSON', () => {
    const anno = {
      id: 'urn:uuid:1',
      type: ['Annotation'],
      motivation: 'bookmarking',
      target: 'urn:archive-reader:article:a1',
    };
    assert.equal(parseW3C(`\uFEFF${JSON.stringify([anno])}`).items.length, 1);
  });
});

describe('fromW3C refuses broken input as a whole, and fails what it cannot hold one by one', () => {
  const refused = (fn: () => unknown, code: string, params: object = {}) => {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.code, code);
      for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v);
      assert.ok(!e.describe('vi').includes('{') && !e.describe('en').includes('{'));
      return true;
    });
  };
  const good = annotationToW3C(ARTICLE, highlight);

  test('not JSON; JSON but no annotations', () => {
    refused(() => parseW3C('{"type": "AnnotationCollection", '), 'w3c.not-json');
    refused(() => parseW3C('"hello"'), 'w3c.not-annotations');
    refused(() => parseW3C('{"type": "Person"}'), 'w3c.not-annotations');
    refused(() => parseW3C('{"type": "AnnotationCollection", "total": 3}'), 'w3c.not-annotations');
    refused(
      () => parseW3C('{"type": "AnnotationCollection", "first": "https://example.org/page1"}'),
      'w3c.remote-pages',
    );
  });

  test('a value of the wrong type anywhere names the annotation and the field', () => {
    const items = [good, { ...good, created: 42 }];
    refused(() => fromW3C({ type: 'AnnotationPage', items }), 'w3c.bad-item', {
      index: 2,
      field: 'created',
    });
    refused(() => fromW3C([good, good, withSelector(good, 1, { start: 'x' })]), 'w3c.bad-item', {
      index: 3,
      field: 'target.selector.1.start',
    });
    refused(() => fromW3C([{ ...good, type: 'Note' }]), 'w3c.bad-item', { field: 'type' });
    refused(() => fromW3C(['urn:archive-reader:annotation:1']), 'w3c.bad-item', { index: 1 });
  });

  test('well formed but not something an archive holds: a failure each, the rest taken', () => {
    const read = fromW3C([
      { ...good, id: 'urn:uuid:r', motivation: 'replying' },
      { ...good, id: 'urn:uuid:t', target: [good.target, good.target] },
      {
        ...good,
        id: 'urn:uuid:p',
        motivation: 'tagging',
        body: { type: 'TextualBody', value: 'x', purpose: 'tagging' },
      },
      {
        ...good,
        id: 'urn:uuid:q',
        target: {
          source: 'urn:archive-reader:article:a1',
          selector: { type: 'CssSelector', value: 'p' },
        },
      },
      good,
    ]);
    assert.deepEqual(
      read.failed.map((f) => f.error.code),
      ['w3c.unsupported-motivation', 'w3c.many-targets', 'w3c.passage-tag', 'w3c.no-quote'],
    );
    assert.deepEqual(
      read.failed.map((f) => f.uri),
      ['urn:uuid:r', 'urn:uuid:t', 'urn:uuid:p', 'urn:uuid:q'],
    );
    assert.equal(read.items.length, 1);
  });
});
