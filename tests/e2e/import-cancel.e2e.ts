/**
 * Cancelling an import through the app: a folder of 200 files of real VietNews articles (8,000,
 * far more than the host imports before the button is pressed) is picked, and once the progress
 * bar counts a first committed file "Hủy nhập" is pressed. The summary says in one sentence that
 * the import was cancelled and how many articles were kept, and the archive holds just those.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { test, expect, openApp } from './fixtures';

const CORPUS = path.resolve(
  import.meta.dirname,
  '../../../shared/corpus/vietnews-train-40k.jsonl.gz',
);
const FILES = 200;
const PER_FILE = 40;

async function writeFolder(folder: string): Promise<string[]> {
  fs.mkdirSync(folder, { recursive: true });
  const input = fs.createReadStream(CORPUS).pipe(createGunzip());
  const files: string[] = [];
  let lines: string[] = [];
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    lines.push(line);
    if (lines.length < PER_FILE) continue;
    const file = path.join(folder, `phan-${String(files.length).padStart(3, '0')}.jsonl`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    files.push(file);
    lines = [];
    if (files.length >= FILES) break;
  }
  input.destroy();
  return files;
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
  const stats = await page.evaluate(async () => {
    const response = await fetch('/api/stats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return ((await response.json()) as { result: { articles: number } }).result;
  });
  expect(stats.articles).toBe(kept);
});
