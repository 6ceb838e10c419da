/**
 * Reading a law: a real one (Luật Cư trú 68/2020/QH14, tests/fixtures/law/) is imported into an
 * empty archive; the citation query "dieu 12 luat cu tru" offers its place and Enter opens the
 * law at Điều 12; the table of contents follows the scroll and is worked with the keyboard; a
 * Điều and a selected passage are copied with their citation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/law/vlc-luat-cu-tru.json');
const LAW = 'Luật Cư trú số 68/2020/QH14';

test('a citation query opens the law at its Điều; the contents and copy with citation', async ({
  page,
  emptyHost,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(emptyHost.url).origin,
  });
  const record = fs.readFileSync(FIXTURE, 'utf8');
  const line = JSON.stringify(JSON.parse(record)) + '\n';
  const reply = await page.request.post(new URL('api/importFiles', emptyHost.url).href, {
    data: { files: [{ name: 'luat-cu-tru.jsonl', base64: Buffer.from(line).toString('base64') }] },
  });
  expect((await reply.json()).result.imported).toBe(1);

  await openApp(page, emptyHost);
  const searchbox = page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' });
  await searchbox.fill('dieu 12 luat cu tru');
  const open = page.getByRole('link', { name: `Mở Điều 12 ${LAW}` });
  await expect(open).toBeVisible();
  await searchbox.press('Enter');

  await expect(page).toHaveURL(/#\/article\/[^/]+\/dieu-12$/);
  const dieu12 = page.locator('#dieu-12');
  await expect(dieu12).toHaveText(/^Điều 12\. Nơi cư trú của người chưa thành niên/);
  await expect(dieu12).toBeInViewport();
  await expect(dieu12).toBeFocused();

  // The contents: a navigation landmark; the Điều being read is marked.
  const toc = page.getByRole('navigation', { name: 'Mục lục' });
  await expect(toc).toBeVisible();
  await expect(toc.getByRole('link', { name: /^Chương III/ })).toBeVisible();
  const current = toc.locator('a[aria-current="location"]');
  await expect(current).toHaveText(/^Điều 12/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'law-dieu-12.png') });

  // Scrolling the text moves the mark.
  await page.evaluate(() => {
    const main = document.getElementById('main')!;
    const target = document.getElementById('dieu-20')!;
    main.scrollTop += target.getBoundingClientRect().top - main.getBoundingClientRect().top - 10;
  });
  await expect(current).toHaveText(/^Điều 20/);

  // Keyboard: Tab reaches the contents' links; Enter on one opens that Điều and updates the hash.
  const link = toc.getByRole('link', { name: /^Điều 24 Xóa đăng ký thường trú/ });
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/article\/[^/]+\/dieu-24$/);
  await expect(page.locator('#dieu-24')).toBeInViewport();
  await expect(page.locator('#dieu-24')).toBeFocused();
  await expect(current).toHaveText(/^Điều 24/);

  // Copy a whole Điều with its citation (the button at its heading).
  await page.getByRole('button', { name: 'Sao chép Điều 12 kèm trích dẫn' }).click();
  await expect(page.getByRole('alert')).toContainText('Đã sao chép kèm trích dẫn');
  const article = await page.evaluate(() => navigator.clipboard.readText());
  expect(article.startsWith('Điều 12. Nơi cư trú của người chưa thành niên\n1. ')).toBe(true);
  expect(article.endsWith(`\n\n(Điều 12 ${LAW})`)).toBe(true);

  // Select a passage inside khoản 2 of Điều 12 and copy it with its citation.
  await page.evaluate(() => {
    const p = document.getElementById('dieu-12-khoan-2')!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode()!;
    const range = document.createRange();
    range.setStart(node, 3);
    range.setEnd(node, 40);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  const toolbar = page.getByRole('toolbar');
  await toolbar.getByRole('button', { name: 'Sao chép kèm trích dẫn' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(
      new RegExp(
        `^Người chưa thành niên .+\\n\\n\\(Khoản 2 Điều 12 ${LAW.replace(/\//g, '\\/')}\\)$`,
      ),
    );
});

test('a link to a Điều opens the law there; the contents in English', async ({ page, host }) => {
  // The bundled sample archive holds Luật Cư trú; the search API names the place.
  const reply = await page.request.post(new URL('api/search', host.url).href, {
    data: { query: 'khoan 2 dieu 20 luat cu tru' },
  });
  const goto = (await reply.json()).result.goto;
  expect(goto).toMatchObject({ anchor: 'dieu-20-khoan-2', label: `Khoản 2 Điều 20 ${LAW}` });

  await openApp(page, host);
  await page
    .getByRole('combobox', { name: 'Ngôn ngữ / Language' })
    .selectOption({ label: 'English' });
  await page.goto(`${host.url}#/article/${goto.articleId}/${goto.anchor}`);
  const khoan = page.locator('#dieu-20-khoan-2');
  await expect(khoan).toHaveText(/^2\. /);
  await expect(khoan).toBeInViewport();
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc.locator('a[aria-current="location"]')).toHaveText(/^Điều 20/);
  await expect(page.getByRole('button', { name: 'Copy Điều 20 with citation' })).toBeVisible();
});
