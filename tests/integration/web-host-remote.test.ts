/**
 * `archive-reader serve` bound to an address other machines can reach (this machine's own network
 * address), as an office would run it: the command prints an access token, every API call wants
 * it, the archive is read-only unless `--writable`, reading this machine's files is never offered,
 * and only requests naming the bound address itself are answered (DNS rebinding). The loopback
 * host's own checks are in web-host.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import type { Envelope } from '../../electron/api/contract';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';

/** This machine's first address on a real network interface, if it has one. */
const ADDRESS = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

let dir: string;
let articleId: string;

interface Served {
  child: ChildProcess;
  url: URL;
  token: string;
}

/** Starts the real command and waits for the address it prints. */
function serve(db: string, ...extra: string[]): Promise<Served> {
  const child = spawn(
    process.execPath,
    ['bin/archive-reader.mjs', '--db', db, 'serve', '--host', ADDRESS!, '--port', '0', ...extra],
    { cwd: ROOT, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /(http:\/\/\S+)/.exec(out);
      if (match) {
        const url = new URL(match[1]);
        resolve({ child, url, token: url.searchParams.get('token') ?? '' });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

function call(
  served: Served,
  method: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; envelope: Envelope<unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: served.url.hostname,
        port: served.url.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: {
          Host: served.url.host,
          'Content-Type': 'application/json',
          'X-Archive-Token': served.token,
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, envelope: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

function stop(served: Served | undefined): Promise<void> {
  if (!served || served.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    served.child.once('exit', () => resolve());
    served.child.kill('SIGTERM');
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-host-remote-'));
  for (const name of ['read-only.db', 'writable.db']) {
    const archive = Archive.open(path.join(dir, name));
    await archive.importPaths([SEED]);
    articleId = archive.search({ query: 'dan van lang son' }).hits[0].id;
    archive.close();
  }
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe(
  'serve --host <a network address>',
  { skip: !ADDRESS && 'no network address here' },
  () => {
    let served: Served | undefined;
    after(() => stop(served));

    test('prints an access token and wants it for every call', async () => {
      served = await serve(path.join(dir, 'read-only.db'), '--no-sample');
      assert.equal(served.url.hostname, ADDRESS);
      assert.match(served.token, /^[\w-]{20,}$/);
      const search = { query: 'dan van lang son' };
      const right = await call(served, 'search', search);
      assert.equal(right.status, 200);
      assert.ok(right.envelope.ok);
      for (const token of ['', 'x', served.token.slice(0, -1), `${served.token}x`]) {
        const wrong = await call(served, 'search', search, { 'X-Archive-Token': token });
        assert.equal(wrong.status, 401, `token "${token}"`);
        assert.equal(!wrong.envelope.ok && wrong.envelope.error.code, 'api.forbidden');
      }
    });

    test('serves read-only, and never reads this machine’s files', async () => {
      const writes: [string, unknown][] = [
        ['setTags', { articleId, tags: ['từ xa'] }],
        ['createAnnotation', { articleId, kind: 'bookmark' }],
        ['importPaths', { paths: [SEED] }],
        [
          'importFiles',
          { files: [{ name: 'a.txt', base64: Buffer.from('Tiêu đề\n\nBài.').toString('base64') }] },
        ],
      ];
      for (const [method, input] of writes) {
        const reply = await call(served!, method, input);
        assert.equal(!reply.envelope.ok && reply.envelope.error.code, 'api.read-only', method);
      }
      const stats = await call(served!, 'stats', {});
      assert.ok(stats.envelope.ok);
      const counts = stats.envelope.result as { articles: number; tags: number };
      assert.deepEqual([counts.articles, counts.tags], [1, 0]);
    });

    test('answers only requests that name its own address (DNS rebinding)', async () => {
      const port = served!.url.port;
      for (const host of [
        `localhost:${port}`,
        `127.0.0.1:${port}`,
        `evil.example:${port}`,
        ADDRESS!,
      ]) {
        const reply = await call(served!, 'stats', {}, { Host: host });
        assert.equal(reply.status, 421, host);
      }
      const foreign = await call(served!, 'stats', {}, { Origin: 'http://evil.example' });
      assert.equal(foreign.status, 403);
      const own = await call(served!, 'stats', {}, { Origin: `http://${served!.url.host}` });
      assert.equal(own.status, 200);
    });

    test('--writable allows changes, still never a path on this machine', async () => {
      const writable = await serve(path.join(dir, 'writable.db'), '--no-sample', '--writable');
      try {
        const tags = await call(writable, 'setTags', { articleId, tags: ['từ xa'] });
        assert.ok(tags.envelope.ok, JSON.stringify(tags.envelope));
        const paths = await call(writable, 'importPaths', { paths: [SEED] });
        assert.equal(!paths.envelope.ok && paths.envelope.error.code, 'api.forbidden');
      } finally {
        await stop(writable);
      }
    });
  },
);
