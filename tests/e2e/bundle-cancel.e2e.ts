/**
 * Cancelling a bundle import through the library: a bundle of 6,000 real VietNews articles (made
 * with the command line from the corpus) is picked, "Hủy nhập" is pressed while it is checked or
 * written, and the report says in one sentence that the import was cancelled, with the archive
 * holding exactly the articles the report counts as added.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { corpusLines, writeJsonl } from '../support/corpus';
import { archivedArticles, test, expect, openApp } from './fixtures';

const ARTICLES = 6_000;
const BIN = path.resolve(import.meta.dirname, '../../bin/archive-reader.mjs');

test('"Hủy nhập" stops a bundle import and the report says so', async ({
  page,
  emptyHost,
}, testInfo) => {
  test.setTimeout(180_000);
  const input = writeJsonl(
    testInfo.outputPath('tin.jsonl'),
    await corpusLines('vietnews-train-40k.jsonl.gz', ARTICLES),
  );
  const db = testInfo.outputPath('nguon.db');
  const bundle = testInfo.outputPath('ca-kho.arbundle');
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [BIN, '--db', db, ...args], { stdio: 'pipe' });
  cli('import', input);
  cli('bundle', 'export', bundle);

  await openApp(page, emptyHost);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thư viện' })
    .click();
  const bundles = page.getByRole('region', { name: 'Gói lưu trữ' });
  await bundles.getByLabel('Nhập gói lưu trữ').setInputFiles(bundle);
  await bundles.getByRole('button', { name: 'Hủy nhập' }).click();

  const report = page.getByRole('dialog', { name: 'Kết quả nhập gói lưu trữ' });
  await expect(report).toBeVisible({ timeout: 120_000 });
  await expect(report.getByRole('status')).toHaveText(
    'Đã hủy nhập gói: những bài và ghi chú đã ghi trước lúc hủy được giữ lại, phần còn lại chưa nhập.',
  );
  const added = Number(await report.getByRole('definition').first().textContent());
  expect(added).toBeLessThan(ARTICLES);
  await report.getByRole('button', { name: 'Đóng' }).click();
  await expect(bundles.getByRole('button', { name: 'Hủy nhập' })).toHaveCount(0);

  expect(await archivedArticles(page)).toBe(added);
});
