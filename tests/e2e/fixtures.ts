/* eslint-disable no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object, empty when there are none. */
/**
 * One fixture for every end-to-end test: a fresh archive in a temp folder, the real browser host
 * (`archive-reader serve`) on a free port, and a page that waits for the app's ready signal.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Host {
  url: string;
  dbPath: string;
  dir: string;
}

async function startHost(options: {
  sample: boolean;
  locale?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<{ host: Host; child: ChildProcess }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-'));
  const dbPath = path.join(dir, 'archive.db');
  const args = ['bin/archive-reader.mjs', '--db', dbPath, 'serve', '--port', '0'];
  if (!options.sample) args.push('--no-sample');
  const child = spawn(process.execPath, args, {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: { ...process.env, LANG: options.locale ?? 'vi_VN.UTF-8', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return { host: { url, dbPath, dir }, child };
}

/** The host ends after its backup on quit (written beside the archive): then the folder goes. */
async function stopHost(child: ChildProcess, dir: string) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Every request the page makes, so a test can assert none leaves this machine. */
export const test = base.extend<{
  host: Host;
  emptyHost: Host;
  /** The sample on a host whose every read waits 1.5 s first (ARCHIVE_READER_READ_DELAY_MS). */
  slowHost: Host;
  app: Page;
  requests: string[];
}>({
  host: async ({}, use) => {
    const { host, child } = await startHost({ sample: true });
    await use(host);
    await stopHost(child, host.dir);
  },
  slowHost: async ({}, use) => {
    const { host, child } = await startHost({
      sample: true,
      env: { ARCHIVE_READER_READ_DELAY_MS: '1500' },
    });
    await use(host);
    await stopHost(child, host.dir);
  },
  emptyHost: async ({}, use) => {
    const { host, child } = await startHost({ sample: false });
    await use(host);
    await stopHost(child, host.dir);
  },
  requests: async ({ page }, use) => {
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await use(urls);
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await use(page);
  },
});

export { expect };

export async function openApp(page: Page, host: Host) {
  await page.goto(host.url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

/** How many articles the host's archive holds, asked of its API from the page. */
export async function archivedArticles(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const response = await fetch('/api/stats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return ((await response.json()) as { result: { articles: number } }).result.articles;
  });
}

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screens');
