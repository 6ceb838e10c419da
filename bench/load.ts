/**
 * The office load bench: the same workload against the real `archive-reader serve` on one engine
 * thread (ARCHIVE_READER_READERS=0, as before the pool) and on the pool (the default readers),
 * printed side by side with their ratio: 10 clients (requests/s, p50/p95), then 50 clients
 * (requests/s, p50/p95, errors, the server's RSS at the start and end of the run). Both servers
 * run at once and take turns in slices, so that both meet the same moments of a shared machine.
 * The workload is the soak test's (tests/soak/load.test.ts uses these functions): searches
 * accent-free and accented, phrases, real titles, type-ahead typed a keystroke every 150 ms (a
 * search still unanswered at the next keystroke is aborted, as the user typed on), filters,
 * newest first, and the articles found read.
 *
 *   npx tsx bench/load.ts                     # 75,000 articles, 10 × 30 s and 50 × 60 s per mode
 *   npx tsx bench/load.ts --seconds 20        # shorter runs (both phases), same archive
 *   npx tsx bench/load.ts --readers 3         # the pool with 3 readers
 *   npx tsx bench/load.ts --memory            # the server's RSS with 0, 1, 2 and 3 readers
 *
 * The archive is built once with the real importer into a cache folder under the system's
 * temporary folder and reused while its schema version matches (building takes ~8 minutes here).
 * Figures on this shared 2-core machine move from run to run: the ratio says more than either.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlibSync from 'node:zlib';
import { Archive } from '../electron/core/archive/archive';
import type { ArticleView, Envelope, Facets } from '../electron/api/contract';
import type { SearchResult } from '../electron/core/model';
import { SCHEMA_VERSION } from '../electron/core/store/migrations';
import { percentile, prng } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = process.env.BENCH_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
const CORPUS_FILES = [
  'baomoi-2017-35k.jsonl.gz',
  'vietnews-train-40k.jsonl.gz',
  'official-documents-vn.jsonl.gz',
].map((f) => path.join(CORPUS, f));
const CACHE = path.join(os.tmpdir(), 'archive-reader-soak-75k');
const SAMPLE_MS = 2_000;

/** The cached 75k archive, built on first use; its marker says it is complete and which schema. */
export async function cachedArchive(): Promise<string> {
  const file = path.join(CACHE, 'archive.db');
  const marker = path.join(CACHE, 'complete.json');
  const stamp = JSON.stringify({
    schema: SCHEMA_VERSION,
    corpus: CORPUS_FILES.map((f) => path.basename(f)),
  });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === stamp) return file;
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  // The catalog builds in its own thread and is saved beside the archive for the server to load.
  const archive = Archive.open(file, { backgroundCatalog: true });
  try {
    const summary = await archive.importPaths(CORPUS_FILES);
    assert.deepEqual(summary.failed, []);
    assert.ok(summary.imported > 75_000, `${summary.imported} imported`);
    await archive.warmCatalog();
  } finally {
    archive.close();
  }
  fs.writeFileSync(marker, stamp);
  console.error(`load: built the 75k archive in ${Math.round((Date.now() - started) / 1000)} s`);
  return file;
}

/**
 * The host makes automatic backups (at start when the newest is a day old, and on quit): 1 GB
 * each at this size. Only the newest stays in the cache, so the next run within a day makes none
 * while it is measured.
 */
export function pruneBackups(): void {
  const folder = path.join(CACHE, 'backups');
  if (!fs.existsSync(folder)) return;
  const files = fs.readdirSync(folder).sort();
  for (const name of files.slice(0, -1)) fs.rmSync(path.join(folder, name), { force: true });
}

export interface Server {
  child: ChildProcess;
  port: number;
}

/** `archive-reader serve` on the archive, read-only; `readers` sets ARCHIVE_READER_READERS. */
export function startServer(db: string, readers?: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' };
  if (readers === undefined) delete env.ARCHIVE_READER_READERS;
  else env.ARCHIVE_READER_READERS = String(readers);
  const child = spawn(
    process.execPath,
    ['bin/archive-reader.mjs', '--db', db, 'serve', '--port', '0', '--read-only', '--no-sample'],
    { cwd: ROOT, env },
  );
  child.stderr!.setEncoding('utf8').on('data', (text: string) => process.stderr.write(text));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

export function stopServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** CPU seconds (user + system) used by each thread of a process, by thread id (Linux /proc). */
export function threadCpu(pid: number): Map<string, number> {
  const used = new Map<string, number>();
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(tid, (Number(fields[11]) + Number(fields[12])) / 100); // utime, stime: 100 ticks/s
    }
  } catch {
    // not Linux, or the process ended: no figure
  }
  return used;
}

