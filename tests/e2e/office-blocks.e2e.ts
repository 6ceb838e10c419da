/**
 * Office documents in the reader: an article read from a Word file (its heading, numbered and
 * nested list, table, footnotes and pages, a title derived from its address, the file kept) is
 * written into the served archive as an office reader would give it; the reader shows each block
 * as what it is, the derived-title mark and its rename, a highlight inside a table cell, and
 * "Mở tệp gốc" downloads the very file. A saved page without a title, imported through the
 * interface, keeps its heading, list and table too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';
import { Archive } from '../../electron/core/archive/archive';
import { articleId } from '../../electron/core/archive/ids';
import { makeDraft, type OriginalBytes } from '../../electron/core/importers/draft';
import type { ArticleDraft, Block } from '../../electron/core/model';

const DOCX = path.resolve(import.meta.dirname, '../fixtures/originals/van-ban.docx');

const BLOCKS: Block[] = [
  { type: 'p', text: 'Ủy ban nhân dân xã ban hành kế hoạch dân vận năm 2025.', page: 1 },
  { type: 'heading', level: 1, text: 'Điều 1. Mục tiêu', page: 1 },
  { type: 'li', text: '1. Hoàn thành đường thôn Nà Lầu;', ordered: true, depth: 0, page: 1 },
  { type: 'li', text: 'a) đổ bê tông 2 km;', ordered: true, depth: 1, page: 1 },
  { type: 'li', text: '2. Xây nhà văn hóa thôn Khuổi Ma.', ordered: true, depth: 0, page: 1 },
  { type: 'heading', level: 2, text: 'Kinh phí thực hiện', page: 2 },
  {
    type: 'table',
    rows: [
      ['Hạng mục', 'Kinh phí'],
      ['Đường giao thông', '1.200 triệu đồng'],
      ['Nhà văn hóa', '850 triệu đồng'],
    ],
    page: 2,
  },
  { type: 'p', text: 'Các thôn họp dân để thống nhất cách làm.', page: 3 },
  {
    type: 'footnote',
    label: '1',
    text: 'Theo Nghị quyết số 12 của Hội đồng nhân dân xã.',
    page: 3,
  },
];

/** The served archive, written beside the host as an import of an office file would write it. */
async function seed(dbPath: string, draft: ArticleDraft, original?: OriginalBytes) {
  const archive = Archive.open(dbPath);
  try {
    await archive.importItems([
      {
        from: draft.sourceId,
        items: (async function* () {
          yield { ok: true as const, draft, where: draft.sourceId, original };
        })(),
      },
    ]);
  } finally {
    archive.close();
  }
}

test('headings, lists, tables, footnotes, pages, a derived title and the original', async ({
  page,
  emptyHost: host,
}) => {
  const bytes = fs.readFileSync(DOCX);
  const draft = makeDraft({
    title: 'Ke hoach dan van nam 2025',
    titleOrigin: 'slug',
    blocks: BLOCKS,
    pageCount: 3,
    sourceId: 'ke-hoach-dan-van.docx',
  });
  await seed(host.dbPath, draft, {
    bytes,
    name: 'Kế hoạch dân vận.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  const id = articleId(draft);

  await openApp(page, host);
  await page.goto(`${host.url}#/article/${id}`);
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(draft.title);
  await expect(article.getByText('Tiêu đề tự đặt')).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: 'Điều 1. Mục tiêu' })).toBeVisible();
  await expect(
    article.getByRole('heading', { level: 3, name: 'Kinh phí thực hiện' }),
  ).toBeVisible();

  const lists = article.getByRole('list');
  await expect(lists).toHaveCount(2); // the list and the item's nested list
  await expect(lists.first().getByRole('listitem')).toHaveCount(3);
  await expect(lists.nth(1).getByRole('listitem')).toHaveText(['a) đổ bê tông 2 km;']);

  const table = article.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('cell', { name: 'Đường giao thông' })).toBeVisible();
  await expect(article.getByRole('region', { name: 'Bảng' })).toBeVisible();

  await expect(article.getByRole('region', { name: 'Chú thích' })).toContainText(
    'Theo Nghị quyết số 12',
  );
  await expect(article.getByRole('separator')).toHaveText(['Trang 1', 'Trang 2', 'Trang 3']);
  await expect(article.getByText('Số trang')).toBeVisible();

  // A highlight inside a table cell anchors on the table's canonical text.
  const cell = table.getByRole('cell', { name: '1.200 triệu đồng' });
  await cell.locator('span[data-start]').evaluate((span) => {
    const range = document.createRange();
    range.selectNodeContents(span);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await page.getByRole('button', { name: 'Vàng' }).click();
  await expect(cell.locator('mark.hl')).toHaveText('1.200 triệu đồng');
  const annotations = (
    await (
      await page.request.post(new URL('api/listAnnotations', host.url).href, {
        data: { articleId: id },
      })
    ).json()
  ).result.items;
  expect(annotations.map((a: { selector: { exact: string } }) => a.selector.exact)).toEqual([
    '1.200 triệu đồng',
  ]);

  await page.screenshot({ path: path.join(SCREENSHOTS, 'office-blocks.png'), fullPage: true });

  // "Mở tệp gốc" downloads the kept file, byte for byte, under its own name.
  const downloading = page.waitForEvent('download');
  await article.getByRole('link', { name: 'Mở tệp gốc' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Kế hoạch dân vận.docx');
  expect(fs.readFileSync(await download.path()).equals(bytes)).toBe(true);

  // The derived title renamed: the mark goes.
  await article.getByRole('button', { name: 'Đổi tên' }).click();
  const input = article.getByRole('textbox', { name: 'Tiêu đề mới' });
  await input.fill('Kế hoạch dân vận năm 2025');
  await article.getByRole('button', { name: 'Lưu tiêu đề' }).click();
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Kế hoạch dân vận năm 2025');
  await expect(article.getByText('Tiêu đề tự đặt')).toHaveCount(0);
});

test('a saved page without a title keeps its heading, list and table', async ({
  page,
  emptyHost: host,
}) => {
  const html = `<!doctype html><html><head>
    <link rel="canonical" href="https://baolangson.vn/xa-hoi/xa-binh-gia-lam-duong-thon-5012399.html"></head>
    <body><article>
    <p>Xã Bình Gia vừa khởi công tuyến đường bê tông nối các thôn vùng cao, do người dân góp ngày công cùng Nhà nước.</p>
    <h2>Kinh phí</h2>
    <ul><li>Ngân sách tỉnh hỗ trợ xi măng;</li><li>Người dân góp ngày công.</li></ul>
    <table><tr><th>Thôn</th><th>Số mét</th></tr><tr><td>Nà Lầu</td><td>800</td></tr></table>
    <p>Tuyến đường dự kiến hoàn thành trước mùa mưa năm nay, giúp bà con đi lại và vận chuyển nông sản thuận lợi hơn.</p>
    </article></body></html>`;
  await openApp(page, host);
  const summary = (
    await (
      await page.request.post(new URL('api/importFiles', host.url).href, {
        data: {
          files: [{ name: 'duong-thon.html', base64: Buffer.from(html).toString('base64') }],
        },
      })
    ).json()
  ).result;
  expect(summary.imported).toBe(1);
  await page.goto(`${host.url}#/article/${summary.articleIds[0]}`);
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Xa binh gia lam duong thon');
  await expect(article.getByText('Tiêu đề tự đặt')).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: 'Kinh phí' })).toBeVisible();
  await expect(article.getByRole('list').getByRole('listitem')).toHaveCount(2);
  await expect(article.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(article.getByRole('link', { name: 'Mở tệp gốc' })).toHaveCount(0);
});

