/**
 * The desktop app end to end, with Playwright's `_electron`: launch on a fresh profile (the
 * sample archive is copied on first run), search "dan van", open the first result. It needs an
 * Electron binary, which machines without internet beyond the npm registry cannot download: there
 * it reports itself skipped, with the reason. Set ELECTRON_OVERRIDE_DIST_PATH to use a local one.
 *
 * Before running: `npm run build` and `node scripts/rebuild-electron-sqlite.mjs`.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveBridge } from '../../electron/main/bridge';

const root = path.resolve(import.meta.dirname, '../..');
const binary = findElectron();

test.skip(binary.path === null, `Không có tệp Electron trên máy này: ${binary.reason}`);

/** The page's globals; functions passed to page.evaluate run in the page, so they name it inline. */
type InPage = typeof globalThis & { archive: ArchiveBridge };

let app: ElectronApplication;
let profile: string;

test.beforeEach(async () => {
  for (const [file, hint] of [
    ['dist/electron/main/index.js', 'npm run build'],
    ['dist/renderer/index.html', 'npm run build'],
    ['dist/native/electron/better_sqlite3.node', 'node scripts/rebuild-electron-sqlite.mjs'],
  ]) {
    expect(fs.existsSync(path.join(root, file)), `${file} is missing: run ${hint}`).toBe(true);
  }
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-reader-e2e-'));
  app = await electron.launch({
    executablePath: binary.path!,
    args: [root],
    cwd: root,
    env: { ...process.env, ARCHIVE_READER_USER_DATA: profile, LANG: 'vi_VN.UTF-8' },
  });
});

test.afterEach(async () => {
  await app?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

test('opens the sample archive, finds "dan van" and opens the first result', async () => {
  const page = await app.firstWindow();
  const searchbox = page.getByRole('searchbox');
  // The search box is the app's "ready" signal: no sleeping.
  await expect(searchbox).toBeVisible();

  // The first run copied the bundled sample archive, and the bridge reaches it.
  const stats = await page.evaluate(() => (globalThis as InPage).archive.stats({}));
  expect(stats.ok && stats.result.articles).toBeGreaterThan(0);

  const expected = await page.evaluate(() =>
    (globalThis as InPage).archive.search({ query: 'dan van' }),
  );
  if (!expected.ok) throw new Error(expected.error.message);
  expect(expected.result.total).toBeGreaterThan(0);
  const first = expected.result.hits[0];

  await searchbox.fill('dan van');
  await page.getByRole('link', { name: first.title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  await page.screenshot({ path: path.join(root, 'test-results', 'electron-reader.png') });
});

test('the page has no Node and no raw ipcRenderer', async () => {
  const page = await app.firstWindow();
  const leaks = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    ipc: Object.keys((globalThis as InPage).archive).filter((key) => /ipc|invoke|send/i.test(key)),
  }));
  expect(leaks).toEqual({ require: 'undefined', process: 'undefined', ipc: [] });
});

/** The Electron executable without triggering a download (require('electron') would try one). */
function findElectron(): { path: string | null; reason: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  const nameFile = path.join(pkg, 'path.txt');
  const name = fs.existsSync(nameFile) ? fs.readFileSync(nameFile, 'utf8') : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = path.join(override || path.join(pkg, 'dist'), name);
  if (fs.existsSync(candidate)) return { path: candidate, reason: '' };
  return {
    path: null,
    reason: override
      ? `ELECTRON_OVERRIDE_DIST_PATH does not contain ${name} (${candidate})`
      : `${candidate} does not exist (electron ≥ 45 downloads it on first launch, which needs the internet; or set ELECTRON_OVERRIDE_DIST_PATH)`,
  };
}
