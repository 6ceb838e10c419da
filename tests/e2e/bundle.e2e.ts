/**
 * Archive bundles through the interface: export the sample archive as a download from one office's
 * browser host, import that file into another (empty) office's archive, and read the report.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { test, expect, openApp } from './fixtures';

test('a bundle downloaded from one archive is imported into another, with a report', async ({
  page,
  host,
  emptyHost,
}, testInfo) => {
  await openApp(page, host);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thư viện' })
    .click();
  const bundles = page.getByRole('region', { name: 'Gói lưu trữ' });
  await expect(bundles.getByRole('combobox', { name: 'Bộ sưu tập' })).toHaveValue('');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    bundles.getByRole('button', { name: 'Xuất gói lưu trữ' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.arbundle$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const manifest = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n')[0]);
  expect(manifest.format).toBe('archive-reader-bundle');
  const exported = manifest.counts.articles as number;
  expect(exported).toBeGreaterThan(10);

  await openApp(page, emptyHost);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thư viện' })
    .click();
  await page
    .getByRole('region', { name: 'Gói lưu trữ' })
    .getByLabel('Nhập gói lưu trữ')
    .setInputFiles(file);
  const report = page.getByRole('dialog', { name: 'Kết quả nhập gói lưu trữ' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('definition').first()).toHaveText(String(exported));
  await report.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'bài viết' })).toHaveText(
    `${exported} bài viết`,
  );

  // The same file through the ordinary import picker is merged as a bundle too: all present.
  await page.getByLabel('Chọn tệp để nhập').setInputFiles(file);
  const summary = page.getByRole('dialog', { name: 'Kết quả nhập tài liệu' });
  await expect(summary.getByRole('definition').nth(1)).toHaveText(String(exported));
  await expect(summary.getByRole('definition').nth(2)).toHaveText('0');
});

test('the inbox folder is set from the library and refused with a sentence when missing', async ({
  page,
  emptyHost,
}) => {
  await openApp(page, emptyHost);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thư viện' })
    .click();
  const folder = page.getByRole('textbox', { name: 'Đường dẫn thư mục' });
  await expect(page.getByText('Thư mục nhận đang tắt.')).toBeVisible();
  await folder.fill(`${emptyHost.dir}/khong-co`);
  await page.getByRole('button', { name: 'Bật thư mục nhận' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'không tồn tại' })).toBeVisible();

  const inbox = `${emptyHost.dir}/hop-thu`;
  fs.mkdirSync(inbox);
  await folder.fill(inbox);
  await page.getByRole('button', { name: 'Bật thư mục nhận' }).click();
  await expect(page.getByText(`Đang theo dõi ${inbox}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Tắt', exact: true }).click();
  await expect(page.getByText('Thư mục nhận đang tắt.')).toBeVisible();
});