test('text read from a scan says so, with its confidence', async ({ page, emptyHost: host }) => {
  const png = path.resolve(import.meta.dirname, '../fixtures/originals/van-ban-trang-1.png');
  const draft = makeDraft({
    title: 'Luật Đảm bảo quyền tự do thân thể',
    blocks: [
      { type: 'p', text: 'Điều 1. Quyền tự do thân thể của công dân được tôn trọng.', page: 1 },
    ],
    pageCount: 1,
    recognition: { engine: 'tesseract', confidence: 91.6, pages: [1] },
    sourceId: 'van-ban-trang-1.png',
  });
  await seed(host.dbPath, draft, {
    bytes: fs.readFileSync(png),
    name: 'van-ban-trang-1.png',
    mediaType: 'image/png',
  });
  await openApp(page, host);
  await page.goto(`${host.url}#/article/${articleId(draft)}`);
  const article = page.getByRole('article');
  await expect(article.getByRole('note')).toHaveText(
    'Văn bản được nhận dạng từ ảnh quét (độ tin cậy 92 %)',
  );
  await expect(article.getByText('Tiêu đề tự đặt')).toHaveCount(0);
  await expect(article.getByRole('link', { name: 'Mở tệp gốc' })).toBeVisible();
});

test('on a narrow screen a wide table scrolls in its own region, the page does not', async ({
  page,
  emptyHost: host,
}) => {
  const cells = (r: number) =>
    Array.from({ length: 8 }, (_, c) => `<td>Thôn số ${c + 1}, năm ${2018 + r}</td>`).join('');
  const html = `<html><head><title>Số hộ nghèo theo thôn qua các năm</title></head><body><article>
    <p>Bảng dưới đây tổng hợp số hộ nghèo của từng thôn trong xã qua các năm, theo báo cáo của các trưởng thôn.</p>
    <table>${[0, 1, 2].map((r) => `<tr>${cells(r)}</tr>`).join('')}</table>
    <p>Số hộ nghèo giảm đều ở tất cả các thôn nhờ các chương trình hỗ trợ sinh kế và vay vốn ưu đãi của Nhà nước.</p>
    </article></body></html>`;
  await page.setViewportSize({ width: 360, height: 700 });
  await openApp(page, host);
  const summary = (
    await (
      await page.request.post(new URL('api/importFiles', host.url).href, {
        data: { files: [{ name: 'ho-ngheo.html', base64: Buffer.from(html).toString('base64') }] },
      })
    ).json()
  ).result;
  await page.goto(`${host.url}#/article/${summary.articleIds[0]}`);
  const region = page.getByRole('region', { name: 'Bảng' });
  await expect(region.getByRole('table').getByRole('row')).toHaveCount(3);
  const sizes = await region.evaluate((el) => ({
    content: el.scrollWidth,
    shown: el.clientWidth,
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(sizes.content).toBeGreaterThan(sizes.shown);
  expect(sizes.page).toBeLessThanOrEqual(sizes.window);
});
