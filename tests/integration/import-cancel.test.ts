/**
 * Cancelling an import of real files (real VietNews articles written to a temporary folder, a
 * scan made into a three-page PDF by img2pdf): it stops at the next article or page, keeps every
 * batch it committed, whole, says it was cancelled without listing what it did not reach as
 * failed, and a second import of the same files adds exactly the rest. The same for a bundle.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportProgress } from '../../electron/api/contract';
import { createDispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { Archive } from '../../electron/core/archive/archive';
import { POOLED_FILE_BYTES } from '../../electron/core/archive/import';
import { corpusLines, writeJsonl } from '../support/corpus';

const SCAN = path.resolve(import.meta.dirname, '../fixtures/pdf/scan.jpg');
const ARTICLES = 1_200;
const PER_FILE = 40;

let dir: string;
let folder: string;
let large: string;
/** Every article as an import that was not cancelled stores it: id → title and blocks. */
let whole: Map<string, string>;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cancel-'));
  const lines = await corpusLines('vietnews-train-40k.jsonl.gz', ARTICLES);
  folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  for (let i = 0; i < ARTICLES; i += PER_FILE) {
    const name = `part-${String(i / PER_FILE).padStart(3, '0')}.jsonl`;
    writeJsonl(path.join(folder, name), lines.slice(i, i + PER_FILE));
  }
  large = writeJsonl(path.join(dir, 'large.jsonl'), lines);
  assert.ok(fs.statSync(large).size >= POOLED_FILE_BYTES, 'the large file is read in the pool');

  const reference = open('reference');
  const summary = await reference.importPaths([folder]);
  assert.equal(summary.imported, ARTICLES);
  whole = articles(reference);
  reference.close();
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const open = (name: string) => Archive.open(path.join(dir, `${name}.db`));
const count = (a: Archive, sql: string) => (a.db.prepare(sql).pluck().get() as number) ?? 0;

function articles(archive: Archive): Map<string, string> {
  const ids = archive.db
    .prepare('SELECT id FROM articles ORDER BY rowid')
    .pluck()
    .all() as string[];
  return new Map(
    ids.map((id) => {
      const a = archive.getArticle(id);
      return [id, JSON.stringify([a.title, a.summary, a.blocks])];
    }),
  );
}

/** Cancels the archive's import as soon as a first batch is committed; returns its undoing. */
function cancelAfterFirstCommit(archive: Archive): () => void {
  const listener = (p: ImportProgress) => {
    if (p.imported > 0) archive.cancelImports();
  };
  archive.events.on('importProgress', listener);
  return () => archive.events.off('importProgress', listener);
}

/** What was kept is whole: each article as the full import stores it, with its full-text row. */
function assertKeptWhole(archive: Archive, imported: number) {
  const kept = articles(archive);
  assert.equal(kept.size, imported, 'the archive holds exactly what the summary counts');
  for (const [id, article] of kept) assert.equal(article, whole.get(id), `article ${id} is whole`);
  assert.equal(count(archive, 'SELECT count(*) FROM articles_fts'), imported);
  assert.equal(archive.db.pragma('integrity_check', { simple: true }), 'ok');
}

