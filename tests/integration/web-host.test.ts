/**
 * The browser host on 127.0.0.1, port 0: the API over HTTP, Host/Origin checks (DNS rebinding),
 * static files without path traversal, security headers, the access token, and server-sent events.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { createDispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/web/server';

let dir: string;
let archive: Archive;
let host: WebHost;
let port: number;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path and headers (Host included) go out exactly as given. */
function request(
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: unknown; to?: number } = {},
): Promise<Reply> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.to ?? port,
        method,
        path: urlPath,
        headers: {
          Host: `127.0.0.1:${options.to ?? port}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function options(extra: Partial<WebHostOptions> = {}): WebHostOptions {
  return {
    dispatch: createDispatch(createHandlers(archive)),
    subscribe: (event, listener) => {
      archive.events.on(event, listener);
      return () => archive.events.off(event, listener);
    },
    staticDir: path.join(dir, 'static'),
    port: 0,
    ...extra,
  };
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-host-test-'));
  fs.mkdirSync(path.join(dir, 'static', 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'static', 'index.html'),
    '<!doctype html><title>Archive Reader</title>',
  );
  fs.writeFileSync(path.join(dir, 'static', 'assets', 'app.js'), 'console.log(1);');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"secret": true}'); // just outside the root
  archive = Archive.open(path.join(dir, 'archive.db'));
  await archive.importPaths(['/work/shared/seeds/000_6d5d4d6daf6b85b0.txt']);
  host = await startWebHost(options());
  port = Number(new URL(host.url).port);
});
after(async () => {
  await host?.close();
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web host', () => {
  test('binds to 127.0.0.1 without a token by default', () => {
    assert.equal(host.token, null);
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('POST /api/search answers an envelope', async () => {
    const r = await request('POST', '/api/search', { body: { query: 'dan van lang son' } });
    assert.equal(r.status, 200);
    const envelope = JSON.parse(r.body);
    assert.equal(envelope.ok, true);
    assert.equal(envelope.result.hits[0].title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
    assert.match(r.headers['content-type'] ?? '', /application\/json/);
  });

  test('invalid input and bad JSON are envelopes, GET on the API is refused', async () => {
    const invalid = JSON.parse((await request('POST', '/api/search', { body: { query: 1 } })).body);
    assert.equal(invalid.error.code, 'api.invalid-input');
    const bad = await request('POST', '/api/search', {
      headers: { 'Content-Type': 'application/json' },
      body: undefined,
    });
    assert.equal(bad.status, 200); // an empty body is {} → missing query
    assert.equal(JSON.parse(bad.body).error.code, 'api.invalid-input');
    assert.equal((await request('GET', '/api/search')).status, 405);
  });

  test('localhost names are accepted as Host', async () => {
    const r = await request('POST', '/api/stats', {
      headers: { Host: `localhost:${port}` },
      body: {},
    });
    assert.equal(r.status, 200);
  });

  test('a wrong Host header gets 421 (DNS rebinding)', async () => {
    for (const name of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`]) {
      const r = await request('POST', '/api/search', {
        headers: { Host: name },
        body: { query: 'x' },
      });
      assert.equal(r.status, 421, name);
    }
    assert.equal((await request('GET', '/', { headers: { Host: 'evil.example' } })).status, 421);
  });

  test('a foreign Origin gets 403, this server’s Origin is fine', async () => {
    const foreign = await request('POST', '/api/search', {
      headers: { Origin: 'http://evil.example' },
      body: { query: 'x' },
    });
    assert.equal(foreign.status, 403);
    const own = await request('POST', '/api/search', {
      headers: { Origin: `http://127.0.0.1:${port}` },
      body: { query: 'x' },
    });
    assert.equal(own.status, 200);
  });

  test('static files are served, with security headers and a CSP without remote sources', async () => {
    const index = await request('GET', '/');
    assert.equal(index.status, 200);
    assert.match(index.body, /Archive Reader/);
    const csp = String(index.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /https?:|\*/);
    assert.equal(index.headers['x-content-type-options'], 'nosniff');
    assert.equal(index.headers['x-frame-options'], 'DENY');
    assert.equal(index.headers['referrer-policy'], 'no-referrer');
    const js = await request('GET', '/assets/app.js');
    assert.equal(js.status, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    const api = await request('POST', '/api/stats', { body: {} });
    assert.match(String(api.headers['content-security-policy']), /default-src 'self'/);
  });

  test('path traversal never leaves the static folder', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%5cpackage.json',
      '/assets/%00.js',
    ]) {
      const r = await request('GET', p);
      assert.ok(r.status === 404 || r.status === 400, `${p} → ${r.status}`);
      assert.doesNotMatch(r.body, /secret/, p);
    }
  });

  test('a token, when set, is required for the API (header or ?token=)', async () => {
    const guarded = await startWebHost(options({ host: '127.0.0.1', token: 's3cret-token' }));
    const to = Number(new URL(guarded.url).port);
    try {
      assert.match(guarded.url, /\?token=s3cret-token$/);
      const headers = { Host: `127.0.0.1:${to}` };
      const none = await request('POST', '/api/stats', { to, headers, body: {} });
      assert.equal(none.status, 401);
      const wrong = await request('POST', '/api/stats', {
        to,
        headers: { ...headers, 'X-Archive-Token': 's3cret-tokeX' },
        body: {},
      });
      assert.equal(wrong.status, 401);
      const right = await request('POST', '/api/stats', {
        to,
        headers: { ...headers, 'X-Archive-Token': 's3cret-token' },
        body: {},
      });
      assert.equal(right.status, 200);
      const query = await request('POST', '/api/stats?token=s3cret-token', {
        to,
        headers,
        body: {},
      });
      assert.equal(query.status, 200);
      assert.equal((await request('GET', '/', { to, headers })).status, 200);
    } finally {
      await guarded.close();
    }
  });

  test(
    'SSE /api/events receives importProgress during importFiles',
    { timeout: 30_000 },
    async () => {
      let received = '';
      let stream: http.IncomingMessage | undefined;
      const waiters: Array<() => void> = [];
      const progress = () =>
        [...received.matchAll(/event: importProgress\ndata: (.*)\n\n/g)].map(
          (m) =>
            JSON.parse(m[1]) as { imported: number; filesDone: number; current: string | null },
        );
      /** Resolves once the stream holds what `ready` looks for (no timers: it waits for data). */
      const until = (ready: () => boolean) =>
        new Promise<void>((resolve) => {
          const check = () => (ready() ? resolve() : waiters.push(check));
          check();
        });
      const req = http.get(
        { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}` } },
        (res) => {
          stream = res;
          assert.match(String(res.headers['content-type']), /text\/event-stream/);
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            received += chunk;
            waiters.splice(0).forEach((w) => w());
          });
        },
      );
      try {
        await until(() => received.includes(': connected'));
        const jsonl = JSON.stringify({
          id: 's1',
          title: 'Bài mới qua trình duyệt',
          body: 'Nội dung.',
        });
        const r = await request('POST', '/api/importFiles', {
          body: { files: [{ name: 'moi.jsonl', base64: Buffer.from(jsonl).toString('base64') }] },
        });
        assert.equal(JSON.parse(r.body).result.imported, 1);
        await until(() => progress().some((p) => p.filesDone === 1 && p.current === null));
        const last = progress().at(-1)!;
        assert.deepEqual([last.imported, last.filesDone], [1, 1]);
      } finally {
        stream?.destroy();
        req.destroy();
      }
    },
  );
});
