/**
 * Archive bundles through the API contract, as the desktop app and the browser host call it:
 * bytes for a download and an upload, paths on this machine, and the host policies.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { createDispatch, type Dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import type { BundleExportResult, BundleImportReport } from '../../electron/api/contract';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';

let dir: string;
let a: Archive;
let apiA: Dispatch;
let seedId: string;

async function call<T>(api: Dispatch, method: string, input: unknown): Promise<T> {
  const envelope = await api(method, input);
  if (!envelope.ok) assert.fail(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.result as T;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-api-test-'));
  fs.writeFileSync(
    path.join(dir, 'news.jsonl'),
    JSON.stringify({ id: 'r1', title: 'Hội nghị dân vận khéo', body: 'Huyện biểu dương.' }),
  );
  a = Archive.open(path.join(dir, 'a.db'));
  seedId = (await a.importPaths([SEED, path.join(dir, 'news.jsonl')])).articleIds[0];
  a.setCollections(seedId, ['Lạng Sơn']);
  a.annotate({ articleId: seedId, kind: 'highlight', selector: { exact: 'dân vận' } });
  apiA = createDispatch(createHandlers(a));
});
after(() => {
  a.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bundles through the API', () => {
  test('exportBundle gives bytes to download; importBundle takes them back', async () => {
    const made = await call<BundleExportResult>(apiA, 'exportBundle', { collection: 'Lạng Sơn' });
    assert.match(made.filename, /^archive-.*-lang-son\.arbundle$/);
    assert.equal(made.path, null);
    assert.deepEqual([made.counts.articles, made.counts.annotations], [1, 1]);
    const fresh = Archive.open(path.join(dir, 'b.db'));
    try {
      const report = await call<BundleImportReport>(
        createDispatch(createHandlers(fresh)),
        'importBundle',
        { name: made.filename, base64: made.base64 },
      );
      assert.equal(report.articles.added, 1);
      assert.equal(report.annotations.added, 1);
      assert.deepEqual(fresh.getArticle(seedId).collections, ['Lạng Sơn']);
    } finally {
      fresh.close();
    }
  });

  test('the desktop app writes to the path chosen and imports from a path', async () => {
    const file = path.join(dir, 'chosen.arbundle');
    const made = await call<BundleExportResult>(apiA, 'exportBundleToPath', { path: file });
    assert.deepEqual([made.path, made.base64, made.counts.articles], [file, null, 2]);
    const fresh = Archive.open(path.join(dir, 'c.db'));
    try {
      const report = await call<BundleImportReport>(
        createDispatch(createHandlers(fresh)),
        'importBundlePath',
        { path: file },
      );
      assert.equal(report.articles.added, 2);
    } finally {
      fresh.close();
    }
  });

  test('an upload that is not a bundle is an error envelope with one sentence', async () => {
    const envelope = await apiA('importBundle', {
      name: 'bai-bao.txt',
      base64: fs.readFileSync(SEED).toString('base64'),
    });
    assert.ok(!envelope.ok);
    assert.equal(envelope.error.code, 'bundle.not-bundle');
    assert.match(envelope.error.message, /bai-bao\.txt không phải là gói lưu trữ/);
  });

  test('a host that serves other machines refuses paths on this one', async () => {
    const remote = createDispatch(createHandlers(a), { remote: true });
    for (const [method, input] of [
      ['exportBundleToPath', { path: path.join(dir, 'x.arbundle') }],
      ['importBundlePath', { path: path.join(dir, 'chosen.arbundle') }],
      ['getInbox', {}],
      ['setInbox', { dir }],
    ] as const) {
      const envelope = await remote(method, input);
      assert.ok(!envelope.ok && envelope.error.code === 'api.forbidden', method);
    }
    assert.ok((await remote('exportBundle', {})).ok, 'a download is still offered');
    const readOnly = createDispatch(createHandlers(a), { readOnly: true });
    const envelope = await readOnly('importBundle', { name: 'x.arbundle', base64: '' });
    assert.ok(!envelope.ok && envelope.error.code === 'api.read-only');
  });
});
