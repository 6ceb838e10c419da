/**
 * Power loss during a large import: `archive-reader import` of ~20,000 real articles is killed
 * with SIGKILL at 20 random moments (seeded), each kill in a fresh run continuing the same
 * archive. After every kill the archive opens, passes SQLite's and FTS5's integrity checks, holds
 * exactly the first N distinct articles of the input (every batch committed before the kill,
 * nothing of a half-written one), each with its facts row and full-text row, found by its body
 * and (through the catalog, rebuilt because the saved one is stale) by its title. A last run
 * imports the rest. Each check runs in a process of its own on a copy taken right after the kill,
 * while the next import goes on. Repeat a run with SOAK_SEED.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Archive } from '../../electron/core/archive/archive';
import { articleId } from '../../electron/core/archive/ids';
import { readFile } from '../../electron/core/importers';
import { parseQuery } from '../../electron/core/search/query-parser';
import { catalogGeneration } from '../../electron/core/search/catalog';
import { blockText } from '../../electron/core/archive/layout';
import { foldedSyllables } from '../../electron/core/text/vietnamese';
import { corpusLines, writeJsonl } from '../support/corpus';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const KILLS = 20;
const SEED = Number(process.env.SOAK_SEED ?? 20260528);
/** Records taken from each corpus file, in this order; files of this many lines each. */
const SLICE: Array<[string, number]> = [
  ['baomoi-2017-35k.jsonl.gz', 11_000],
  ['official-documents-vn.jsonl.gz', 100],
  ['vietnews-train-40k.jsonl.gz', 9_000],
];
const LINES_PER_FILE = 800;

/** mulberry32: a small seeded PRNG, so a failing run can be repeated exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let db: string;
const files: string[] = [];
/** Distinct article ids in the order an import meets them, and the file each comes from. */
const order: string[] = [];
const fileOf = new Map<string, number>();

async function writeSlice(): Promise<void> {
  let part: string[] = [];
  const flush = () => {
    if (!part.length) return;
    const file = path.join(dir, 'input', `part-${String(files.length).padStart(3, '0')}.jsonl`);
    files.push(writeJsonl(file, part));
    part = [];
  };
  for (const [name, count] of SLICE) {
    for (const line of await corpusLines(name, count)) {
      part.push(line);
      if (part.length >= LINES_PER_FILE) flush();
    }
  }
  flush();
}

/** Set in the process that checks one copy of the archive (see `check` below). */
const CHECKER = process.env.SOAK_KILL_CHECK;

if (!CHECKER)
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-kill-import-'));
    fs.mkdirSync(path.join(dir, 'input'));
    db = path.join(dir, 'archive.db');
    await writeSlice();
    // The expected order, computed by the same importers the command uses.
    const seen = new Set<string>();
    for (const [i, file] of files.entries()) {
      for await (const item of readFile(file)) {
        if (!item.ok) continue;
        const id = articleId(item.draft);
        if (seen.has(id)) continue;
        seen.add(id);
        order.push(id);
        fileOf.set(id, i);
      }
    }
    fs.writeFileSync(path.join(dir, 'order.json'), JSON.stringify(order));
    // An archive with a saved catalog, as a host leaves it: every kill makes the saved one stale.
    const archive = Archive.open(db);
    await archive.warmCatalog();
    archive.close();
  });

if (!CHECKER) after(() => fs.rmSync(dir, { recursive: true, force: true }));

function importer(paths: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, '--db', db, 'import', '--json', ...paths], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * Run the import from the first file not wholly in the archive, and kill it once the archive
 * holds at least `target` articles plus a random pause (0–0.5 s): usually in the middle of
 * writing the next batch. Returns the count last seen committed before the kill.
 */
async function importAndKill(target: number, pause: number): Promise<number> {
  const have = count();
  const first = have < order.length ? fileOf.get(order[have])! : files.length - 1;
  const child = importer(files.slice(first));
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const ended = () => `the import ended (${child.exitCode}) before the kill: ${output}`;
  const reader = new Database(db, { readonly: true, fileMustExist: true });
  const committed = () =>
    (reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  let seen: number;
  try {
    while ((seen = committed()) < target) {
      assert.ok(child.exitCode === null, ended());
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, pause));
    assert.equal(child.exitCode, null, ended());
    seen = committed();
    child.kill('SIGKILL');
    await exited(child);
    assert.equal(child.signalCode, 'SIGKILL');
  } finally {
    reader.close();
  }
  return seen;
}

