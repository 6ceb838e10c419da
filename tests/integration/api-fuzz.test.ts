/**
 * Every method of the contract, fuzzed through each door a user interface has: the dispatch guard
 * (in process), the IPC guard (electron/main/ipc-guard.ts, the Electron handler's own code) into the
 * engine's worker thread, and HTTP (the browser host on 127.0.0.1, engine in its worker as `serve`
 * runs it). Inputs come from a seeded generator driven by each method's schema (api-fuzz-inputs.ts),
 * so methods added to the contract later are fuzzed too: wrong types, missing and extra fields,
 * strings of megabytes, arrays of a million items, nesting 100,000 deep, values only structured
 * clone carries. Bodies that are not JSON, content types, unknown methods and the body cap:
 * api-fuzz-http.test.ts.
 *
 * Every answer must be a refusal with one sentence, nothing may crash, every host keeps serving,
 * and nothing is written: the archive's data_version, seen from another connection, every table's
 * row count and the files in its folder are the same after the whole run. FUZZ_SEED=n replays
 * another sequence.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { methodNames, type Envelope } from '../../electron/api/contract';
import { MAX_INPUT_DEPTH } from '../../electron/api/dispatch';
import { guardIpcCall } from '../../electron/main/ipc-guard';
import { APP_ENTRY_URL, type SenderFacts } from '../../electron/main/security';
import {
  DEEP_ARRAY,
  DEEP_OBJECT,
  fuzzInputs,
  isInvalid,
  jsonSchemaOf,
  mulberry32,
  toJson,
  walkSchema,
} from './api-fuzz-inputs';
import {
  assertRefused,
  describeInput,
  envelopeOf,
  hash,
  request,
  SEED,
  startHosts,
  type Hosts,
} from './api-fuzz-hosts';

const PER_METHOD = { dispatch: 300, ipc: 40, http: 24 };

let hosts: Hosts;
let baseline: string;
const tally = { dispatch: 0, ipc: 0, http: 0 };

before(async () => {
  hosts = await startHosts();
  baseline = hosts.fingerprint();
});
after(() => hosts?.close());

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

describe('the contract itself', () => {
  test('every string and array of every method is bounded', () => {
    const unbounded: string[] = [];
    for (const method of methodNames) {
      walkSchema(jsonSchemaOf(method), method, (node, where) => {
        if (node.type === 'string' && node.maxLength === undefined && !node.enum && !node.pattern)
          unbounded.push(`${where}: string without a maximum length`);
        if (node.type === 'array' && node.maxItems === undefined)
          unbounded.push(`${where}: array without a maximum size`);
        if (node.type === 'object' && node.additionalProperties !== false)
          unbounded.push(`${where}: object that accepts unknown fields`);
      });
    }
    assert.deepEqual(unbounded, []);
  });

  test('the generator only makes inputs the schema refuses, for every method', () => {
    const random = mulberry32(SEED);
    for (const method of methodNames) {
      const inputs = fuzzInputs(method, 50, random);
      assert.ok(inputs.length >= 50, `${method}: ${inputs.length} inputs`);
      for (const input of inputs) assert.ok(isInvalid(method, input));
    }
  });
});

describe('dispatch guard (every host runs it)', () => {
  for (const method of methodNames) {
    test(method, async () => {
      const random = mulberry32(SEED ^ hash(method));
      for (const input of fuzzInputs(method, PER_METHOD.dispatch, random)) {
        let envelope: Envelope<unknown>;
        try {
          envelope = await hosts.dispatch(method, input);
        } catch (error) {
          assert.fail(`${method} threw: ${String(error)}`);
        }
        assertRefused(envelope, () => `${method} ${describeInput(input)}`);
        tally.dispatch++;
      }
    });
  }

  test('unknown methods, whatever the name', async () => {
    const names: unknown[] = [
      'dropTable',
      '',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'Search',
      'search ',
      'search\u0000',
      'x'.repeat(100_000),
      42,
      null,
      undefined,
      Symbol('search'),
      { toString: () => 'search' },
      ['search'],
    ];
    for (const name of names) {
      const envelope = await hosts.dispatch(name as string, { query: 'x' });
      assertRefused(envelope, `method ${String(typeof name)}`, 'api.unknown-method');
      tally.dispatch++;
    }
  });
});

describe('IPC guard into the engine’s worker thread', () => {
  const trusted: SenderFacts = {
    senderId: 7,
    windowId: 7,
    isMainFrame: true,
    frameUrl: APP_ENTRY_URL,
  };
  const call = (method: string, input: unknown, sender = trusted) =>
    guardIpcCall({
      sender,
      method,
      input,
      locale: 'vi',
      engine: (name, value) => hosts.worker.call(name, value),
    });

  for (const method of methodNames) {
    test(method, async () => {
      const random = mulberry32(SEED ^ hash(`ipc:${method}`));
      for (const input of fuzzInputs(method, PER_METHOD.ipc, random, {
        cloneable: true,
        large: 'first field',
      })) {
        assertRefused(await call(method, input), () => `${method} ${describeInput(input)}`);
        tally.ipc++;
      }
    });
  }

  test('values only structured clone carries are refused too', async () => {
    const values = [
      new Map([['query', 'dân vận']]),
      new Set(['query']),
      new Date(0),
      /dân vận/g,
      new Uint8Array([1, 2, 3]),
      new ArrayBuffer(8),
      10n,
      Object.assign(Object.create(null), { query: 1 }),
      // eslint-disable-next-line no-sparse-arrays
      [, , 'sparse'],
      { query: new String('dân vận') },
      { query: Number.NaN },
      { query: -0 },
      { id: new Date() },
      { paths: new Set(['/etc/passwd']) },
    ];
    for (const method of methodNames) {
      for (const value of values) {
        const input = value instanceof Object && !Array.isArray(value) ? value : { x: value };
        if (!isInvalid(method, input)) continue;
        assertRefused(await call(method, input), () => `${method} ${describeInput(input)}`);
        tally.ipc++;
      }
    }
  });

  test('what cannot be cloned is an envelope, not a crash', async () => {
    for (const input of [{ query: () => 1 }, { query: Symbol('x') }]) {
      const envelope = await call('search', input);
      assert.equal(envelope.ok, false);
      tally.ipc++;
    }
  });

  test('nesting past the limit is refused before it is cloned', async () => {
    for (const input of [{ query: DEEP_OBJECT }, { tags: DEEP_ARRAY }, DEEP_OBJECT]) {
      const envelope = await call('setTags', input);
      assertRefused(envelope, 'deep input');
      assert.ok(!envelope.ok && envelope.error.message.includes(String(MAX_INPUT_DEPTH)));
      tally.ipc++;
    }
  });

  test('a sender that is not our window’s top frame never reaches the engine', async () => {
    const random = mulberry32(SEED ^ hash('senders'));
    const urls = [
      APP_ENTRY_URL,
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://other/',
      null,
    ];
    let reached = 0;
    let trustedCalls = 0;
    for (let i = 0; i < 300; i++) {
      const sender: SenderFacts = {
        senderId: pick(random, [7, 8, 0, -1]),
        windowId: pick(random, [7, 8, null]),
        isMainFrame: random() < 0.5,
        frameUrl: pick(random, urls),
      };
      const isTrusted =
        sender.windowId !== null &&
        sender.senderId === sender.windowId &&
        sender.isMainFrame &&
        sender.frameUrl === APP_ENTRY_URL;
      const envelope = await guardIpcCall({
        sender,
        method: 'stats',
        input: {},
        locale: 'vi',
        engine: async () => {
          reached++;
          return { ok: true, result: null };
        },
      });
      if (isTrusted) {
        trustedCalls++;
        assert.equal(envelope.ok, true);
      } else assertRefused(envelope, JSON.stringify(sender), 'api.forbidden');
      tally.ipc++;
    }
    assert.ok(trustedCalls > 0);
    assert.equal(reached, trustedCalls);
  });
});

describe('HTTP (the browser host, engine in its worker)', () => {
  for (const method of methodNames) {
    test(method, async () => {
      const random = mulberry32(SEED ^ hash(`http:${method}`));
      const inputs = fuzzInputs(method, PER_METHOD.http, random, {
        json: true,
        large: 'first field',
      });
      // A few requests in flight at once, as a page with several panels sends them.
      for (let i = 0; i < inputs.length; i += 4) {
        await Promise.all(
          inputs.slice(i, i + 4).map(async (input) => {
            const what = () => `${method} ${describeInput(input)}`;
            const reply = await request(hosts.port, `/api/${method}`, toJson(input));
            if (![200, 400].includes(reply.status)) assert.fail(`${what()}: HTTP ${reply.status}`);
            assertRefused(envelopeOf(reply, method), what);
            tally.http++;
          }),
        );
      }
    });
  }
});

describe('after the whole run', () => {
  test('every host still answers, and nothing was written', async () => {
    assert.equal((await hosts.dispatch('search', { query: 'dân vận' })).ok, true);
    assert.equal((await hosts.worker.call('stats', {})).ok, true);
    const reply = await request(
      hosts.port,
      '/api/search',
      JSON.stringify({ query: 'dan van lang son' }),
    );
    assert.equal(reply.status, 200);
    const envelope = envelopeOf(reply, 'search') as Envelope<{ hits: { title: string }[] }>;
    assert.ok(envelope.ok && envelope.result.hits[0].title.startsWith('Bước tiến mới'));
    assert.equal(hosts.fingerprint(), baseline);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const total = tally.dispatch + tally.ipc + tally.http;
    console.log(
      `api-fuzz: ${total} refused inputs (dispatch ${tally.dispatch}, IPC ${tally.ipc}, HTTP ${tally.http}) over ${methodNames.length} methods, seed ${SEED}; nothing written`,
    );
    assert.ok(tally.dispatch >= methodNames.length * PER_METHOD.dispatch);
  });
});