/** The CPU seconds each thread used between two readings, largest first. */
function cpuBetween(before: Map<string, number>, after: Map<string, number>): number[] {
  return [...after].map(([tid, s]) => s - (before.get(tid) ?? 0)).sort((a, b) => b - a);
}

/** Resident memory of a process, in MB (Linux /proc, else ps). */
export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } catch {
    return (
      Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) / 1024
    );
  }
}

export function call<T>(
  port: number,
  agent: http.Agent,
  method: string,
  input: unknown,
  signal?: AbortSignal,
): Promise<Envelope<T>> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        agent,
        signal,
        // As a browser asks: the answers above 1 KB come back compressed.
        headers: { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip, br' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let text: string;
          try {
            text = decode(Buffer.concat(chunks), res.headers['content-encoding']);
          } catch (error) {
            return reject(error as Error);
          }
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text}`));
          try {
            resolve(JSON.parse(text) as Envelope<T>);
          } catch {
            reject(new Error(`not JSON: ${text.slice(0, 80)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

function decode(body: Buffer, encoding: string | undefined): string {
  if (encoding === 'br') return zlibSync.brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return zlibSync.gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

const TOPICS = [
  'dân vận',
  'nông thôn mới',
  'giao thông',
  'biển Đông',
  'thủ tướng',
  'tham nhũng',
  'bão lũ',
  'y tế',
  'giáo dục',
  'doanh nghiệp',
  'xuất khẩu',
  'Hà Nội',
  'Thành phố Hồ Chí Minh',
  'an toàn thực phẩm',
  'cải cách hành chính',
  'nghị định',
  'luật đất đai',
  'bóng đá',
  'giá vàng',
  'chứng khoán',
];
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

export type Request =
  | { method: 'search'; input: Record<string, unknown> }
  | { method: 'suggest'; input: Record<string, unknown> }
  /** Type-ahead as typed: a search at each keystroke of `prefix` (see KEYSTROKE_MS). */
  | { method: 'typing'; prefix: string };

/**
 * A keystroke every 150 ms while typing a query: each one's search goes out at once, and one still
 * unanswered at the next keystroke is given up (the request aborted), as the user typed on.
 */
export const KEYSTROKE_MS = 150;

/** The mix of what the users type, deterministic per seed. */
export function requestMaker(random: () => number, titles: string[], facets: Facets) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const years = facets.years.map((y) => y.value);
  const types = facets.types.map((t) => t.value);
  return (): Request => {
    const topic = pick(TOPICS);
    const roll = random();
    if (roll < 0.2) return { method: 'search', input: { query: fold(topic), limit: 20 } };
    if (roll < 0.4) return { method: 'search', input: { query: topic, limit: 20 } };
    if (roll < 0.5) return { method: 'search', input: { query: `"${topic}"`, limit: 20 } };
    if (roll < 0.6) return { method: 'search', input: { query: fold(pick(titles)), limit: 20 } };
    if (roll < 0.75) {
      const cut = topic.slice(0, Math.max(2, Math.ceil(topic.length * (0.4 + random() * 0.5))));
      return random() < 0.8
        ? { method: 'typing', prefix: cut }
        : { method: 'suggest', input: { prefix: cut, limit: 8 } };
    }
    if (roll < 0.85 && years.length) {
      const year = pick(years);
      return { method: 'search', input: { query: topic, from: year, to: year, limit: 20 } };
    }
    if (roll < 0.92 && types.length) {
      return { method: 'search', input: { query: fold(topic), type: pick(types), limit: 20 } };
    }
    return { method: 'search', input: { query: topic, sort: 'date', limit: 20, offset: 20 } };
  };
}

export interface Workload {
  articles: number;
  titles: string[];
  facets: Facets;
}

/** Waits for the server's catalog, then reads what the clients draw their queries from. */
export async function prepare(port: number): Promise<Workload> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    let articles = 0;
    for (;;) {
      const stats = await call<{ articles: number; index: { state: string } }>(
        port,
        agent,
        'stats',
        {},
      );
      assert.ok(stats.ok);
      if (stats.result.index.state === 'ready') {
        articles = stats.result.articles;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const facets = await call<Facets>(port, agent, 'facets', {});
    assert.ok(facets.ok);
    const titles: string[] = [];
    for (const offset of [0, 5_000, 20_000, 40_000, 60_000, 75_000]) {
      const list = await call<{ items: { title: string }[] }>(port, agent, 'listArticles', {
        offset,
        limit: 20,
      });
      assert.ok(list.ok);
      titles.push(...list.result.items.map((i) => i.title));
    }
    return { articles, titles, facets: facets.result };
  } finally {
    agent.destroy();
  }
}

export interface Phase {
  clients: number;
  seconds: number;
  requests: number;
  perSecond: number;
  errors: string[];
  /** Calls answered per client (none may be left without an answer). */
  answered: number[];
  /** Type-ahead searches given up (aborted) because the user typed on. */
  cancelled: number;
  p50: number;
  p95: number;
  byKind: Record<Kind, { p50: number; p95: number }>;
  /** The server's RSS sampled every 2 s after the warm-up: medians of the first and last thirds. */
  rss: { first: number; last: number; growth: number; samples: number };
  /** Cores' worth of CPU the server was given (of the machine's), and its CPU per request. */
  cpuCores: number;
  cpuMsPerRequest: number;
  /**
   * Requests a second the server could answer with the machine to itself, from its CPU per
   * request: all cores busy, or its busiest thread, whichever limits first (an estimate).
   */
  ceiling: number;
  /** The machine's 1-minute load average at the end of the busiest slice (others' work too). */
  load: number;
}

type Kind = 'search' | 'getArticle' | 'suggest';

/** What one stretch of load measured, raw. */
export interface Slice {
  runMs: number;
  latencies: Record<Kind, number[]>;
  errors: string[];
  answered: number[];
  /** Type-ahead searches given up because the user typed on. */
  cancelled: number;
  /** RSS in MB, after the warm-up. */
  rss: number[];
  /** CPU seconds the server's threads were given while measured, and the machine's load then. */
  cpuSeconds: number;
  /** CPU seconds of the busiest thread (the engine thread, or one of the readers). */
  busiestThread: number;
  load: number;
}

/**
 * `clients` users at once for `runMs` after `warmUpMs` (not measured), each waiting for its
 * answers; `seed` draws each client's requests (a later slice continues with other ones).
 */
export async function drive(
  server: Server,
  work: Workload,
  options: { clients: number; warmUpMs: number; runMs: number; seed?: number },
): Promise<Slice> {
  const { clients, warmUpMs, runMs } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: Record<Kind, number[]> = { search: [], getArticle: [], suggest: [] };
  const errors: string[] = [];
  const rss: number[] = [];
  const started = Date.now();
  const end = started + warmUpMs + runMs;
  const measuring = () => Date.now() - started >= warmUpMs;
  let cpuAtStart: Map<string, number> | null = null;
  const measureCpu = setTimeout(() => (cpuAtStart = threadCpu(server.child.pid!)), warmUpMs);
  const sampler = setInterval(() => {
    if (measuring()) rss.push(rssMb(server.child.pid!));
  }, SAMPLE_MS);
  const timed = async <T>(kind: Kind, method: string, input: unknown, signal?: AbortSignal) => {
    const t0 = performance.now();
    const envelope = await call<T>(server.port, agent, method, input, signal);
    if (measuring()) latencies[kind].push(performance.now() - t0);
    return envelope;
  };
  const answered = new Array<number>(clients).fill(0);
  let cancelled = 0;
  const checked = (reply: Envelope<SearchResult>, input: unknown) => {
    if (!reply.ok || !Array.isArray(reply.result.hits) || typeof reply.result.total !== 'number')
      throw new Error(`search ${JSON.stringify(input)}: ${JSON.stringify(reply).slice(0, 200)}`);
    return reply.result;
  };
  /** Types `prefix` from its second letter; the last keystroke's search is waited for. */
  const typeOn = async (n: number, prefix: string) => {
    for (let k = 2; k <= prefix.length; k++) {
      const input = { query: prefix.slice(0, k), typeAhead: true, limit: 20 };
      const gone = new AbortController();
      const t0 = performance.now();
      const reply = timed<SearchResult>('search', 'search', input, gone.signal);
      if (k === prefix.length) {
        checked(await reply, input);
        answered[n]++;
        return;
      }
      const keystroke = new Promise<null>((resolve) => setTimeout(resolve, KEYSTROKE_MS, null));
      const first = await Promise.race([reply, keystroke]);
      if (first === null) {
        gone.abort();
        reply.catch(() => undefined); // the abort rejects it: given up, not an error
        if (measuring()) cancelled++;
        continue;
      }
      checked(first, input);
      answered[n]++;
      await new Promise((resolve) => setTimeout(resolve, KEYSTROKE_MS - (performance.now() - t0)));
    }
  };
  const client = async (n: number) => {
    const random = prng(0x10ad + n + (options.seed ?? 0) * 1_000);
    const next = requestMaker(random, work.titles, work.facets);
    while (Date.now() < end) {
      const request = next();
      try {
        if (request.method === 'typing') {
          await typeOn(n, request.prefix);
          continue;
        }
        if (request.method === 'suggest') {
          const reply = await timed<{ items: unknown[] }>('suggest', 'suggest', request.input);
          if (!reply.ok || !Array.isArray(reply.result.items))
            throw new Error(JSON.stringify(reply));
          answered[n]++;
          continue;
        }
        const reply = await timed<SearchResult>('search', 'search', request.input);
        if (
          !reply.ok ||
          !Array.isArray(reply.result.hits) ||
          typeof reply.result.total !== 'number'
        )
          throw new Error(
            `search ${JSON.stringify(request.input)}: ${JSON.stringify(reply).slice(0, 200)}`,
          );
        answered[n]++;
        const hits = reply.result.hits;
        if (hits.length && random() < 0.6) {
          const id = hits[Math.floor(random() * hits.length)].id;
          const article = await timed<ArticleView>('getArticle', 'getArticle', { id });
          if (
            !article.ok ||
            article.result.article.id !== id ||
            typeof article.result.text !== 'string'
          )
            throw new Error(`getArticle ${id}: ${JSON.stringify(article).slice(0, 200)}`);
          answered[n]++;
        }
      } catch (error) {
        errors.push(String(error).slice(0, 300));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  } finally {
    clearInterval(sampler);
    clearTimeout(measureCpu);
    agent.destroy();
  }
  const threads = cpuAtStart ? cpuBetween(cpuAtStart, threadCpu(server.child.pid!)) : [];
  return {
    runMs,
    latencies,
    errors,
    answered,
    cancelled,
    rss,
    cpuSeconds: threads.length ? threads.reduce((a, b) => a + b, 0) : NaN,
    busiestThread: threads.length ? threads[0] : NaN,
    load: os.loadavg()[0],
  };
}

/** The slices of one server under one number of clients, as one phase. */
export function summarize(clients: number, slices: Slice[]): Phase {
  const all = (kind?: Kind) =>
    slices
      .flatMap((s) => (kind ? s.latencies[kind] : Object.values(s.latencies).flat()))
      .sort((a, b) => a - b);
  const everything = all();
  const seconds = slices.reduce((n, s) => n + s.runMs, 0) / 1000;
  const measured = slices.flatMap((s) => s.rss);
  const third = Math.max(1, Math.floor(measured.length / 3));
  const mid = (list: number[]) =>
    percentile(
      [...list].sort((a, b) => a - b),
      50,
    );
  const first = mid(measured.slice(0, third));
  const last = mid(measured.slice(-third));
  const kind = (k: Kind) => ({ p50: percentile(all(k), 50), p95: percentile(all(k), 95) });
  return {
    clients,
    seconds,
    requests: everything.length,
    perSecond: everything.length / seconds,
    errors: slices.flatMap((s) => s.errors),
    cancelled: slices.reduce((n, s) => n + s.cancelled, 0),
    answered: Array.from({ length: clients }, (_, n) =>
      slices.reduce((sum, s) => sum + s.answered[n], 0),
    ),
    p50: percentile(everything, 50),
    p95: percentile(everything, 95),
    byKind: { search: kind('search'), getArticle: kind('getArticle'), suggest: kind('suggest') },
    rss: { first, last, growth: last / first - 1, samples: measured.length },
    cpuCores: slices.reduce((n, s) => n + s.cpuSeconds, 0) / seconds,
    cpuMsPerRequest: (slices.reduce((n, s) => n + s.cpuSeconds, 0) * 1000) / everything.length,
    ceiling: Math.min(
      (os.availableParallelism() * everything.length) /
        slices.reduce((n, s) => n + s.cpuSeconds, 0),
      everything.length / slices.reduce((n, s) => n + s.busiestThread, 0),
    ),
    load: Math.max(...slices.map((s) => s.load)),
  };
}

/** One line per phase, as the soak test prints it. */
export function describePhase(label: string, articles: number, phase: Phase): string {
  const r = Math.round;
  const k = phase.byKind;
  return (
    `load (${label}): ${phase.clients} clients × ${phase.seconds} s on ${articles} articles: ` +
    `${phase.requests} requests served (${r(phase.perSecond)}/s), ${phase.errors.length} errors, ` +
    `${phase.cancelled} type-ahead searches given up; ` +
    `p50 ${r(phase.p50)} ms, p95 ${r(phase.p95)} ms (search ${r(k.search.p50)}/${r(k.search.p95)}, ` +
    `getArticle ${r(k.getArticle.p50)}/${r(k.getArticle.p95)}, ` +
    `suggest ${r(k.suggest.p50)}/${r(k.suggest.p95)} ms); server RSS first third ${r(phase.rss.first)} MB, ` +
    `last third ${r(phase.rss.last)} MB (${phase.rss.growth >= 0 ? '+' : ''}${(phase.rss.growth * 100).toFixed(1)} %); ` +
    `CPU given ${phase.cpuCores.toFixed(2)} cores, ${r(phase.cpuMsPerRequest)} ms a request (~${r(phase.ceiling)}/s with the cores to itself); load average ${phase.load.toFixed(1)}`
  );
}

export interface ModeResult {
  label: string;
  ten: Phase;
  fifty: Phase;
}

/** Both modes' figures side by side, the pool's as a ratio to one thread's, and the targets. */
export function comparisonTable(articles: number, one: ModeResult, pool: ModeResult): string {
  const r = (n: number) =>
    !Number.isFinite(n)
      ? '–'
      : n < 10 && !Number.isInteger(n)
        ? n.toFixed(2)
        : String(Math.round(n));
  const ratio = (a: number, b: number) => (a > 0 && b > 0 ? `${(b / a).toFixed(2)} ×` : '–');
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const rows: Array<[string, number, number, string]> = [
    ['10 clients: requests/s', one.ten.perSecond, pool.ten.perSecond, ''],
    ['10 clients: p50 (ms)', one.ten.p50, pool.ten.p50, ''],
    ['10 clients: p95 (ms)', one.ten.p95, pool.ten.p95, `≤ 150 ${mark(pool.ten.p95 <= 150)}`],
    [
      '50 clients: requests/s',
      one.fifty.perSecond,
      pool.fifty.perSecond,
      `≥ 80 ${mark(pool.fifty.perSecond >= 80)}`,
    ],
    ['50 clients: p50 (ms)', one.fifty.p50, pool.fifty.p50, ''],
    ['50 clients: p95 (ms)', one.fifty.p95, pool.fifty.p95, `≤ 800 ${mark(pool.fifty.p95 <= 800)}`],
    ['50 clients: search p95 (ms)', one.fifty.byKind.search.p95, pool.fifty.byKind.search.p95, ''],
    [
      '50 clients: errors',
      one.ten.errors.length + one.fifty.errors.length,
      pool.ten.errors.length + pool.fifty.errors.length,
      `0 ${mark(!pool.ten.errors.length && !pool.fifty.errors.length)}`,
    ],
    [
      '50 clients: type-ahead searches given up (typed on)',
      one.fifty.cancelled,
      pool.fifty.cancelled,
      '',
    ],
    ['50 clients: CPU given to the server (cores)', one.fifty.cpuCores, pool.fifty.cpuCores, ''],
    [
      '50 clients: server CPU per request (ms)',
      one.fifty.cpuMsPerRequest,
      pool.fifty.cpuMsPerRequest,
      '',
    ],
    [
      '50 clients: requests/s with the cores to itself (estimate)',
      one.fifty.ceiling,
      pool.fifty.ceiling,
      '',
    ],
    ['50 clients: RSS first third (MB)', one.fifty.rss.first, pool.fifty.rss.first, ''],
    [
      '50 clients: RSS last third (MB)',
      one.fifty.rss.last,
      pool.fifty.rss.last,
      `flat (≤ +15 %) ${mark(pool.fifty.rss.growth <= 0.15)}`,
    ],
  ];
  const lines = [
    `Office load on ${articles} articles (${os.availableParallelism()} cores; ${one.ten.seconds} s with 10 clients, ${one.fifty.seconds} s with 50; ` +
      `the machine's load average reached ${Math.max(one.ten.load, one.fifty.load, pool.ten.load, pool.fifty.load).toFixed(1)}):`,
    '',
    `| figure | ${one.label} | ${pool.label} | pool ÷ one thread | target (pool) |`,
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      ([name, a, b, target]) =>
        `| ${name} | ${r(a)} | ${r(b)} | ${name.includes('errors') ? '' : ratio(a, b)} | ${target} |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * The same workload on one engine thread and on the pool. Both servers run at once and take
 * turns, slice by slice, which goes first alternating: on a shared machine whose load moves by
 * the minute, each mode meets the same moments of it.
 */
export async function compareModes(
  db: string,
  seconds: { ten: number; fifty: number },
  readers?: number,
): Promise<{ articles: number; one: ModeResult; pool: ModeResult }> {
  const servers = [await startServer(db, 0), await startServer(db, readers)];
  const labels = [
    'one thread',
    `pool (${readers ?? Math.min(2, os.availableParallelism())} readers)`,
  ];
  try {
    const work = await prepare(servers[0].port);
    await prepare(servers[1].port);
    const phases = [
      { clients: 10, seconds: seconds.ten, warmUpMs: 5_000, slices: 3 },
      { clients: 50, seconds: seconds.fifty, warmUpMs: 10_000, slices: 4 },
    ];
    const results: Phase[][] = [[], []];
    for (const phase of phases) {
      const slices: Slice[][] = [[], []];
      for (let i = 0; i < phase.slices; i++) {
        for (const mode of i % 2 ? [1, 0] : [0, 1]) {
          slices[mode].push(
            await drive(servers[mode], work, {
              clients: phase.clients,
              // The first slice warms the server up; the later ones only open their connections.
              warmUpMs: i === 0 ? phase.warmUpMs : 1_000,
              runMs: (phase.seconds * 1000) / phase.slices,
              seed: i,
            }),
          );
        }
      }
      for (const mode of [0, 1]) {
        const summary = summarize(phase.clients, slices[mode]);
        console.error(describePhase(labels[mode], work.articles, summary));
        results[mode].push(summary);
      }
    }
    const result = (mode: number): ModeResult => ({
      label: labels[mode],
      ten: results[mode][0],
      fifty: results[mode][1],
    });
    return { articles: work.articles, one: result(0), pool: result(1) };
  } finally {
    await Promise.all(servers.map(stopServer));
    pruneBackups();
  }
}

/**
 * The server's RSS with 0…`most` readers, each after its catalog is loaded and the same 60 warm-up
 * requests (every reader has served): what one more reader costs, its catalog included.
 */
export async function memoryByReaders(db: string, most = 3): Promise<string> {
  const lines = [
    '| readers | RSS after warm-up (MB) | more than one thread (MB) |',
    '| ---: | ---: | ---: |',
  ];
  let base = NaN;
  for (let readers = 0; readers <= most; readers++) {
    const server = await startServer(db, readers);
    try {
      const work = await prepare(server.port);
      await drive(server, work, { clients: Math.max(1, readers), warmUpMs: 0, runMs: 8_000 });
      const mb = rssMb(server.child.pid!);
      if (readers === 0) base = mb;
      lines.push(`| ${readers} | ${Math.round(mb)} | ${readers ? Math.round(mb - base) : ''} |`);
    } finally {
      await stopServer(server);
    }
  }
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  if (args.includes('--memory')) return console.log(await memoryByReaders(await cachedArchive()));
  const given = value('--seconds');
  const seconds = given ? { ten: given, fifty: given } : { ten: 30, fifty: 60 };
  const { articles, one, pool } = await compareModes(
    await cachedArchive(),
    seconds,
    value('--readers'),
  );
  console.log(comparisonTable(articles, one, pool));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