function count(): number {
  const reader = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

/** Three syllables from the middle of the article's body, each required in the indexed body. */
function bodyWords(archive: Archive, id: string): string {
  const a = archive.getArticle(id);
  const words = foldedSyllables([a.summary ?? '', ...a.blocks.map(blockText)].join('\n'));
  const at = Math.max(0, Math.floor(words.length / 2) - 1);
  return words
    .slice(at, at + 3)
    .map((w) => `body_folded : "${w}"`)
    .join(' AND ');
}

/** Everything the issue asks of an archive after a crash; returns how many articles it holds. */
async function checkArchive(
  file: string,
  expected: string[],
  random: () => number,
  full = false,
): Promise<number> {
  const savedCatalog = JSON.parse(fs.readFileSync(`${file}.catalog.json`, 'utf8')) as {
    generation: string;
  };
  const archive = Archive.open(file);
  try {
    const one = <T>(sql: string, ...params: unknown[]) =>
      archive.db.prepare(sql).get(...params) as T;
    assert.deepEqual(archive.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    archive.db
      .prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 0)")
      .run();

    // Exactly the first n distinct articles of the input: no gap, nothing from a lost batch.
    const ids = (
      archive.db.prepare('SELECT id FROM articles ORDER BY rowid').all() as { id: string }[]
    ).map((r) => r.id);
    const n = ids.length;
    assert.deepEqual(ids, expected.slice(0, n), 'the archive is not a prefix of the input');

    // No half-imported article: one facts row and one full-text row for each, and no others.
    const facts = one<{ n: number }>('SELECT count(*) AS n FROM article_facts').n;
    const indexed = one<{ n: number }>('SELECT count(*) AS n FROM articles_fts_docsize').n;
    assert.deepEqual([facts, indexed], [n, n]);
    const orphans = one<{ n: number }>(`
      SELECT (SELECT count(*) FROM articles a WHERE NOT EXISTS
                (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.rowid))
           + (SELECT count(*) FROM articles a WHERE NOT EXISTS
                (SELECT 1 FROM article_facts f WHERE f.article = a.rowid))
           + (SELECT count(*) FROM articles_fts_docsize d WHERE NOT EXISTS
                (SELECT 1 FROM articles a WHERE a.rowid = d.id)) AS n`).n;
    assert.equal(orphans, 0);

    // Found by body: the newest articles (where the kill struck) and a random sample; at the end
    // every tenth article too. (That each article has its full-text row is checked above for all.)
    const sample = [
      ...ids.slice(-60),
      ...Array.from({ length: 30 }, () => ids[Math.floor(random() * n)]),
      ...(full ? ids.filter((_, i) => i % 10 === 0) : []),
    ];
    const inBody = archive.db.prepare(
      // `rowid = ?` beside MATCH is ignored by FTS5 in SQLite 3.53.2 (every match counts): a range.
      'SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?',
    );
    for (const id of n ? sample : []) {
      const rowid = archive.articles.rowidOf(id)!;
      assert.equal((inBody.get(bodyWords(archive, id), rowid, rowid) as { n: number }).n, 1, id);
    }

    // Found by title through the catalog: the saved one is stale and must be rebuilt first.
    const generation = catalogGeneration(archive.db);
    if (n) assert.notEqual(savedCatalog.generation, generation, 'the saved catalog is not stale');
    await archive.warmCatalog();
    const titles = sample.slice(0, full ? 400 : 40).filter(Boolean);
    for (const id of titles) {
      const { rowid, title } = one<{ rowid: number; title: string }>(
        'SELECT rowid, title FROM articles WHERE id = ?',
        id,
      );
      const same = one<{ n: number }>(
        'SELECT count(*) AS n FROM articles WHERE title = ?',
        title,
      ).n;
      if (same > 1 || foldedSyllables(title).length === 0) continue; // not one article's title
      assert.ok(archive.catalog.lookup(parseQuery(title), 1000).has(rowid), `title: ${title}`);
    }
    assert.equal(
      (JSON.parse(fs.readFileSync(`${file}.catalog.json`, 'utf8')) as { generation: string })
        .generation,
      generation,
    );
    if (n) {
      const newest = ids[n - 1];
      const title = archive.getArticle(newest).title;
      const hits = archive.search({ query: `title:"${title.replace(/"/g, ' ')}"`, limit: 50 }).hits;
      assert.ok(
        hits.some((h) => h.id === newest),
        `search by title: ${title}`,
      );
    }
    return n;
  } finally {
    archive.close();
  }
}

/**
 * The checks run in a process of their own, on a copy of the archive taken right after the kill:
 * the next import starts at once, and the two cores work in parallel.
 */
function check(file: string, seed: number, full: boolean): Promise<number> {
  const job = JSON.stringify({ file, order: path.join(dir, 'order.json'), seed, full });
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SOAK_KILL_CHECK: job },
  });
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) =>
    proc.once('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      try {
        const result = JSON.parse(last) as { n?: number; error?: string };
        if (code === 0 && result.n !== undefined) return resolve(result.n);
        reject(new Error(result.error ?? output));
      } catch {
        reject(new Error(`the check ended (${code}): ${output}`));
      }
    }),
  );
}

