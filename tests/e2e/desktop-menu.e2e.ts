/**
 * The desktop app's native menu, in the real renderer: the page is given a `window.archive`
 * bridge like the preload's, each contract method forwarded to the browser host's HTTP API (the
 * same Envelopes), host events read from its event stream, and `on()` recording callbacks so the
 * test can fire the menu's events as the main process would. The menu's imports go through the
 * page's one import flow; the theme, the language and the Help menu's dialogs follow the menu.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { methodNames } from '../../electron/api/contract';
import { bridgeEventNames, type MenuEvents } from '../../electron/main/bridge';
import { test, expect, openApp, type Host } from './fixtures';

declare global {
  interface Window {
    /** Test hooks of the fake bridge. */
    __menu: {
      fire(event: string, data: unknown): void;
      calls: Array<{ method: string; input: unknown }>;
      /** While true, an `importPaths` answer waits for `release()` (the host has already run it). */
      hold: boolean;
      release(): void;
    };
  }
}

/** A bridge shaped like electron/preload/index.ts, over the host's HTTP API. */
async function installBridge(page: Page) {
  await page.addInitScript(
    ({ methods, events }) => {
      const token = new URLSearchParams(window.location.search).get('token');
      const auth: Record<string, string> = token ? { 'X-Archive-Token': token } : {};
      const callbacks = new Map<string, Set<(data: unknown) => void>>();
      const emit = (event: string, data: unknown) => {
        for (const callback of callbacks.get(event) ?? []) callback(data);
      };

      // The host's events (importProgress, indexProgress) as the main process would forward them.
      let streaming = false;
      const stream = async () => {
        if (streaming) return;
        streaming = true;
        const response = await fetch('/api/events', {
          headers: { Accept: 'text/event-stream', ...auth },
          cache: 'no-store',
        });
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          const records = buffer.split('\n\n');
          buffer = records.pop() ?? '';
          for (const record of records) {
            let event = '';
            let data = '';
            for (const line of record.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (event && data) emit(event, JSON.parse(data));
          }
        }
      };

      let release: () => void = () => {};
      const hooks: Window['__menu'] = {
        fire: emit,
        calls: [],
        hold: false,
        release: () => release(),
      };

      const bridge: Record<string, unknown> = {};
      for (const method of methods) {
        bridge[method] = async (input: unknown) => {
          hooks.calls.push({ method, input });
          const response = await fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...auth },
            body: JSON.stringify(input ?? {}),
          });
          const envelope: unknown = await response.json();
          if (method === 'importPaths' && hooks.hold) {
            await new Promise<void>((resolve) => (release = resolve));
          }
          return envelope;
        };
      }
      bridge.on = (event: string, callback: (data: unknown) => void) => {
        if (!events.includes(event) || typeof callback !== 'function') {
          throw new TypeError(`Unknown event: ${String(event)}`);
        }
        if (!callbacks.has(event)) callbacks.set(event, new Set());
        callbacks.get(event)!.add(callback);
        if (event === 'importProgress' || event === 'indexProgress') void stream();
        return () => {
          callbacks.get(event)?.delete(callback);
        };
      };
      // Nothing is dropped or picked in these tests: a File here has no path on this machine.
      bridge.pathForFile = () => '';
      Object.defineProperty(window, 'archive', { value: bridge });
      Object.defineProperty(window, '__menu', { value: hooks });
    },
    { methods: [...methodNames] as string[], events: [...bridgeEventNames] as string[] },
  );
}

async function fire<E extends keyof MenuEvents>(page: Page, event: E, data: MenuEvents[E]) {
  await page.evaluate(([e, d]) => window.__menu.fire(e, d), [event, data] as const);
}

async function open(page: Page, host: Host) {
  await installBridge(page);
  await openApp(page, host);
  // The page took the bridge, not HTTP: its first calls went through it.
  expect(await page.evaluate(() => window.__menu.calls.length)).toBeGreaterThan(0);
}

