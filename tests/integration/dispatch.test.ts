/**
 * The dispatch guard every host puts in front of the engine: whatever arrives, the answer is an
 * envelope with a Vietnamese sentence, never a throw, and a refused call never writes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { createDispatch, type Dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { writeMethods, type Envelope } from '../../electron/api/contract';

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

let dir: string;
let archive: Archive;
let dispatch: Dispatch;
let articleId: string;
let annotationId: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-test-'));
  archive = Archive.open(path.join(dir, 'archive.db'));
  const file = path.join(dir, 'a.jsonl');
  const body = 'Cán bộ xã đến từng thôn lắng nghe ý kiến của người dân về công tác dân vận.';
  fs.writeFileSync(file, JSON.stringify({ id: 'd1', title: 'Dân vận khéo ở cơ sở', body }));
  articleId = (await archive.importPaths([file])).articleIds[0];
  annotationId = archive.annotate({ articleId, kind: 'bookmark' }).id;
  dispatch = createDispatch(createHandlers(archive), {
    onInternalError: (error) => assert.fail(`internal error: ${String(error)}`),
  });
});
after(() => {
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const counts = () =>
  archive.db
    .prepare(
      'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM annotations) AS annotations, (SELECT count(*) FROM tags) AS tags, (SELECT max(updated) FROM annotations) AS updated',
    )
    .get();

function show(input: unknown): string {
  try {
    return String(JSON.stringify(input)).slice(0, 80);
  } catch {
    return '(too deep to show)';
  }
}

async function refused(d: Dispatch, method: string, input: unknown, code: string) {
  const before = counts();
  let envelope: Envelope<unknown>;
  try {
    envelope = await d(method, input);
  } catch (error) {
    assert.fail(`${method} threw: ${String(error)}`);
  }
  assert.equal(envelope.ok, false, `${method} ${show(input)} was accepted`);
  if (envelope.ok) return;
  assert.equal(envelope.error.code, code, envelope.error.message);
  assert.match(envelope.error.message, VIETNAMESE);
  assert.ok(envelope.error.message.length < 400 && !/\n\s+at /.test(envelope.error.message));
  assert.deepEqual(counts(), before, 'nothing was written');
}

let deep: unknown = 'x';
for (let i = 0; i < 50_000; i++) deep = { a: deep };
let deepArray: unknown = [];
for (let i = 0; i < 50_000; i++) deepArray = [deepArray];

describe('unknown methods', () => {
  for (const method of [
    'dropTable',
    '',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ]) {
    test(JSON.stringify(method), () => refused(dispatch, method, {}, 'api.unknown-method'));
  }
  test('a non-string method', () =>
    refused(dispatch, 42 as unknown as string, {}, 'api.unknown-method'));
});

describe('invalid input', () => {
  const cases: Array<[string, string, unknown]> = [
    ['wrong type', 'search', { query: 5 }],
    ['wrong type of limit', 'search', { query: 'x', limit: 'ten' }],
    ['fractional limit', 'search', { query: 'x', limit: 1.5 }],
    ['limit out of range', 'search', { query: 'x', limit: 100_000 }],
    ['bad date', 'search', { query: 'x', from: '31/02/2024' }],
    ['bad enum', 'search', { query: 'x', sort: 'random' }],
    ['missing field', 'search', {}],
    ['null input', 'getArticle', null],
    ['string input', 'stats', 'everything'],
    ['array input', 'stats', []],
    ['extra field', 'search', { query: 'x', sql: 'DROP TABLE articles' }],
    ['extra field on an empty schema', 'stats', { verbose: true }],
    ['huge query', 'search', { query: 'dân '.repeat(6000) }],
    ['huge id', 'getArticle', { id: 'x'.repeat(10_000) }],
    ['huge note', 'createAnnotation', { articleId: 'd1', kind: 'note', note: 'x'.repeat(30_000) }],
    ['deep nesting', 'search', { query: deep }],
    ['deep array nesting', 'setTags', { articleId: 'd1', tags: deepArray }],
    ['__proto__ key', 'search', JSON.parse('{"query":"x","__proto__":{"isAdmin":true}}')],
    ['constructor key', 'search', JSON.parse('{"query":"x","constructor":{"prototype":{}}}')],
    [
      '__proto__ in a nested selector',
      'createAnnotation',
      JSON.parse(
        '{"articleId":"d1","kind":"highlight","selector":{"exact":"dân","prefix":"","suffix":"","start":0,"end":3,"__proto__":{"x":1}}}',
      ),
    ],
    ['wrong kind', 'createAnnotation', { articleId: 'd1', kind: 'delete-all' }],
    ['bad colour', 'updateAnnotation', { id: 'a', color: 'red' }],
    ['negative offset', 'listArticles', { offset: -1 }],
    ['empty path list', 'importPaths', { paths: [] }],
    ['restore without a selector field', 'restoreAnnotation', { annotation: { id: 'x' } }],
    ['import of a non-array', 'importFiles', { files: 'a.txt' }],
  ];
  for (const [name, method, input] of cases) {
    test(`${name} (${method})`, () => refused(dispatch, method, input, 'api.invalid-input'));
  }

  test('prototypes are not polluted', () => {
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  test('valid calls still work', async () => {
    const envelope = await dispatch('search', { query: 'dan van' });
    assert.ok(envelope.ok && (envelope.result as { total: number }).total === 1);
  });

  test('an engine refusal is an envelope too (unknown article)', () =>
    refused(dispatch, 'getArticle', { id: 'khong-co' }, 'article.not-found'));
});

describe('host policies', () => {
  const valid: Record<string, unknown> = {
    createAnnotation: { articleId: 'd1', kind: 'bookmark' },
    updateAnnotation: { id: 'ann', note: 'mới' },
    deleteAnnotation: { id: 'ann' },
    restoreAnnotation: {
      annotation: {
        id: 'r1',
        articleId: 'd1',
        kind: 'bookmark',
        color: null,
        note: null,
        selector: null,
        created: '2024-01-01T00:00:00.000Z',
        updated: '2024-01-01T00:00:00.000Z',
      },
    },
    reattachAnnotation: {
      id: 'ann',
      selector: { exact: 'dân vận', prefix: '', suffix: '', start: 0, end: 7 },
    },
    importAnnotations: { content: '{"type": "AnnotationCollection", "total": 0}' },
    setTags: { articleId: 'd1', tags: ['dân vận'] },
    setCollections: { articleId: 'd1', collections: ['Lạng Sơn'] },
    importPaths: { paths: ['/work/shared/seeds/000_6d5d4d6daf6b85b0.txt'] },
    importFiles: {
      files: [{ name: 'a.txt', base64: Buffer.from('Tiêu đề\n\nNội dung.').toString('base64') }],
    },
    cancelImport: {},
    importBundle: { name: 'a.arbundle', base64: '' },
    importBundlePath: { path: '/tmp/a.arbundle' },
    setInbox: { dir: null },
    renameArticle: { id: 'd1', title: 'Tiêu đề mới' },
  };
  const input = (method: string) => {
    const value = valid[method] as Record<string, unknown>;
    if (method === 'createAnnotation' || method === 'setTags' || method === 'setCollections') {
      return { ...value, articleId };
    }
    if (method === 'renameArticle') return { ...value, id: articleId };
    if (
      method === 'updateAnnotation' ||
      method === 'deleteAnnotation' ||
      method === 'reattachAnnotation'
    )
      return { ...value, id: annotationId };
    return value;
  };

  test('every write method has a valid input here', () => {
    assert.deepEqual([...writeMethods].sort(), Object.keys(valid).sort());
  });

  for (const method of writeMethods) {
    test(`read-only refuses ${method}`, () =>
      refused(
        createDispatch(createHandlers(archive), { readOnly: true }),
        method,
        input(method),
        'api.read-only',
      ));
  }

  test('read-only still reads', async () => {
    const readOnly = createDispatch(createHandlers(archive), { readOnly: true });
    const envelope = await readOnly('getArticle', { id: articleId });
    assert.equal(envelope.ok, true);
  });

  test('remote refuses importPaths', () =>
    refused(
      createDispatch(createHandlers(archive), { remote: true }),
      'importPaths',
      input('importPaths'),
      'api.forbidden',
    ));

  test('remote still searches', async () => {
    const remote = createDispatch(createHandlers(archive), { remote: true });
    assert.equal((await remote('search', { query: 'dân vận' })).ok, true);
  });

  test('English messages when the host asks for them', async () => {
    const en = createDispatch(createHandlers(archive), { locale: 'en', readOnly: true });
    const envelope = await en('setTags', input('setTags'));
    assert.ok(!envelope.ok && /read-only/i.test(envelope.error.message));
  });
});