/** A copy of the archive as the kill left it (the WAL and the saved catalog included). */
function snapshot(kill: number): string {
  const folder = path.join(dir, `after-kill-${kill}`);
  fs.mkdirSync(folder);
  const copy = path.join(folder, 'archive.db');
  for (const suffix of ['', '-wal', '.catalog.json']) {
    if (fs.existsSync(`${db}${suffix}`)) fs.copyFileSync(`${db}${suffix}`, `${copy}${suffix}`);
  }
  return copy;
}

if (!CHECKER) {
  test(`an import killed ${KILLS} times keeps every committed batch, whole, and finishes`, async (t) => {
    const random = prng(SEED);
    const total = order.length;
    assert.ok(total > 19_000, `the slice holds ${total} distinct articles`);
    const checks: Array<Promise<{ kill: number; seen: number; n: number }>> = [];
    let queue: Promise<unknown> = Promise.resolve();
    let pending = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // One kill in each twenty-first of the import, at a random place within it.
      const before = count();
      const target = Math.max(
        before + 1,
        Math.min(total - 1200, Math.floor((total * (kill + 0.15 + 0.7 * random())) / (KILLS + 1))),
      );
      const seen = await importAndKill(target, Math.floor(random() * 500));
      const copy = snapshot(kill);
      const seed = Math.floor(random() * 2 ** 31);
      pending++;
      const done = queue.then(async () => {
        const n = await check(copy, seed, false).finally(() => pending--);
        fs.rmSync(path.dirname(copy), { recursive: true, force: true });
        return { kill, seen, n };
      });
      queue = done.catch(() => undefined);
      checks.push(done);
      // Two copies at most wait for their check.
      if (pending > 2) await checks[checks.length - 3].catch(() => undefined);
    }

    // Re-running the import of the whole folder completes with the rest.
    const rerun = spawnSync(
      process.execPath,
      [BIN, '--db', db, 'import', '--json', path.join(dir, 'input')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(rerun.status, 0, rerun.stderr);
    const summary = JSON.parse(rerun.stdout) as {
      imported: number;
      duplicates: number;
      failed: unknown[];
    };
    assert.deepEqual(summary.failed, []);
    let checked = 0;
    for (const { kill, seen, n } of await Promise.all(checks)) {
      assert.ok(n >= seen, `kill ${kill + 1}: ${seen} articles were committed, ${n} remain`);
      assert.ok(n < total, `kill ${kill + 1} came after the import finished`);
      checked += n;
    }
    const n = await check(db, Math.floor(random() * 2 ** 31), true);
    assert.equal(n, total);
    checked += n;
    t.diagnostic(
      `kills survived: ${KILLS}/${KILLS}, articles checked: ${checked} ` +
        `(archive of ${total}; the last run imported the remaining ${summary.imported})`,
    );
  });
} else {
  const job = JSON.parse(CHECKER) as { file: string; order: string; seed: number; full: boolean };
  const expected = JSON.parse(fs.readFileSync(job.order, 'utf8')) as string[];
  checkArchive(job.file, expected, prng(job.seed), job.full).then(
    (n) => fs.writeSync(1, `${JSON.stringify({ n })}\n`),
    (error: unknown) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      fs.writeSync(1, `${JSON.stringify({ error: text })}\n`);
      process.exitCode = 1;
    },
  );
}
