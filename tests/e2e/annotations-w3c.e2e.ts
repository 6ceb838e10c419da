/**
 * W3C annotations in the app: import a file from another office into "All notes" (one of its
 * quotes is no longer in the article: an orphan), find the orphan, open its article, select the
 * right passage and attach the note to it; then export the notes of the archive as W3C JSON-LD.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';
import { loadValidators } from '../unit/annotations/w3c-schema';

const TITLE = 'Bước tiến mới trong công tác dân vận ở Lạng Sơn';
const ORPHAN_NOTE = 'Ghi chú của văn phòng huyện';
const GOOD_NOTE = 'Đối chiếu với báo cáo tháng';

test('import W3C annotations, re-attach an orphan, export W3C', async ({ page, host }) => {
  // The file another office sent: built from the article as this archive holds it.
  const call = async (method: string, data: object) =>
    (await (await page.request.post(new URL(`api/${method}`, host.url).href, { data })).json())
      .result;
  const hit = (await call('search', { query: TITLE, limit: 1 })).hits[0];
  const text: string = (await call('getArticle', { id: hit.id })).text;
  const at = text.indexOf('Ban Dân vận Tỉnh ủy');
  expect(at).toBeGreaterThan(0);
  const target = (selector: object) => ({
    source: `urn:archive-reader:article:${hit.id}`,
    selector,
    styleClass: 'green',
  });
  const file = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    total: 2,
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:uuid:2b0f6c1e-5a7d-4c61-9a53-0c6f4d3e9a11',
          type: 'Annotation',
          motivation: 'commenting',
          created: '2024-08-01T08:00:00Z',
          body: { type: 'TextualBody', value: GOOD_NOTE, purpose: 'commenting' },
          target: target([
            { type: 'TextQuoteSelector', exact: 'Ban Dân vận Tỉnh ủy' },
            { type: 'TextPositionSelector', start: at + 3, end: at + 22 },
          ]),
        },
        {
          id: 'urn:uuid:2b0f6c1e-5a7d-4c61-9a53-0c6f4d3e9a12',
          type: 'Annotation',
          motivation: 'commenting',
          created: '2024-08-01T08:05:00Z',
          body: { type: 'TextualBody', value: ORPHAN_NOTE, purpose: 'commenting' },
          target: target({ type: 'TextQuoteSelector', exact: 'một câu đã bị biên tập lại' }),
        },
      ],
    },
  };

  await openApp(page, host);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Ghi chú' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tất cả ghi chú' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập chú thích W3C…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'ghi-chu-huyen.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'thêm 2, cập nhật 0, không đổi 0, 1 chưa gắn được' }),
  ).toBeVisible();

  // Only the orphans: one card, marked, with a link to its article.
  await page.getByRole('checkbox', { name: 'Chỉ hiện ghi chú chưa gắn được (1)' }).check();
  const card = page.getByRole('listitem').filter({ hasText: ORPHAN_NOTE });
  await expect(card).toContainText('Chưa gắn được');
  await expect(page.getByRole('listitem').filter({ hasText: GOOD_NOTE })).toHaveCount(0);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notes-orphans.png') });
  await card.getByRole('link', { name: TITLE }).click();

  // The reader: the re-anchored note is drawn; the orphan waits in its own section.
  const article = page.getByRole('article', { name: TITLE });
  await expect(article.locator('mark')).toHaveText(['Ban Dân vận Tỉnh ủy']);
  const panel = page.getByRole('complementary', { name: 'Ghi chú của bài' });
  const orphans = panel.getByRole('region', { name: /Chưa gắn được/ });
  await expect(orphans.getByText(ORPHAN_NOTE)).toBeVisible();
  const attach = orphans.getByRole('button', { name: /^Gắn vào đoạn đang chọn/ });
  await expect(attach).toBeDisabled();

  // Select the passage the note belongs to, and attach it.
  const paragraph = article.getByRole('paragraph').filter({ hasText: 'Dân vận khéo' }).first();
  const quote = await paragraph.evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      const at = data.indexOf('Dân vận khéo');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Dân vận khéo'.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return range.toString();
      }
    }
    throw new Error('passage not found');
  });
  await expect(attach).toBeEnabled();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-orphan.png') });
  await attach.click();
  await expect(orphans).toHaveCount(0);
  await expect(article.locator('mark')).toHaveText(['Ban Dân vận Tỉnh ủy', quote]);
  await expect(panel.getByText(ORPHAN_NOTE)).toBeVisible();

  // Export every note as W3C Web Annotations: it validates against the model's own schemas.
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Ghi chú' })
    .click();
  await page.getByRole('combobox', { name: 'Định dạng xuất' }).selectOption('w3c');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất ghi chú' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.jsonld$/);
  const doc = JSON.parse(fs.readFileSync(await saved.path(), 'utf8'));
  expect(loadValidators().collection(doc)).toEqual([]);
  const items = doc.first.items as Array<{ id: string; 'ar:orphaned'?: boolean }>;
  expect(items.map((i) => i.id).sort()).toEqual([
    'urn:archive-reader:annotation:2b0f6c1e-5a7d-4c61-9a53-0c6f4d3e9a11',
    'urn:archive-reader:annotation:2b0f6c1e-5a7d-4c61-9a53-0c6f4d3e9a12',
  ]);
  expect(items.some((i) => i['ar:orphaned'])).toBe(false);
});
