/**
 * What the browser host compresses and caches (web/compress.ts): Brotli or gzip as the client's
 * Accept-Encoding prefers, for JSON answers above 1 KB and for the renderer's files, with
 * `Vary: Accept-Encoding`; hashed files under /assets/ cached for a year, index.html revalidated
 * with its ETag and answered 304 while it is unchanged — so a second browser of the office, or the
 * same one tomorrow, does not fetch the app again.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Archive } from '../../electron/core/archive/archive';
import { createDispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { pickEncoding } from '../../electron/web/compress';

let dir: string;
let archive: Archive;
let host: WebHost;
let port: number;
let script: string;
const SCRIPT = '/assets/index-3f9a2c1b.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function decoded(reply: Reply): string {
  const encoding = reply.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(reply.body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(reply.body).toString('utf8');
  assert.equal(encoding, undefined);
  return reply.body.toString('utf8');
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-compress-'));
  const root = path.join(dir, 'static');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><html lang="vi"><head><title>Archive Reader</title><script type="module" src=".${SCRIPT}"></script></head><body><div id="root"></div></body></html>\n`.repeat(
      8,
    ),
  );
  // A script as a bundler writes it: long, repetitive, well worth compressing.
  script = Array.from(
    { length: 400 },
    (_, i) => `export function tìmKiếm${i}(q){return fetch("/api/search",{body:q+${i}})}`,
  ).join('\n');
  fs.writeFileSync(path.join(root, SCRIPT.slice(1)), script);
  fs.writeFileSync(path.join(root, 'assets', 'logo-0a1b2c3d.png'), Buffer.alloc(4096, 7));
  archive = Archive.open(path.join(dir, 'archive.db'));
  await archive.importPaths(['/work/shared/seeds/000_6d5d4d6daf6b85b0.txt']);
  host = await startWebHost({
    dispatch: createDispatch(createHandlers(archive)),
    subscribe: () => () => undefined,
    staticDir: root,
    port: 0,
  });
  port = Number(new URL(host.url).port);
});

after(async () => {
  await host?.close();
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('compression and caching', () => {
  test('Accept-Encoding: the highest q among br and gzip, Brotli on a tie, q=0 refuses', () => {
    assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(pickEncoding('gzip, deflate'), 'gzip');
    assert.equal(pickEncoding('br;q=0.5, gzip;q=0.9'), 'gzip');
    assert.equal(pickEncoding('br;q=0, gzip;q=0'), null);
    assert.equal(pickEncoding('*'), 'br');
    assert.equal(pickEncoding('*;q=0.3, br;q=0'), 'gzip');
    assert.equal(pickEncoding('identity'), null);
    assert.equal(pickEncoding(undefined), null);
    assert.equal(pickEncoding(''), null);
  });

  test('a hashed asset: compressed as asked, the same bytes, cached for a year', async () => {
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const r = await request('GET', SCRIPT, { 'Accept-Encoding': accept });
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], expected, accept);
      assert.equal(decoded(r), script);
      assert.equal(Number(r.headers['content-length']), r.body.length);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(r.headers.vary, 'Accept-Encoding');
      assert.match(r.headers['content-type'] ?? '', /^text\/javascript/);
      if (expected) assert.ok(r.body.length < script.length / 4, `${expected}: ${r.body.length}`);
    }
    // An image already compressed is sent as it is, and says nothing varies.
    const png = await request('GET', '/assets/logo-0a1b2c3d.png', { 'Accept-Encoding': 'br' });
    assert.equal(png.headers['content-encoding'], undefined);
    assert.equal(png.headers.vary, undefined);
    assert.equal(png.body.length, 4096);
  });

  test('index.html is revalidated: no-cache, an ETag per encoding, 304 while unchanged', async () => {
    const first = await request('GET', '/', { 'Accept-Encoding': 'br' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['cache-control'], 'no-cache');
    assert.equal(first.headers['content-encoding'], 'br');
    const etag = first.headers.etag!;
    assert.match(etag, /^"[\w-]+-br"$/);
    const plain = await request('GET', '/index.html');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.notEqual(plain.headers.etag, etag, 'each encoding has its own tag');

    for (const tag of [etag, plain.headers.etag!, `W/${etag}`]) {
      const again = await request('GET', '/', { 'Accept-Encoding': 'br', 'If-None-Match': tag });
      assert.equal(again.status, 304, tag);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers['cache-control'], 'no-cache');
    }
    // A new build of the page: the old tag no longer holds.
    fs.appendFileSync(path.join(dir, 'static', 'index.html'), '<!-- rebuilt -->\n');
    const changed = await request('GET', '/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.match(decoded(changed), /rebuilt/);
    // HEAD: the same headers, no body.
    const head = await request('HEAD', '/', { 'Accept-Encoding': 'gzip' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.body.length, 0);
  });

  test('JSON answers above 1 KB are compressed; small ones are sent as they are', async () => {
    const search = await request(
      'POST',
      '/api/getArticle',
      { 'Accept-Encoding': 'gzip, br' },
      { id: archive.list({ limit: 1 }).items[0].id },
    );
    assert.equal(search.status, 200);
    assert.equal(search.headers['content-encoding'], 'br');
    assert.equal(search.headers.vary, 'Accept-Encoding');
    assert.equal(search.headers['cache-control'], 'no-store');
    const envelope = JSON.parse(decoded(search));
    assert.equal(envelope.ok, true);
    assert.ok(envelope.result.text.length > 1024);

    const small = await request(
      'POST',
      '/api/search',
      { 'Accept-Encoding': 'br' },
      { query: 'zzqxv' },
    );
    assert.equal(small.headers['content-encoding'], undefined);
    assert.equal(JSON.parse(decoded(small)).ok, true);

    const none = await request('POST', '/api/getArticle', {}, { id: envelope.result.article.id });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(decoded(none)), envelope);
  });
});
