/**
 * The browser host's HTTP layer under fuzz, before any method runs: bodies that are not JSON (or
 * not declared JSON), JSON nested 100,000 deep, unknown methods, other HTTP verbs, and bodies over
 * the cap, declared or streamed. Each gets its status and an envelope with one sentence, the host
 * goes on serving, and nothing is written. The methods' inputs themselves: api-fuzz.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { assertRefused, envelopeOf, request, startHosts, type Hosts } from './api-fuzz-hosts';

let hosts: Hosts;
let baseline: string;
let refused = 0;

before(async () => {
  hosts = await startHosts();
  baseline = hosts.fingerprint();
});
after(() => hosts?.close());

describe('HTTP requests refused before any method runs', () => {
  test('bodies that are not JSON get 400 with a sentence', async () => {
    const bodies = [
      '{',
      '{"query": "x"',
      "{'query': 'x'}",
      'query=dân vận',
      '<xml/>',
      'NaN',
      '{"query": "x"}{"query": "y"}',
      '\u0000\u0001\u0002',
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
      Buffer.from([0xc3, 0x28, 0x7b, 0x7d]),
      '{"a":'.repeat(200_000),
    ];
    for (const method of ['search', 'setTags', 'importFiles']) {
      for (const body of bodies) {
        const reply = await request(hosts.port, `/api/${method}`, body);
        const what = `${method} ${String(body).slice(0, 20)}`;
        assert.equal(reply.status, 400, what);
        assertRefused(envelopeOf(reply, what), what, 'api.bad-json');
        refused++;
      }
    }
  });

  test('JSON nested 100,000 deep gets 400, before it reaches the worker', async () => {
    for (const body of [
      '{"query":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + '}',
      '['.repeat(100_000) + ']'.repeat(100_000),
    ]) {
      const reply = await request(hosts.port, '/api/search', body);
      assert.equal(reply.status, 400);
      assertRefused(envelopeOf(reply, 'deep'), 'deep');
      refused++;
    }
  });

  test('a body that is not declared JSON gets 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'text/json',
      '',
    ]) {
      const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
      const reply = await request(
        hosts.port,
        '/api/setTags',
        '{"articleId":"x","tags":["a"]}',
        headers,
      );
      assert.equal(reply.status, 415, type);
      assertRefused(envelopeOf(reply, type), type, 'api.not-json');
      refused++;
    }
    const ok = await request(hosts.port, '/api/stats', '{}', {
      'Content-Type': 'application/json; charset=utf-8',
    });
    assert.equal(ok.status, 200);
  });

  test('unknown methods and other HTTP verbs are refused with a sentence', async () => {
    for (const name of [
      'dropTable',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'SEARCH',
      'search/extra',
      '',
      '%00',
      '..%2fstats',
      encodeURIComponent('tìm kiếm'),
      'x'.repeat(5000),
    ]) {
      const reply = await request(hosts.port, `/api/${name}`, '{}');
      assert.equal(reply.status, 200, name);
      assertRefused(envelopeOf(reply, name), name, 'api.unknown-method');
      refused++;
    }
    for (const verb of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const reply = await request(hosts.port, '/api/search', '', {}, verb);
      assert.equal(reply.status, 405, verb);
      assertRefused(envelopeOf(reply, verb), verb, 'api.wrong-http-method');
      refused++;
    }
  });

  test('bodies over the cap get 413, declared or not, and the host goes on', async () => {
    const declared = await request(hosts.port, '/api/importFiles', '', {
      'Content-Type': 'application/json',
      'Content-Length': String(200 * 1024 * 1024),
    }).catch((error: unknown) => ({ status: -1, body: String(error) }));
    assert.equal(declared.status, 413, declared.body);
    assertRefused(envelopeOf(declared, 'declared'), 'declared', 'api.too-large');
    // A small cap on a second host, so the undeclared (chunked) case stays quick.
    const small = await hosts.startAnother({ maxBodyBytes: 1024 * 1024 });
    try {
      const to = Number(new URL(small.url).port);
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: to,
            method: 'POST',
            path: '/api/importFiles',
            headers: { Host: `127.0.0.1:${to}`, 'Content-Type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        req.write('{"files":[{"name":"a.txt","base64":"');
        for (let i = 0; i < 32; i++) req.write(chunk); // 2 MB, chunked: no Content-Length
        req.end('"}]}');
      });
      assert.equal(reply.status, 413);
      assertRefused(envelopeOf(reply, 'chunked'), 'chunked', 'api.too-large');
    } finally {
      await small.close();
    }
    refused += 2;
  });

  test('the host still answers, and nothing was written', async () => {
    const reply = await request(hosts.port, '/api/search', JSON.stringify({ query: 'dân vận' }));
    assert.equal(reply.status, 200);
    assert.equal(envelopeOf(reply, 'search').ok, true);
    assert.equal(hosts.fingerprint(), baseline);
    console.log(`api-fuzz-http: ${refused} malformed requests refused; nothing written`);
  });
});
