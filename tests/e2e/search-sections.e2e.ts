/**
 * Search marks whole words, hits in a law name their Điều and open the law there, and the
 * reference article's lead (a cut-off copy of its first paragraphs) is shown once. On the bundled
 * sample archive (the reference article and 32 official documents, Luật Cư trú among them).
 */
import fs from 'node:fs';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';

const TITLE = 'Bước tiến mới trong công tác dân vận ở Lạng Sơn';
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

test('"nghi quyet dan van" marks the phrases, in the results and in the article', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await page
    .getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' })
    .fill('nghi quyet dan van');
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  const result = results
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: TITLE }) });
  await expect(result).toBeVisible();

  // The snippet's marks are whole phrases: "Nghị quyết", "dân vận", never a lone syllable.
  const snippetMarks = (await result.locator('.snippet mark').allTextContents()).map(fold);
  expect(snippetMarks.length).toBeGreaterThan(0);
  expect(snippetMarks.every((m) => m === 'nghi quyet' || m === 'dan van')).toBe(true);

  await result.getByRole('link', { name: TITLE }).click();
  const article = page.getByRole('article', { name: TITLE });
  await expect(article.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'nghi quyet dan van' })).toBeVisible();

  const marks = article.locator('mark.search-term');
  await expect(marks.first()).toBeVisible();
  const texts = (await marks.allTextContents()).map(fold);
  // The article has "dân vận" 17 times and "Nghị quyết"/"nghị quyết" 4 times; its lone "dân"
  // (nhân dân, toàn dân) and "vận" (vận động) stay plain.
  expect(texts.filter((t) => t === 'dan van').length).toBeGreaterThanOrEqual(10);
  expect(texts.filter((t) => t === 'nghi quyet').length).toBeGreaterThanOrEqual(3);
  expect(texts.every((t) => t === 'nghi quyet' || t === 'dan van')).toBe(true);

  // The reader can put the marks away.
  await page.getByRole('button', { name: 'Bỏ tô sáng' }).click();
  await expect(article.locator('mark.search-term')).toHaveCount(0);
});

test('a hit in a law names its Điều and khoản and opens the law there', async ({ page, host }) => {
  await openApp(page, host);
  await page
    .getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' })
    .fill('nguoi chua thanh nien co the co noi cu tru khac');
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  const section = results.getByRole('link', {
    name: 'Điều 12. Nơi cư trú của người chưa thành niên — khoản 2',
  });
  await expect(section).toBeVisible();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/law-hit-section.png` });
  await section.click();

  await expect(page).toHaveURL(/#\/article\/[^/]+\/dieu-12-khoan-2$/);
  const article = page.getByRole('article', { name: /Luật Cư trú/ });
  const khoan = article
    .getByRole('paragraph')
    .filter({ hasText: /^2\. Người chưa thành niên có thể có nơi cư trú khác/ });
  await expect(khoan).toBeInViewport();
  // The query stands whole in that khoản: one mark, then its pair "nơi cư trú" further on.
  await expect(khoan.locator('mark.search-term')).toHaveText([
    'Người chưa thành niên có thể có nơi cư trú khác',
    'nơi cư trú',
  ]);
  await page.screenshot({ path: `${SCREENSHOTS}/law-at-dieu.png` });
});

test("the reference article's lead appears once", async ({ page, host }) => {
  await openApp(page, host);
  await page
    .getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' })
    .fill('dan van lang son');
  await page
    .getByRole('list', { name: 'Kết quả tìm kiếm' })
    .getByRole('link', { name: TITLE })
    .click();
  const article = page.getByRole('article', { name: TITLE });
  await expect(article.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const text = await article.innerText();
  expect(text.split('Nhận thức rõ tầm quan trọng của công tác dân vận').length - 1).toBe(1);
  // The body keeps its paragraphs; the glued copy ("nhân dân.Từ") is not on the page.
  expect(text).not.toContain('nhân dân.Từ');
  // Find-in-article counts the sentence once too.
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: /Tìm trong bài/ }).fill('Nhận thức rõ tầm quan trọng');
  await expect(page.locator('mark.find-match')).toHaveCount(1);
});
