/**
 * Load on the browser host: 50 clients at once, for 60 seconds, searching (accent-free, accented,
 * phrases, real titles, type-ahead, filters, newest first) and reading the articles they find,
 * against the whole corpus (75,000 articles) served by the real `archive-reader serve`. Every
 * response must be 200 with a valid envelope; the server's memory, sampled every 2 seconds, must
 * stay flat (the median of the last third of the run within 15 % of the first third's, after a
 * warm-up). Prints one line: requests served, errors, p50/p95, memory.
 *
 * The archive is built once with the real importer into a cache folder under the system's
 * temporary folder and reused while its schema version matches (building takes a few minutes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import type { ArticleView, Envelope, Facets } from '../../electron/api/contract';
import type { SearchResult } from '../../electron/core/model';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const CORPUS_FILES = [
  'baomoi-2017-35k.jsonl.gz',
  'vietnews-train-40k.jsonl.gz',
  'official-documents-vn.jsonl.gz',
].map((f) => path.join(CORPUS, f));
const CACHE = path.join(os.tmpdir(), 'archive-reader-soak-75k');
const CLIENTS = 50;
const WARM_UP_MS = 10_000;
const RUN_MS = 60_000;
const SAMPLE_MS = 2_000;
const MAX_GROWTH = 0.15;

/** The cached archive, built on first use; its marker says it is complete and which schema. */
async function cachedArchive(): Promise<string> {
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
  console.log(`load: built the 75k archive in ${Math.round((Date.now() - started) / 1000)} s`);
  return file;
}

/**
 * The host makes automatic backups (at start when the newest is a day old, and on quit): 1 GB
 * each at this size. Only the newest stays in the cache, so the next run within a day makes none
 * while it is measured.
 */
function pruneBackups() {
  const folder = path.join(CACHE, 'backups');
  if (!fs.existsSync(folder)) return;
  const files = fs.readdirSync(folder).sort();
  for (const name of files.slice(0, -1)) fs.rmSync(path.join(folder, name), { force: true });
}

interface Server {
  child: ChildProcess;
  port: number;
}

function startServer(db: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['bin/archive-reader.mjs', '--db', db, 'serve', '--port', '0', '--read-only', '--no-sample'],
    { cwd: ROOT, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } },
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

/** Resident memory of a process, in MB (Linux /proc, else ps). */
function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } catch {
    return (
      Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) / 1024
    );
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function call<T>(port: number, method: string, input: unknown): Promise<Envelope<T>> {
  return new Promise((resolve, reject) => {
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
        res.on('end', () => {
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

type Request =
  | { method: 'search'; input: Record<string, unknown> }
  | { method: 'suggest'; input: Record<string, unknown> };

/** The mix of what 50 users type, deterministic per seed. */
function requestMaker(random: () => number, titles: string[], facets: Facets) {
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
        ? { method: 'search', input: { query: cut, typeAhead: true, limit: 20 } }
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

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

test(
  '50 clients search and read for 60 s: no errors, memory flat',
  { timeout: 30 * 60_000 },
  async () => {
    const db = await cachedArchive();
    const server = await startServer(db);
    try {
      // The catalog loads in the server's own thread; the run starts once it is ready.
      let articles = 0;
      for (;;) {
        const stats = await call<{ articles: number; index: { state: string } }>(
          server.port,
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
      const facets = await call<Facets>(server.port, 'facets', {});
      assert.ok(facets.ok);
      const titles: string[] = [];
      for (const offset of [0, 5_000, 20_000, 40_000, 60_000, 75_000]) {
        const list = await call<{ items: { title: string }[] }>(server.port, 'listArticles', {
          offset,
          limit: 20,
        });
        assert.ok(list.ok);
        titles.push(...list.result.items.map((i) => i.title));
      }

      const latencies: number[] = [];
      const byKind = {
        search: [] as number[],
        getArticle: [] as number[],
        suggest: [] as number[],
      };
      const errors: string[] = [];
      const samples: { at: number; mb: number }[] = [];
      const started = Date.now();
      const end = started + WARM_UP_MS + RUN_MS;
      const sampler = setInterval(
        () => samples.push({ at: Date.now() - started, mb: rssMb(server.child.pid!) }),
        SAMPLE_MS,
      );

      const timed = async <T>(kind: keyof typeof byKind, method: string, input: unknown) => {
        const t0 = performance.now();
        const envelope = await call<T>(server.port, method, input);
        const ms = performance.now() - t0;
        if (Date.now() - started >= WARM_UP_MS) {
          latencies.push(ms);
          byKind[kind].push(ms);
        }
        return envelope;
      };

      const answered = new Array<number>(CLIENTS).fill(0);
      const client = async (n: number) => {
        const random = mulberry32(0x10ad + n);
        const next = requestMaker(random, titles, facets.result);
        while (Date.now() < end) {
          const request = next();
          try {
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
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
      clearInterval(sampler);

      const measured = samples.filter((s) => s.at >= WARM_UP_MS).map((s) => s.mb);
      const third = Math.floor(measured.length / 3);
      const first = median(measured.slice(0, third));
      const last = median(measured.slice(-third));
      const growth = last / first - 1;
      const sorted = [...latencies].sort((a, b) => a - b);
      const p = (list: number[], q: number) =>
        Math.round(
          percentile(
            [...list].sort((a, b) => a - b),
            q,
          ),
        );
      console.log(
        `load: ${CLIENTS} clients × ${RUN_MS / 1000} s on ${articles} articles: ` +
          `${latencies.length} requests served (${Math.round(latencies.length / (RUN_MS / 1000))}/s), ` +
          `${errors.length} errors; p50 ${p(sorted, 50)} ms, p95 ${p(sorted, 95)} ms ` +
          `(search ${p(byKind.search, 50)}/${p(byKind.search, 95)}, ` +
          `getArticle ${p(byKind.getArticle, 50)}/${p(byKind.getArticle, 95)}, ` +
          `suggest ${p(byKind.suggest, 50)}/${p(byKind.suggest, 95)} ms); ` +
          `server RSS first third ${Math.round(first)} MB, last third ${Math.round(last)} MB ` +
          `(${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
      );
      assert.ok(articles > 75_000, `${articles} articles`);
      assert.deepEqual(errors.slice(0, 5), [], `${errors.length} errors`);
      // Each client waits for its requests, however slow: none may go unanswered.
      assert.ok(Math.min(...answered) > 0, `a client got no answer: ${answered.join(',')}`);
      assert.ok(measured.length >= 9, `${measured.length} memory samples`);
      assert.ok(growth <= MAX_GROWTH, `server memory grew ${(growth * 100).toFixed(1)} %`);
    } finally {
      agent.destroy();
      await new Promise<void>((resolve) => {
        if (server.child.exitCode !== null) return resolve();
        server.child.once('exit', () => resolve());
        server.child.kill('SIGTERM');
      });
      pruneBackups();
    }
  },
);
