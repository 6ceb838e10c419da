/**
 * A large file is read, parsed and tokenised in the import pool's thread, the importing thread
 * only writing (archive/prepare-file.ts). Real articles in a JSON Lines file over the pooled size,
 * with bad lines, an article twice and articles already in the archive, must give exactly what
 * reading the same lines here gives (small files): the same summary, the same rows, the same
 * full-text index term by term. And when the thread dies halfway, the file is read on here with
 * nothing lost and nothing counted twice.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type Worker } from 'node:worker_threads';
import type { ImportProgress } from '../../electron/api/contract';
import { Archive } from '../../electron/core/archive/archive';
import { FtsPool } from '../../electron/core/archive/fts-pool';
import { POOLED_FILE_BYTES } from '../../electron/core/archive/import';
import { corpusLines, writeJsonl } from '../support/corpus';

const ARTICLES = 1_300;
const KNOWN = 150; // imported first, from a small file: the large file's copies are duplicates

let dir: string;
let lines: string[];
let large: string;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-pooled-'));
  const read = await corpusLines('vietnews-train-40k.jsonl.gz', ARTICLES);
  // Bad lines among the good, and one article twice (a re-exported copy), none first in a
  // small file below (a file that starts with a bad line is not taken for JSON Lines).
  lines = [...read];
  lines.splice(250, 0, '{"title": "Dòng hỏng", "body": ');
  lines.splice(750, 0, 'không phải JSON');
  lines.splice(1_050, 0, read[900]);
  large = writeJsonl(path.join(dir, 'large.jsonl'), lines);
  assert.ok(fs.statSync(large).size >= POOLED_FILE_BYTES, 'the file is read in the pool');
  writeJsonl(path.join(dir, 'known.jsonl'), read.slice(400, 400 + KNOWN));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function archiveWithKnown(): Promise<Archive> {
  const archive = Archive.open(path.join(dir, `archive-${++n}.db`));
  const known = await archive.importPaths([path.join(dir, 'known.jsonl')]);
  assert.equal(known.imported, KNOWN);
  return archive;
}

/** The same lines in files below the pooled size, read by the importing thread itself. */
function smallFiles(): string {
  const folder = path.join(dir, `small-${++n}`);
  fs.mkdirSync(folder);
  for (let i = 0, part = 0; i < lines.length; i += 100, part++) {
    const name = path.join(folder, `part-${String(part).padStart(3, '0')}.jsonl`);
    fs.writeFileSync(name, lines.slice(i, i + 100).join('\n') + '\n');
    assert.ok(fs.statSync(name).size < POOLED_FILE_BYTES);
  }
  return folder;
}

