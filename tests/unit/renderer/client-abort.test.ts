/**
 * The API client gives up a call whose AbortSignal aborts: over HTTP the signal reaches fetch (so
 * the request is aborted and the host drops it), through the Electron bridge the late answer is
 * ignored; either way the call rejects with `client.aborted`, which `isAborted` tells apart.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBridgeApi, createHttpApi, isAborted } from '../../../renderer/src/api/client';
import { ApiError } from '../../../renderer/src/api/errors';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const reply = { ok: true, result: { total: 1, hits: [], suggestion: null, tookMs: 1 } };

/** A fetch that answers after `answer()` is called, or fails as a browser's does on abort. */
function pendingFetch() {
  const seen: { url: string; signal?: AbortSignal | null }[] = [];
  let answer = () => undefined as void;
  globalThis.fetch = ((url: string, init?: RequestInit) => {
    seen.push({ url, signal: init?.signal });
    return new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('The user aborted a request.', 'AbortError')),
      );
      answer = () => resolve(new Response(JSON.stringify(reply)));
    });
  }) as typeof fetch;
  return { seen, answer: () => answer() };
}

test('over HTTP the signal reaches fetch and an abort rejects with client.aborted', async () => {
  const net = pendingFetch();
  const api = createHttpApi(null);
  const gone = new AbortController();
  const call = api.search({ query: 'cu tr', typeAhead: true }, { signal: gone.signal });
  assert.equal(net.seen[0].url, '/api/search');
  assert.equal(net.seen[0].signal, gone.signal);
  gone.abort();
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ApiError);
  assert.equal(error.code, 'client.aborted');
  assert.ok(isAborted(error));
});

test('over HTTP a call not aborted is answered as before, and other failures are not aborts', async () => {
  const net = pendingFetch();
  const api = createHttpApi(null);
  const call = api.search({ query: 'cu tru' }, { signal: new AbortController().signal });
  net.answer();
  assert.deepEqual(await call, reply.result);

  globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
  const error = await api.search({ query: 'x' }).then(
    () => null,
    (e: unknown) => e,
  );
  assert.equal((error as ApiError).code, 'client.network');
  assert.equal(isAborted(error), false);
});

test('through the Electron bridge an aborted call ignores the answer that comes later', async () => {
  let answer: (value: unknown) => void = () => undefined;
  let asked = 0;
  const bridge = {
    search: () => {
      asked++;
      return new Promise((resolve) => (answer = resolve));
    },
    on: () => () => undefined,
  };
  const api = createBridgeApi(bridge as unknown as Parameters<typeof createBridgeApi>[0]);
  const gone = new AbortController();
  const call = api.search({ query: 'cu tr' }, { signal: gone.signal });
  gone.abort();
  answer(reply);
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(isAborted(error), 'rejected as aborted, the answer ignored');
  assert.equal(asked, 1);

  // Already aborted: the bridge is not asked at all.
  await assert.rejects(api.search({ query: 'x' }, { signal: gone.signal }), isAborted);
  assert.equal(asked, 1);

  // Not aborted: the answer as before.
  const fresh = api.search({ query: 'cu tru' }, { signal: new AbortController().signal });
  answer(reply);
  assert.deepEqual(await fresh, reply.result);
});
