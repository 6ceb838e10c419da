/**
 * The main flow on the bundled sample archive: search → open the reference article → highlight a
 * sentence → add a note → reload → find the note in "All notes" → export Markdown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';

const TITLE = 'Bước tiến mới trong công tác dân vận ở Lạng Sơn';
const NOTE = 'Ghi chú kiểm thử: phối hợp dân vận ở cơ sở';

test('search, read, highlight, note, reload, all notes, export', async ({ page, host }) => {
  await openApp(page, host);

  // Search without accents.
  const searchbox = page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' });
  await searchbox.fill('dan van');
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  const resultLink = results.getByRole('link', { name: TITLE });
  await expect(resultLink).toBeVisible();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'search-results.png') });

  // Open it: title, date, author, figure caption with the photo credit.
  await resultLink.click();
  const article = page.getByRole('article', { name: TITLE });
  await expect(article.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(article.getByRole('definition').filter({ hasText: '21/07/2024' })).toBeVisible();
  await expect(article.getByRole('definition').filter({ hasText: 'Trung Xuân' })).toBeVisible();
  const figure = article.getByRole('figure').first();
  await expect(figure).toBeVisible();
  await expect(figure).toContainText('Dương Nguyên');

  // Select the first sentence of the first body paragraph that has one.
  const paragraph = article
    .getByRole('paragraph')
    .filter({ hasText: 'Ban Dân vận Tỉnh ủy' })
    .first();
  await expect(paragraph).toBeVisible();
  const quote = await paragraph.evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      const end = data.indexOf('. ');
      if (end > 20) {
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, end + 1);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return data.slice(0, end + 1);
      }
    }
    throw new Error('no sentence found in the paragraph');
  });
  expect(quote.length).toBeGreaterThan(20);

  const toolbar = page.getByRole('toolbar', { name: 'Tô sáng và ghi chú' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Vàng' }).click();

  const mark = article.locator('mark').filter({ hasText: quote.slice(0, 30) });
  await expect(mark.first()).toBeVisible();
  // Highlights only: the words searched for are marked too (mark.search-term).
  await expect(article.locator('mark.hl')).toHaveText([quote]);

  // Add a note to the highlight from the article's annotation panel.
  const panel = page.getByRole('complementary', { name: 'Ghi chú của bài' });
  await panel.getByRole('button', { name: 'Thêm ghi chú' }).click();
  await panel.getByRole('textbox', { name: 'Ghi chú' }).fill(NOTE);
  await panel.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(panel.getByText(NOTE)).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-highlight.png') });

  // Reload: the highlight and the note are still there.
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const articleAgain = page.getByRole('article', { name: TITLE });
  await expect(articleAgain.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(articleAgain.locator('mark')).toHaveText([quote]);
  const panelAgain = page.getByRole('complementary', { name: 'Ghi chú của bài' });
  await expect(panelAgain.getByText(NOTE)).toBeVisible();

  // All notes: search the note text.
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Ghi chú' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tất cả ghi chú' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Tìm trong ghi chú' }).fill('phối hợp dân vận');
  await expect(page.getByRole('status').filter({ hasText: '1 ghi chú' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: NOTE });
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: TITLE })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'all-notes.png') });

  // Export as Markdown.
  await expect(page.getByRole('combobox', { name: 'Định dạng xuất' })).toHaveValue('markdown');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất ghi chú' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const file = await download.path();
  const markdown = fs.readFileSync(file, 'utf8');
  expect(markdown).toContain(quote);
  expect(markdown).toContain(NOTE);
  expect(markdown).toContain(TITLE);
});
