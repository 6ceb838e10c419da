/**
 * A damaged archive in the browser host: the page says so in one sentence and offers the newest
 * automatic backup; the button restores it and the app opens on it.
 */
import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'resources', 'sample', 'archive.db');

let dir: string;
let dbPath: string;
let child: ChildProcess | null = null;

test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-damaged-'));
  dbPath = path.join(dir, 'archive.db');
  fs.copyFileSync(SAMPLE, dbPath);
  const backup = spawnSync(process.execPath, ['bin/archive-reader.mjs', '--db', dbPath, 'backup'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(backup.status, backup.stderr).toBe(0);
  // Garbage over the first page of the annotations table: found at open.
  const db = new Database(dbPath, { readonly: true });
  const { pageno } = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'annotations' LIMIT 1")
    .get() as { pageno: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
  fs.closeSync(fd);
});

test.afterEach(async () => {
  // The host ends after its backup on quit, written beside the archive: then the folder goes.
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(): Promise<string> {
  child = spawn(
    process.execPath,
    ['bin/archive-reader.mjs', '--db', dbPath, 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, LANG: 'vi_VN.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise<string>((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (match) resolve(match[0]);
    });
    child!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child!.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}

test('a damaged archive: the sentence, and a button that restores the newest backup', async ({
  page,
}) => {
  await page.goto(await serve());
  const view = page.getByRole('main', { name: 'Kho lưu trữ bị hỏng' });
  await expect(view).toBeVisible();
  await expect(view).toContainText('đã bị hỏng; có thể khôi phục bản sao lưu tự động mới nhất');
  await view.getByRole('button', { name: 'Khôi phục bản sao lưu mới nhất' }).click();

  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  await expect(page.getByRole('main', { name: 'Kho lưu trữ bị hỏng' })).toHaveCount(0);
  expect(fs.existsSync(`${dbPath}.before-restore`)).toBe(true);
});
