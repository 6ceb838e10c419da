import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile as readFs } from 'node:fs/promises';
import { readBytes, readFile, type DraftItem } from '../../../electron/core/importers/index';
import type { ArticleDraft } from '../../../electron/core/model';

const FIXTURES = 'tests/fixtures/import';

async function only(items: AsyncGenerator<DraftItem>): Promise<ArticleDraft> {
  const all: DraftItem[] = [];
  for await (const item of items) all.push(item);
  assert.equal(all.length, 1);
  const [item] = all;
  assert.ok(item.ok, item.ok ? '' : item.error.message);
  return item.draft;
}

/** Nothing executable or decorative from the page may survive in any field. */
function assertNoMarkup(draft: ArticleDraft) {
  const everything = JSON.stringify(draft);
  for (const banned of ['alert', 'onerror', 'onload', 'must not leak', '<', 'dataLayer', 'gtag']) {
    assert.ok(!everything.includes(banned), `found "${banned}" in the draft`);
  }
}

test('a saved newspaper page: article only, figure with credit, metadata', async () => {
  const path = `${FIXTURES}/baolangson-saved-page.html`;
  const draft = await only(readFile(path));
  assertNoMarkup(draft);
  assert.equal(draft.title, 'Xã Hồ Sơn hoàn thành 20 nhà tình nghĩa cho hộ khó khăn');
  assert.equal(draft.date, '2024-07-22');
  assert.equal(draft.author, 'Minh Ngọc');
  assert.equal(draft.source, 'Báo Lạng Sơn');
  assert.equal(
    draft.url,
    'https://baolangson.vn/xa-ho-son-hoan-thanh-20-nha-tinh-nghia-5012345.html',
  );
  assert.equal(draft.sourceId, path);
  assert.match(draft.summary ?? '', /^Sau sáu tháng triển khai/);

  const texts = draft.blocks.flatMap((b) => (b.type === 'p' ? [b.text] : []));
  assert.match(texts[0], /^Từ đầu năm 2024/);
  assert.ok(texts.includes('Huy động sức dân'));
  assert.ok(texts.includes('12 căn dành cho hộ nghèo và cận nghèo;'));
  assert.match(texts[texts.length - 1], /không còn hộ dân nào phải ở nhà tạm\.$/);
  assert.ok(!texts.some((t) => /Quảng cáo|Bình luận|Tin liên quan|Trang chủ|Giấy phép/.test(t)));
  assert.ok(!texts.some((t) => t.startsWith('Sau sáu tháng')), 'the sapo is the summary only');

  const figures = draft.blocks.filter((b) => b.type === 'figure');
  assert.deepEqual(figures, [
    {
      type: 'figure',
      caption:
        'Lãnh đạo Bộ CHQS tỉnh trao quyết định hỗ trợ nhà tình nghĩa cho gia đình bà Hoàng Thị Lan, thôn Đồng Tiến.',
      credit: 'Dương Nguyên',
    },
  ]);
  assert.equal(draft.blocks[2].type, 'figure');
});

test('an old CMS page: table caption, date and author in the info line', async () => {
  const path = `${FIXTURES}/table-caption-page.html`;
  const draft = await only(readBytes('na-som.html', await readFs(path)));
  assertNoMarkup(draft);
  assert.equal(draft.title, 'Cao Lộc: Nông dân thu hoạch na sớm được giá');
  assert.equal(draft.date, '2024-08-03');
  assert.equal(draft.author, 'Hà Phương');
  assert.equal(draft.source, 'Cổng thông tin huyện Cao Lộc');
  assert.equal(draft.url, 'https://caoloc.example.gov.vn/tin-tuc/na-som-2024');
  assert.equal(draft.summary, null, 'an excerpt that is just the first paragraph is no summary');
  assert.deepEqual(draft.blocks[1], {
    type: 'figure',
    caption: 'Người dân xã Thạch Đạn thu hoạch na',
    credit: 'Hà Phương',
  });
  assert.equal(draft.blocks.filter((b) => b.type === 'p').length, 4);
  assert.equal(draft.sourceId, 'na-som.html');
});

test('an HTML page saved with a .txt name is still read as HTML', async () => {
  const bytes = await readFs(`${FIXTURES}/table-caption-page.html`);
  const draft = await only(readBytes('trang.txt', bytes));
  assert.equal(draft.title, 'Cao Lộc: Nông dân thu hoạch na sớm được giá');
  assertNoMarkup(draft);
});