describe('cancelling an import', () => {
  test('of a folder stops between files and keeps what was committed', async () => {
    const archive = open('folder');
    const listening = cancelAfterFirstCommit(archive);
    const summary = await archive.importPaths([folder]);
    listening();
    assert.equal(summary.cancelled, true);
    assert.deepEqual(summary.failed, [], 'files not reached are not failures');
    assert.ok(summary.imported > 0 && summary.imported < ARTICLES, `${summary.imported} kept`);
    assertKeptWhole(archive, summary.imported);

    const rest = await archive.importPaths([folder]);
    assert.equal(rest.cancelled, undefined);
    assert.deepEqual(
      [rest.imported, rest.duplicates, rest.failed],
      [ARTICLES - summary.imported, summary.imported, []],
    );
    assertKeptWhole(archive, ARTICLES);
    archive.close();
  });

  test('of one large file read in the pool stops at the next batch', async () => {
    const archive = open('large');
    const listening = cancelAfterFirstCommit(archive);
    const summary = await archive.importPaths([large]);
    listening();
    assert.equal(summary.cancelled, true);
    assert.deepEqual(summary.failed, []);
    assert.ok(summary.imported > 0 && summary.imported < ARTICLES, `${summary.imported} kept`);
    assertKeptWhole(archive, summary.imported);

    const rest = await archive.importPaths([large]);
    assert.deepEqual(
      [rest.cancelled, rest.imported, rest.duplicates],
      [undefined, ARTICLES - summary.imported, summary.imported],
    );
    assertKeptWhole(archive, ARTICLES);
    archive.close();
  });

  test('of a scan stops its OCR before the next page, and the scan is not a failure', async () => {
    const scans = path.join(dir, 'scans');
    fs.mkdirSync(scans);
    const pdf = path.join(scans, 'three-pages.pdf');
    execFileSync('img2pdf', [SCAN, SCAN, SCAN, '-o', pdf]);
    const archive = open('scan');
    const pages: number[] = [];
    archive.events.on('importProgress', (p: ImportProgress) => {
      if (!p.pages) return;
      pages.push(p.pages.done);
      assert.equal(p.pages.total, 3);
      archive.cancelImports(); // once the first page is recognised
    });
    const summary = await archive.importPaths([scans, path.join(folder, 'part-000.jsonl')]);
    assert.deepEqual(pages, [1], 'pages 2 and 3 are never recognised');
    assert.deepEqual(
      [summary.cancelled, summary.imported, summary.failed],
      [true, 0, []],
      'neither the scan cut short nor the file after it is a failure',
    );
    assert.equal(count(archive, 'SELECT count(*) FROM articles'), 0);
    archive.close();
  });

  test('of a bundle stops at its next batch; a second import of it adds exactly the rest', async () => {
    const reference = open('reference');
    const bundle = path.join(dir, 'all.arbundle');
    await reference.exportBundle({}, bundle);
    reference.close();

    const archive = open('bundle');
    // Cancelled while the bundle is still checked: nothing at all is written.
    const checking = archive.importBundle({ path: bundle });
    assert.equal(archive.cancelImports(), 1);
    const early = await checking;
    assert.deepEqual([early.cancelled, early.articles.added], [true, 0]);
    assert.equal(count(archive, 'SELECT count(*) FROM articles'), 0);

    const listening = cancelAfterFirstCommit(archive);
    const report = await archive.importBundle({ path: bundle });
    listening();
    assert.equal(report.cancelled, true);
    const added = report.articles.added;
    assert.ok(added > 0 && added < ARTICLES, `${added} kept`);
    assertKeptWhole(archive, added);

    const rest = await archive.importBundle({ path: bundle });
    assert.deepEqual(
      [rest.cancelled, rest.articles.added, rest.articles.present],
      [undefined, ARTICLES - added, added],
    );
    assertKeptWhole(archive, ARTICLES);
    archive.close();
  });

  test('is harmless when no import runs, through the API as through the engine', async () => {
    const archive = open('idle');
    assert.equal(archive.cancelImports(), 0);
    const dispatch = createDispatch(createHandlers(archive));
    assert.deepEqual(await dispatch('cancelImport', {}), { ok: true, result: { cancelled: 0 } });
    // And an import after it runs to the end.
    const summary = await archive.importPaths([path.join(folder, 'part-001.jsonl')]);
    assert.deepEqual([summary.cancelled, summary.imported], [undefined, PER_FILE]);
    archive.close();
  });

  test('through the API stops the import that runs', async () => {
    const archive = open('api');
    const dispatch = createDispatch(createHandlers(archive));
    const answers: Array<Promise<unknown>> = [];
    archive.events.on('importProgress', (p: ImportProgress) => {
      if (p.imported > 0 && answers.length === 0) answers.push(dispatch('cancelImport', {}));
    });
    const envelope = await dispatch('importPaths', { paths: [folder] });
    assert.deepEqual(await answers[0], { ok: true, result: { cancelled: 1 } });
    assert.equal(envelope.ok, true);
    const summary = (envelope as { result: { cancelled?: boolean; imported: number } }).result;
    assert.equal(summary.cancelled, true);
    assertKeptWhole(archive, summary.imported);
    archive.close();
  });
});
