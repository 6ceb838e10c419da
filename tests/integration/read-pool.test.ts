/**
 * The engine pool behind the browser host (api/read-pool.ts), on a real archive file of real
 * articles: what one client writes through the writer thread, another reads at once through the
 * readers (annotations, imports, the catalog the writer rebuilds); a reader that dies is replaced
 * and its call answered with a sentence; a call whose client went away leaves the queue.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import {
  readMethods,
  writeMethods,
  type AnnotationListItem,
  type ArticleView,
  type Envelope,
} from '../../electron/api/contract';
import type { Annotation, SearchResult } from '../../electron/core/model';
import { messages } from '../../electron/core/messages';
import { poolDispatch, readerCount, ReadPool } from '../../electron/api/read-pool';
import { WorkerHost } from '../../electron/api/worker-host';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { CORPUS as SHARED_CORPUS, corpusLines, writeJsonl } from '../support/corpus';

const CORPUS = process.env.BENCH_CORPUS ?? SHARED_CORPUS;
const ARTICLES = 400;

let dir: string;
let file: string;
let writer: WorkerHost;
let pool: ReadPool;
let host: WebHost;
let port: number;
let articleIds: string[];

/** One client: its own keep-alive connection. */
function client() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const call = <T>(method: string, input: unknown): Promise<Envelope<T>> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/${method}`,
          agent,
          headers: { 'Content-Type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve(JSON.parse(text) as Envelope<T>));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  return { call, close: () => agent.destroy() };
}

function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) assert.fail(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result;
}

const served = () => pool.load.served.reduce((a, b) => a + b, 0);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-pool-'));
  file = path.join(dir, 'archive.db');
  const news = writeJsonl(
    path.join(dir, 'news.jsonl'),
    await corpusLines(path.join(CORPUS, 'baomoi-2017-35k.jsonl.gz'), ARTICLES),
  );
  const archive = Archive.open(file);
  const summary = await archive.importPaths([news]);
  articleIds = summary.articleIds;
  assert.ok(articleIds.length > ARTICLES * 0.9, `${articleIds.length} imported`);
  archive.close();

  writer = await WorkerHost.start({ dbPath: file, locale: 'en' });
  pool = await ReadPool.start({ dbPath: file, locale: 'en', size: 2 });
  fs.mkdirSync(path.join(dir, 'static'));
  host = await startWebHost({
    dispatch: poolDispatch(writer, pool),
    subscribe: (event, listener) => writer.on(event, listener),
    staticDir: path.join(dir, 'static'),
    port: 0,
    locale: 'en',
  });
  port = Number(new URL(host.url).port);
});

after(async () => {
  await host?.close();
  await pool?.close();
  await writer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('read pool', () => {
  test('the number of readers: two by default (one on one core), or ARCHIVE_READER_READERS', () => {
    assert.equal(readerCount({}, 2), 2);
    assert.equal(readerCount({}, 8), 2);
    assert.equal(readerCount({}, 1), 1);
    assert.equal(readerCount({ ARCHIVE_READER_READERS: '0' }, 2), 0);
    assert.equal(readerCount({ ARCHIVE_READER_READERS: ' 3 ' }, 2), 3);
    assert.throws(
      () => readerCount({ ARCHIVE_READER_READERS: 'many' }, 2),
      /ARCHIVE_READER_READERS/,
    );
  });

  test('no method is declared both a read and a write', () => {
    assert.deepEqual(
      [...readMethods].filter((m) => writeMethods.has(m)),
      [],
    );
  });

  test('an annotation saved through one client is read at once through another', async () => {
    const a = client();
    const b = client();
    try {
      const before = served();
      for (let i = 0; i < 40; i++) {
        const articleId = articleIds[i % articleIds.length];
        const saved = ok(
          await a.call<Annotation>('createAnnotation', {
            articleId,
            kind: 'note',
            note: `Ghi chú kiểm tra số ${i}`,
          }),
        );
        // No wait of any kind between the write's answer and the reads.
        const listed = ok(
          await b.call<{ items: AnnotationListItem[] }>('listAnnotations', { articleId }),
        );
        assert.ok(
          listed.items.some((item) => item.id === saved.id),
          `round ${i}: the new note is listed`,
        );
        const view = ok(await b.call<ArticleView>('getArticle', { id: articleId }));
        assert.ok(
          view.annotations.some((x) => x.id === saved.id),
          `round ${i}: in the article`,
        );
        const updated = ok(
          await a.call<Annotation>('updateAnnotation', { id: saved.id, color: 'green' }),
        );
        const again = ok(await b.call<ArticleView>('getArticle', { id: articleId }));
        assert.equal(again.annotations.find((x) => x.id === updated.id)?.color, 'green');
        // And every reader, each on its own connection, sees it too.
        for (const reader of pool.hosts) {
          const seen = ok(
            (await reader.call('listAnnotations', { articleId })) as Envelope<{
              items: AnnotationListItem[];
            }>,
          );
          assert.equal(seen.items.find((x) => x.id === saved.id)?.color, 'green');
        }
      }
      // Every read sent over HTTP above was answered by a reader, not by the writer.
      assert.equal(served() - before, 120);
    } finally {
      a.close();
      b.close();
    }
  });

  test('an import through the writer is found by the readers as soon as it returns', async () => {
    const a = client();
    const b = client();
    try {
      for (let i = 0; i < 3; i++) {
        const title = `Xã Tân Phú ${i + 1} khánh thành nhà văn hoá kiểm thử nhóm đọc`;
        const text = `${title}\n\nSáng nay xã Tân Phú tổ chức lễ khánh thành nhà văn hoá mới, với sự tham dự của đông đảo bà con trong xã và các xã lân cận. Nhà văn hoá là nơi sinh hoạt cộng đồng.`;
        const before = ok(await b.call<{ articles: number }>('stats', {})).articles;
        const imported = ok(
          await a.call<{ imported: number }>('importFiles', {
            files: [{ name: `tan-phu-${i}.txt`, base64: Buffer.from(text).toString('base64') }],
          }),
        );
        assert.equal(imported.imported, 1);
        const found = ok(await b.call<SearchResult>('search', { query: title, limit: 5 }));
        assert.equal(found.hits[0]?.title, title, `import ${i} found at once`);
        assert.equal(ok(await b.call<{ articles: number }>('stats', {})).articles, before + 1);
      }
    } finally {
      a.close();
      b.close();
    }
  });

  test("a note's words reach the readers' catalog once the writer has rebuilt it", async () => {
    const a = client();
    try {
      const articleId = articleIds[7];
      const waiting: Array<() => void> = [];
      writer.onChanged(() => waiting.splice(0).forEach((resolve) => resolve()));
      const query = { query: 'xembrolta quyzanthe' };
      const before = ok(await a.call<SearchResult>('search', query));
      assert.equal(before.total, 0, 'no article holds these words yet');
      ok(await a.call('createAnnotation', { articleId, kind: 'note', note: query.query }));
      // Each 'changed' is a catalog the writer persisted (earlier writes' builds may come first).
      let found: string[] = [];
      for (let round = 0; round < 10; round++) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        found = [];
        for (const reader of pool.hosts) {
          const reply = ok((await reader.call('search', query)) as Envelope<SearchResult>);
          found.push(reply.hits[0]?.id ?? 'none');
        }
        if (found.every((id) => id === articleId)) break;
      }
      assert.deepEqual(
        found,
        pool.hosts.map(() => articleId),
        'every reader finds the note',
      );
    } finally {
      a.close();
    }
  });

  test('a reader that dies is replaced; its call gets one sentence, not a hang', async () => {
    const restarts = pool.load.restarts;
    const dying = pool.hosts[0];
    void dying.terminate();
    // Sent before the thread is known to be gone: it goes to the dying reader.
    const reply = await pool.call('search', { query: 'kinh tế' });
    assert.deepEqual(reply, {
      ok: false,
      error: { code: 'api.reader-restarted', message: messages.en['api.reader-restarted'] },
    });
    assert.equal(dying.alive, false);
    // Meanwhile reads go on: the other reader, or the writer while none is free.
    const a = client();
    try {
      ok(await a.call<SearchResult>('search', { query: 'kinh tế' }));
      for (let i = 0; i < 200 && pool.load.alive < pool.size; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(pool.load.restarts, restarts + 1);
      assert.equal(pool.load.alive, pool.size);
      assert.ok(!pool.hosts.includes(dying));
      const before = served();
      for (let i = 0; i < 4; i++) ok(await a.call<SearchResult>('search', { query: 'bóng đá' }));
      assert.equal(served() - before, 4, 'the replaced reader serves again');
    } finally {
      a.close();
    }
  });

  test('calls whose client went away leave the queue, and the next one is answered', async () => {
    const single = await ReadPool.start({ dbPath: file, locale: 'en', size: 1 });
    try {
      const running = single.call('search', { query: 'giao thông' });
      const controllers = Array.from({ length: 5 }, () => new AbortController());
      const cancelled = controllers.map((c) =>
        single.call('search', { query: 'nông thôn mới' }, c.signal),
      );
      assert.equal(single.load.queued, 5, 'five wait behind the running search');
      controllers.forEach((c) => c.abort());
      assert.equal(single.load.queued, 0, 'the cancelled calls left the queue');
      for (const reply of await Promise.all(cancelled)) {
        assert.equal(reply.ok ? null : reply.error.code, 'api.cancelled');
      }
      const next = single.call('search', { query: 'y tế' });
      assert.ok((await running).ok);
      assert.ok((await next).ok);
      // The reader answered only the two that were still wanted.
      assert.deepEqual(single.load.served, [2]);
      assert.equal(single.load.cancelled, 5);
    } finally {
      await single.close();
    }
  });

  test('the web host tells the dispatch when a client goes away before its answer', async () => {
    const aborted: string[] = [];
    let arrived!: () => void;
    const waiting = new Promise<void>((resolve) => (arrived = resolve));
    const held = await startWebHost({
      dispatch: (method, _input, signal) =>
        new Promise((resolve) => {
          arrived();
          signal?.addEventListener('abort', () => {
            aborted.push(method);
            resolve({ ok: false, error: { code: 'api.cancelled', message: '' } });
          });
        }),
      subscribe: () => () => undefined,
      staticDir: path.join(dir, 'static'),
      port: 0,
    });
    try {
      const req = http.request({
        host: '127.0.0.1',
        port: Number(new URL(held.url).port),
        method: 'POST',
        path: '/api/search',
        headers: { 'Content-Type': 'application/json' },
      });
      req.on('error', () => undefined);
      req.end(JSON.stringify({ query: 'dân vận' }));
      await waiting;
      const closed = new Promise((resolve) => req.once('close', resolve));
      req.destroy();
      await closed;
      for (let i = 0; i < 100 && !aborted.length; i++) await new Promise(setImmediate);
      assert.deepEqual(aborted, ['search']);
    } finally {
      await held.close();
    }
  });
});