/** Everything an import writes that can be read back: the rows, and the index term by term. */
function contents(archive: Archive) {
  const db = archive.db;
  const articles = db
    .prepare(
      `SELECT id, title, date, source, summary, hex(blocks) AS blocks, doc_number, doc_type
       FROM articles ORDER BY id`,
    )
    .all();
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, articles_fts, row);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.title_terms USING fts5vocab(main, titles_fts, row);`);
  const terms = db.prepare('SELECT term, doc, cnt FROM temp.terms ORDER BY term').all();
  const titleTerms = db.prepare('SELECT term, doc, cnt FROM temp.title_terms ORDER BY term').all();
  return { articles, terms, titleTerms };
}

const summaryOf = (s: { imported: number; duplicates: number; failed: unknown[] }) => ({
  imported: s.imported,
  duplicates: s.duplicates,
  failed: s.failed.length,
});

/** Counts the files the pool was asked to read, and lets a test end its threads midway. */
function watchPool(killAfter?: number) {
  const original = FtsPool.prototype.readFile;
  const seen = { files: 0, batches: 0, duplicates: 0 };
  FtsPool.prototype.readFile = async function* (this: FtsPool, ...args) {
    seen.files++;
    for await (const batch of original.apply(this, args)) {
      seen.batches++;
      seen.duplicates += batch.duplicates;
      yield batch;
      if (seen.batches === killAfter) {
        const workers = (this as unknown as { workers: Worker[] }).workers;
        await Promise.all(workers.map((w) => w.terminate()));
      }
    }
  };
  return { seen, restore: () => (FtsPool.prototype.readFile = original) };
}

describe('a large file read in the pool’s thread', () => {
  let expected: { summary: ReturnType<typeof summaryOf>; contents: ReturnType<typeof contents> };

  before(async () => {
    const archive = await archiveWithKnown();
    const pool = watchPool();
    try {
      const summary = await archive.importPaths([smallFiles()]);
      assert.equal(pool.seen.files, 0, 'small files are read in the importing thread');
      expected = { summary: summaryOf(summary), contents: contents(archive) };
    } finally {
      pool.restore();
      archive.close();
    }
    assert.deepEqual(expected.summary, {
      imported: ARTICLES - KNOWN,
      duplicates: KNOWN + 1,
      failed: 2,
    });
  });

  test('gives the same summary, rows and index as reading it here', async () => {
    const archive = await archiveWithKnown();
    const pool = watchPool();
    try {
      const summary = await archive.importPaths([large]);
      assert.equal(pool.seen.files, 1);
      assert.ok(pool.seen.batches >= 3, `${pool.seen.batches} batches`);
      assert.deepEqual(summaryOf(summary), expected.summary);
      for (const f of summary.failed) {
        assert.match(f.path, /large\.jsonl/);
        assert.match(f.error, /[ăâđêôơư]/i, 'a sentence in Vietnamese');
      }
      const got = contents(archive);
      assert.deepEqual(got.articles, expected.contents.articles);
      assert.deepEqual(got.terms, expected.contents.terms);
      assert.deepEqual(got.titleTerms, expected.contents.titleTerms);
    } finally {
      pool.restore();
      archive.close();
    }
  });

  test('a second import of it finds every article already there, before tokenising', async () => {
    const archive = await archiveWithKnown();
    await archive.importPaths([large]);
    const pool = watchPool();
    try {
      const again = await archive.importPaths([large]);
      assert.deepEqual(summaryOf(again), { imported: 0, duplicates: ARTICLES + 1, failed: 2 });
      // Known to the thread by its own look at the archive: none reached the writer.
      assert.equal(pool.seen.duplicates, ARTICLES + 1);
    } finally {
      pool.restore();
      archive.close();
    }
  });

  test('the thread dies after two batches: the rest is read here, nothing lost or counted twice', async () => {
    const archive = await archiveWithKnown();
    const pool = watchPool(2);
    try {
      const summary = await archive.importPaths([large]);
      // It may have had one more ready when it died; the last is read here in any case.
      assert.ok([2, 3].includes(pool.seen.batches), `${pool.seen.batches} batches from the thread`);
      assert.deepEqual(summaryOf(summary), expected.summary);
      assert.deepEqual(contents(archive).articles, expected.contents.articles);
      assert.deepEqual(contents(archive).terms, expected.contents.terms);
    } finally {
      pool.restore();
      archive.close();
    }
  });

  test('a call waiting on the importing thread is answered between any two batches', async () => {
    // A host's calls arrive as messages. The thread's batches arrive on a port of their own, and
    // one written at once after another would keep such a call waiting for the whole file.
    const archive = await archiveWithKnown();
    const calls = new MessageChannel();
    let answered = 0;
    let running = true;
    calls.port1.on('message', () => {
      answered++;
      if (running) calls.port2.postMessage('search');
    });
    calls.port2.postMessage('search');
    const between: number[] = [];
    let last = -1;
    archive.events.on('importProgress', (p: ImportProgress) => {
      if (p.imported === last) return;
      last = p.imported;
      between.push(answered);
    });
    try {
      await archive.importPaths([large]);
      assert.ok(between.length >= 4, `${between.length} batches`);
      const bunched = between.filter((n, i) => i > 0 && n === between[i - 1]).length;
      assert.equal(bunched, 0, `calls answered before each batch: ${between.join(' ')}`);
    } finally {
      running = false;
      calls.port1.close();
      archive.close();
    }
  });
});
