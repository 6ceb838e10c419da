/**
 * Relations in the reader, on real documents (tests/fixtures/law-relations): a circular amended
 * by a later one shows "Được sửa đổi, bổ sung bởi" with a link that opens the amending circular,
 * which links back; a circular that a later one ends opens with a banner naming it, linked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/law-relations/documents.jsonl');
const records = fs
  .readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { number: string; title: string });
const SEEDED = [
  '07/2023/TT-BLĐTBXH',
  '10/2024/TT-BLĐTBXH',
  '01/2023/TT-BLĐTBXH',
  '20/2023/TT-BLĐTBXH',
];
const record = (number: string) => records.find((r) => r.number === number)!;

test('follow a document to the one that amends it, and to the one that ends it', async ({
  page,
  emptyHost: host,
}) => {
  const call = async (method: string, data: object) =>
    (await (await page.request.post(new URL(`api/${method}`, host.url).href, { data })).json())
      .result;
  // Older and newer in one file, the newer first: references resolve in either order.
  const jsonl = [...SEEDED]
    .reverse()
    .map((n) => JSON.stringify(record(n)))
    .join('\n');
  const summary = await call('importFiles', {
    files: [{ name: 'van-ban.jsonl', base64: Buffer.from(jsonl).toString('base64') }],
  });
  expect(summary.imported).toBe(4);
  const listed: Array<{ id: string; docNumber: string }> = (
    await call('listArticles', { limit: 10 })
  ).items;
  const idOf = (n: string) => listed.find((a) => a.docNumber === n)!.id;

  await openApp(page, host);
  await page.goto(`${host.url}#/article/${encodeURIComponent(idOf('07/2023/TT-BLĐTBXH'))}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    record('07/2023/TT-BLĐTBXH').title,
  );
  const related = page.getByRole('region', { name: 'Văn bản liên quan' });
  await expect(related.getByRole('heading', { name: 'Được sửa đổi, bổ sung bởi' })).toBeVisible();
  await expect(related.getByText('Có hiệu lực từ ngày 15/10/2023')).toBeVisible();
  // Amended, not ended: no banner.
  await expect(page.getByRole('status').filter({ hasText: 'Văn bản này đã' })).toHaveCount(0);
  await fs.promises.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'relations-amended.png') });

  await related.getByRole('link', { name: 'Thông tư số 10/2024/TT-BLĐTBXH' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    record('10/2024/TT-BLĐTBXH').title,
  );
  const back = page.getByRole('region', { name: 'Văn bản liên quan' });
  await expect(back.getByRole('heading', { name: 'Sửa đổi, bổ sung', exact: true })).toBeVisible();
  // What it cites and the archive lacks is shown as its number, not a link.
  await back.getByText(/^Căn cứ/).click();
  await expect(back.getByText('Nghị định số 204/2004/NĐ-CP')).toBeVisible();
  await expect(back.getByRole('link', { name: 'Nghị định số 204/2004/NĐ-CP' })).toHaveCount(0);
  await back.getByRole('link', { name: 'Thông tư số 07/2023/TT-BLĐTBXH' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    record('07/2023/TT-BLĐTBXH').title,
  );

  // A circular that a later one ends says so at its top, with a link to it.
  await page.goto(`${host.url}#/article/${encodeURIComponent(idOf('01/2023/TT-BLĐTBXH'))}`);
  const banner = page.getByRole('status').filter({ hasText: 'Văn bản này đã bị bãi bỏ' });
  await expect(banner).toContainText('Thông tư số 20/2023/TT-BLĐTBXH');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'relations-banner.png') });
  await banner.getByRole('link', { name: 'Thông tư số 20/2023/TT-BLĐTBXH' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    record('20/2023/TT-BLĐTBXH').title,
  );
  await expect(
    page
      .getByRole('region', { name: 'Văn bản liên quan' })
      .getByRole('heading', { name: 'Bãi bỏ', exact: true }),
  ).toBeVisible();
});