const FILE_TITLE = 'Hợp tác xã Xuân Thọ đưa khoai tây thủy canh lên cao nguyên';
const FOLDER_TITLE = 'Làng gốm Chu Đậu khôi phục men lam cổ';

function jsonl(file: string, title: string, body: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const record = { title, body, date: '2024-05-12', source: 'Báo Thử Nghiệm' };
  fs.writeFileSync(file, JSON.stringify(record) + '\n');
}

test('File → Import files… and Import folder… run the page import: progress, cancel button, summary, then search', async ({
  page,
  host,
}, testInfo) => {
  const file = testInfo.outputPath('chon-tep', 'khoai-tay.jsonl');
  jsonl(
    file,
    FILE_TITLE,
    'Các xã viên Xuân Thọ trồng khoai tây thủy canh trong nhà màng, năng suất gấp đôi.',
  );
  const folder = testInfo.outputPath('chon-thu-muc');
  jsonl(
    path.join(folder, 'gom', 'chu-dau.jsonl'),
    FOLDER_TITLE,
    'Nghệ nhân Chu Đậu tìm lại công thức men lam sau nhiều năm thử nghiệm.',
  );

  await open(page, host);

  // Import files…: the page's progress bar and its cancel button, held until the test lets go.
  await page.evaluate(() => (window.__menu.hold = true));
  await fire(page, 'menu:import-files', { paths: [file] });
  await expect(page.getByRole('status').filter({ hasText: 'Đang nhập' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hủy nhập' })).toBeVisible();
  const calls = await page.evaluate(() =>
    window.__menu.calls.filter((c) => /^import/.test(c.method)),
  );
  expect(calls).toEqual([{ method: 'importPaths', input: { paths: [file] } }]);
  await page.evaluate(() => {
    window.__menu.hold = false;
    window.__menu.release();
  });

  const summary = page.getByRole('dialog', { name: 'Kết quả nhập tài liệu' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('definition')).toHaveText(['1', '0', '0']);
  await expect(page.getByRole('button', { name: 'Hủy nhập' })).toHaveCount(0);
  await summary.getByRole('button', { name: 'Đóng' }).click();
  await expect(summary).toHaveCount(0);

  const searchbox = page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' });
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  await searchbox.fill('khoai tay thuy canh');
  await expect(results.getByRole('link', { name: FILE_TITLE })).toBeVisible();

  // Import folder…: the folder is walked by the host, its file imported.
  await fire(page, 'menu:import-folder', { paths: [folder] });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('definition')).toHaveText(['1', '0', '0']);
  await summary.getByRole('link', { name: 'Mở bài đầu tiên' }).click();
  await expect(
    page.getByRole('article', { name: FOLDER_TITLE }).getByRole('heading', { level: 1 }),
  ).toHaveText(FOLDER_TITLE);

  // The same file again is a duplicate; a path that is gone fails with one sentence naming it.
  const missing = testInfo.outputPath('khong-co', 'mat-tich.jsonl');
  await fire(page, 'menu:import-files', { paths: [file, missing] });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('definition')).toHaveText(['0', '1', '1']);
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await expect(summary.getByRole('listitem')).toContainText(missing);
  await page.keyboard.press('Escape');
  await expect(summary).toHaveCount(0);

  // The progress bar's "Hủy nhập" cancels a menu import too, and the summary says so.
  const later = testInfo.outputPath('chon-sau', 'muon.jsonl');
  jsonl(later, 'Bài nhập sau cùng để thử nút hủy', 'Nội dung ngắn của bài thử nút hủy nhập.');
  await page.evaluate(() => (window.__menu.hold = true));
  await fire(page, 'menu:import-files', { paths: [later] });
  await page.getByRole('button', { name: 'Hủy nhập' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đang hủy nhập…' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.__menu.calls.map((c) => c.method)))
    .toContain('cancelImport');
  await page.evaluate(() => window.__menu.release());
  const stopped = page.getByRole('dialog', { name: 'Đã dừng nhập tài liệu' });
  await expect(stopped).toBeVisible();
  await expect(stopped.getByText(/^Đã hủy nhập; giữ lại \d+ bài đã nhập\.$/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(stopped).toHaveCount(0);
});

test('View → Theme and Language, Help → Keyboard shortcuts and About follow the menu', async ({
  page,
  host,
}) => {
  await open(page, host);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'vi');

  // Theme: the page's own setting changes (the reader's theme control shows it), and is kept.
  await expect(html).toHaveAttribute('data-theme', 'light');
  await fire(page, 'menu:theme', 'dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' }).fill('luat cu tru');
  await page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('link').first().click();
  await expect(page.getByRole('combobox', { name: 'Giao diện' })).toHaveValue('dark');
  await fire(page, 'menu:theme', 'sepia');
  await expect(page.getByRole('combobox', { name: 'Giao diện' })).toHaveValue('sepia');
  await expect(html).toHaveAttribute('data-theme', 'sepia');

  // About, in Vietnamese: named, with the version; the Close button returns focus.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  const libraryLink = nav.getByRole('link', { name: 'Thư viện' });
  await libraryLink.focus();
  await fire(page, 'menu:about', { version: '9.8.7' });
  const aboutVi = page.getByRole('dialog', { name: 'Giới thiệu Kho lưu trữ' });
  await expect(aboutVi).toBeVisible();
  await expect(aboutVi).toContainText('Phiên bản 9.8.7');
  await expect(aboutVi.getByRole('button', { name: 'Đóng' })).toBeFocused();
  await aboutVi.getByRole('button', { name: 'Đóng' }).click();
  await expect(aboutVi).toHaveCount(0);
  await expect(libraryLink).toBeFocused();

  // Language: the whole interface switches, the page's own switch shows it too.
  await fire(page, 'menu:language', 'en');
  await expect(html).toHaveAttribute('lang', 'en');
  const navEn = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navEn.getByRole('link', { name: 'Notes' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('sepia');
  await expect(page.getByRole('combobox', { name: 'Ngôn ngữ / Language' })).toHaveValue('en');
  await navEn.getByRole('link', { name: 'Search' }).click();
  const searchbox = page.getByRole('searchbox', { name: 'Search the archive' });
  await expect(searchbox).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' })).toHaveCount(0);

  // About, in English: Escape closes it and focus is back in the search box.
  await searchbox.focus();
  await fire(page, 'menu:about', { version: '9.8.7' });
  const about = page.getByRole('dialog', { name: 'About Archive Reader' });
  await expect(about).toBeVisible();
  await expect(about).toContainText('Version 9.8.7');
  await page.keyboard.press('Escape');
  await expect(about).toHaveCount(0);
  await expect(searchbox).toBeFocused();

  // Keyboard shortcuts: the page's real ones, in a dialog; Escape closes it.
  await fire(page, 'menu:shortcuts', {});
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  const everywhere = shortcuts.getByRole('table', { name: 'Everywhere' });
  await expect(everywhere.getByRole('row', { name: '/ Go to the search box' })).toBeVisible();
  await expect(
    shortcuts.getByRole('table', { name: 'Reading an article' }).getByRole('row').nth(1),
  ).toContainText('Find in the article');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);
  await expect(searchbox).toBeFocused();

  // One dialog at a time: the next menu item replaces it, and focus still returns on Escape.
  await fire(page, 'menu:about', { version: '9.8.7' });
  await expect(about).toBeVisible();
  await fire(page, 'menu:shortcuts', {});
  await expect(shortcuts).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(searchbox).toBeFocused();

  // Back to Vietnamese from the menu; the choices survive a reload.
  await fire(page, 'menu:language', 'vi');
  await expect(html).toHaveAttribute('lang', 'vi');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(html).toHaveAttribute('data-theme', 'sepia');
  await fire(page, 'menu:shortcuts', {});
  await expect(page.getByRole('dialog', { name: 'Phím tắt' })).toBeVisible();
});
