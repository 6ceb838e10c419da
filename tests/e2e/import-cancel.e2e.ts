/**
 * Cancelling an import through the app: a folder of 200 files of real VietNews articles (8,000,
 * far more than the host imports before the button is pressed) is picked, and once the progress
 * bar counts a first committed file "Hủy nhập" is pressed. The summary says in one sentence that
 * the import was cancelled and how many articles were kept, and the archive holds just those.
 */
import fs from 'node:fs';
import path from 'node:path';
import { corpusLines, writeJsonl } from '../support/corpus';
import { archivedArticles, test, expect, openApp } from './fixtures';

const FILES = 200;
const PER_FILE = 40;

async function writeFolder(folder: string): Promise<string[]> {
  fs.mkdirSync(folder, { recursive: true });
  const lines = await corpusLines('vietnews-train-40k.jsonl.gz', FILES * PER_FILE);
  return Array.from({ length: FILES }, (_, i) =>
    writeJsonl(
      path.join(folder, `phan-${String(i).padStart(3, '0')}.jsonl`),
      lines.slice(i * PER_FILE, (i + 1) * PER_FILE),
    ),
  );
}

test('"Hủy nhập" stops an import and the summary says how many articles were kept', async ({
  page,
  emptyHost,
}, testInfo) => {
  test.setTimeout(120_000);
  const files = await writeFolder(testInfo.outputPath('thu-muc-lon'));

  await openApp(page, emptyHost);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thư viện' })
    .click();
  await page.getByLabel('Chọn tệp để nhập').setInputFiles(files);

  // The host has committed a first file: the import runs, with most of the folder still to read.
  const progress = page.getByRole('status').filter({ hasText: 'Đang nhập' });
  await expect(progress).toContainText(/Đã nhập [1-9]/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Hủy nhập' }).click();

  const summary = page.getByRole('dialog', { name: 'Đã dừng nhập tài liệu' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  const sentence = summary.getByText(/^Đã hủy nhập; giữ lại \d+ bài đã nhập\.$/);
  await expect(sentence).toBeVisible();
  const kept = Number(/\d+/.exec((await sentence.textContent()) ?? '')![0]);
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(FILES * PER_FILE);
  await expect(summary.getByRole('definition').first()).toHaveText(String(kept));
  await expect(summary.getByRole('definition').nth(2)).toHaveText('0'); // nothing failed
  await summary.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByRole('button', { name: 'Hủy nhập' })).toHaveCount(0);

  // The archive holds exactly the articles the sentence counts.
  expect(await archivedArticles(page)).toBe(kept);
});
