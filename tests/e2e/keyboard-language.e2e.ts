/**
 * Keyboard-only search and open, and the Vietnamese ↔ English switch of the whole interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';

const LAW = 'Luật Cư trú số 68/2020/QH14';

test('keyboard only: / focuses the search box, ↓ and Enter open a result', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  const searchbox = page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' });
  await expect(searchbox).not.toBeFocused();

  await page.keyboard.press('/');
  await expect(searchbox).toBeFocused();
  await expect(searchbox).toHaveValue('');

  await page.keyboard.type('luat cu tru');
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  const first = results.getByRole('link').first();
  await expect(first).toHaveText(LAW);

  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/article\//);
  await expect(
    page.getByRole('article', { name: LAW }).getByRole('heading', { level: 1, name: LAW }),
  ).toBeVisible();
});

test('switching the language to English changes the interface and <html lang>', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Ghi chú' }),
  ).toBeVisible();

  const language = page.getByRole('combobox', { name: 'Ngôn ngữ / Language' });
  await language.selectOption({ label: 'English' });

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' })).toHaveCount(0);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Notes' })).toBeVisible();

  // The library and the statistics, in English: the other main screens, for the record.
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await nav.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'library-en.png') });
  await nav.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Archive statistics' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'statistics-en.png') });
  await nav.getByRole('link', { name: 'Search' }).click();

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toBeVisible();
});
