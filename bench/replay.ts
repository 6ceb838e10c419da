/**
 * `npx tsx bench/replay.ts`: the office load bench's workload (bench/load.ts) replayed in one
 * process on one thread, request after request, with each request's CPU time measured: what a
 * request costs the engine, free of the queueing, the HTTP host and the other processes a shared
 * machine runs. The same seeded requests every run, so two runs (or two versions of the engine)
 * compare request for request; the figures are per kind (search, type-ahead search, suggest,
 * article) with their median, p95 and share of the whole, and the costliest queries.
 *
 *   npx tsx bench/replay.ts                  # 600 drawn requests on the cached 75k archive
 *   npx tsx bench/replay.ts --requests 1500 --seed 2 --rounds 2
 *   npx tsx bench/replay.ts --statements     # and the SQL statements' time, by caller and SQL
 *
 * The first round warms the caches the server's readers would have warm after a minute of load
 * (SQLite's pages, decoded bodies); with `--rounds 2` the figures are the second round's.
 */
import Database from 'better-sqlite3';
import { createDispatch } from '../electron/api/dispatch';
import { createHandlers } from '../electron/api/handlers';
import type { Envelope, Facets } from '../electron/api/contract';
import { Archive } from '../electron/core/archive/archive';
import type { SearchResult } from '../electron/core/model';
import { cachedArchive, requestMaker, type Request } from './load';
import { percentile, prng } from './stats';

const args = process.argv.slice(2);
const value = (flag: string, fallback: number) => {
  const at = args.indexOf(flag);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const REQUESTS = value('--requests', 600);
const SEED = value('--seed', 1);
const ROUNDS = value('--rounds', 2);
const STATEMENTS = args.includes('--statements');

type Kind = 'search' | 'typeAhead' | 'suggest' | 'getArticle';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Time inside better-sqlite3's statements, by the engine function that ran them and their SQL. */
const statementTime = new Map<string, { n: number; ms: number }>();
function timeStatements(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  for (const name of ['all', 'get', 'run']) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const caller = /at (\S+)/.exec(new Error().stack?.split('\n')[2] ?? '')?.[1] ?? '?';
        const key = `${caller}: ${this.source.replace(/\s+/g, ' ').slice(0, 100)}`;
        const entry = statementTime.get(key) ?? { n: 0, ms: 0 };
        entry.n++;
        entry.ms += performance.now() - t0;
        statementTime.set(key, entry);
      }
    };
  }
}
if (STATEMENTS) timeStatements();

const file = await cachedArchive();
const archive = Archive.open(file, { readOnly: true });
await archive.warmCatalog();
const dispatch = createDispatch(createHandlers(archive), { readOnly: true });
const call = async <T>(method: string, input: unknown) => {
  const reply = (await dispatch(method as never, input as never)) as Envelope<T>;
  if (!reply.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${reply.error.message}`);
  return reply.result;
};

const facets = await call<Facets>('facets', {});
const titles: string[] = [];
for (const offset of [0, 5_000, 20_000, 40_000, 60_000, 75_000]) {
  const list = await call<{ items: { title: string }[] }>('listArticles', { offset, limit: 20 });
  titles.push(...list.items.map((i) => i.title));
}
const random = prng(0x5eed + SEED);
const next = requestMaker(random, titles, facets);
const drawn: Request[] = Array.from({ length: REQUESTS }, next);

let spent: Record<Kind, number[]> = { search: [], typeAhead: [], suggest: [], getArticle: [] };
let costliest: Array<{ ms: number; what: string }> = [];
const timed = async <T>(kind: Kind, method: string, input: unknown): Promise<T> => {
  const before = cpuMs();
  const result = await call<T>(method, input);
  const ms = cpuMs() - before;
  spent[kind].push(ms);
  costliest.push({ ms, what: `${kind} ${JSON.stringify(input)}` });
  return result;
};

for (let round = 1; round <= ROUNDS; round++) {
  statementTime.clear();
  spent = { search: [], typeAhead: [], suggest: [], getArticle: [] };
  costliest = [];
  const pick = prng(0xa7 + SEED);
  const started = cpuMs();
  for (const request of drawn) {
    if (request.method === 'typing') {
      for (let k = 2; k <= request.prefix.length; k++) {
        const query = request.prefix.slice(0, k);
        await timed('typeAhead', 'search', { query, typeAhead: true, limit: 20 });
      }
    } else if (request.method === 'suggest') {
      await timed('suggest', 'suggest', request.input);
    } else {
      const result = await timed<SearchResult>('search', 'search', request.input);
      if (result.hits.length && pick() < 0.6) {
        const id = result.hits[Math.floor(pick() * result.hits.length)].id;
        await timed('getArticle', 'getArticle', { id });
      }
    }
  }
  const total = cpuMs() - started;
  const count = Object.values(spent).reduce((n, list) => n + list.length, 0);
  console.log(
    `round ${round}: ${count} requests, CPU ${(total / 1000).toFixed(2)} s, ` +
      `${(total / count).toFixed(2)} ms a request`,
  );
  if (round < ROUNDS) continue;
  console.log('\n| kind | requests | CPU median (ms) | p95 (ms) | mean (ms) | share |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [kind, list] of Object.entries(spent)) {
    const sum = list.reduce((a, b) => a + b, 0);
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `| ${kind} | ${list.length} | ${percentile(sorted, 50).toFixed(2)} | ` +
        `${percentile(sorted, 95).toFixed(2)} | ${(sum / Math.max(1, list.length)).toFixed(2)} | ` +
        `${((sum / total) * 100).toFixed(0)} % |`,
    );
  }
  console.log('\nCostliest requests:');
  for (const { ms, what } of costliest.sort((a, b) => b.ms - a.ms).slice(0, 12))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${what.slice(0, 110)}`);
  if (!STATEMENTS) continue;
  const inSql = [...statementTime.values()].reduce((n, e) => n + e.ms, 0);
  console.log(`\nSQL statements: ${(inSql / 1000).toFixed(2)} s of the round's CPU, costliest:`);
  for (const [key, { n, ms }] of [...statementTime].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms ${String(n).padStart(5)} × ${key}`);
}
archive.close();
