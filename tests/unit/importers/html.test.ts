import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile as readFs } from 'node:fs/promises';
import { readBytes, readFile, type DraftItem } from '../../../electron/core/importers/index';
import type { ArticleDraft } from '../../../electron/core/model';
import { parseHtml } from '../../../electron/core/importers/html';

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
  // The page's sub-heading and list are kept as what they are, not flattened into paragraphs.
  assert.ok(
    draft.blocks.some(
      (b) => b.type === 'heading' && b.level === 2 && b.text === 'Huy động sức dân',
    ),
  );
  assert.deepEqual(
    draft.blocks.filter((b) => b.type === 'li'),
    [
      { type: 'li', text: '12 căn dành cho hộ nghèo và cận nghèo;', ordered: false, depth: 0 },
      {
        type: 'li',
        text: '8 căn dành cho gia đình chính sách, người có công.',
        ordered: false,
        depth: 0,
      },
    ],
  );
  assert.ok(!draft.blocks.some((b) => b.type === 'heading' && b.text === draft.title));
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

test('headings, nested and numbered lists and data tables become blocks of their kind', () => {
  const page = `<!doctype html><html><head><title>Kế hoạch xây dựng nông thôn mới năm 2025</title></head>
  <body><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li></ul></nav>
  <article>
    <h1>Kế hoạch xây dựng nông thôn mới năm 2025</h1>
    <p>Ủy ban nhân dân xã ban hành kế hoạch xây dựng nông thôn mới năm 2025 với các nội dung sau đây, được thảo luận tại hội nghị toàn xã.</p>
    <h2>Mục tiêu</h2>
    <ol start="3">
      <li>Hoàn thành đường giao thông thôn Nà Lầu;
        <ul><li>đổ bê tông 2 km;</li><li>lắp đèn chiếu sáng.</li></ul>
      </li>
      <li>Xây nhà văn hóa thôn Khuổi Ma.</li>
    </ol>
    <h3>Kinh phí</h3>
    <table>
      <tr><th>Hạng mục</th><th>Kinh phí (triệu đồng)</th></tr>
      <tr><td>Đường giao thông</td><td>1.200</td></tr>
      <tr><td>Nhà văn hóa</td><td>850</td></tr>
    </table>
    <table class="image"><tr><td><img src="a.jpg" alt=""></td></tr><tr><td>Đường thôn Nà Lầu (Ảnh: Minh Ngọc)</td></tr></table>
    <p>Các thôn tổ chức họp dân để thống nhất cách làm, công khai kinh phí và huy động ngày công của người dân trong thôn.</p>
  </article></body></html>`;
  const draft = parseHtml(page, 'ke-hoach.html');
  assertNoMarkup(draft);
  assert.deepEqual(
    draft.blocks.map((b) => b.type),
    ['p', 'heading', 'li', 'li', 'li', 'li', 'heading', 'table', 'figure', 'p'],
  );
  const [, goal, first, sub1, sub2, second, money, table] = draft.blocks;
  assert.deepEqual(goal, { type: 'heading', level: 2, text: 'Mục tiêu' });
  assert.deepEqual(first, {
    type: 'li',
    text: '3. Hoàn thành đường giao thông thôn Nà Lầu;',
    ordered: true,
    depth: 0,
  });
  assert.deepEqual(sub1, { type: 'li', text: 'đổ bê tông 2 km;', ordered: false, depth: 1 });
  assert.equal(sub2.type === 'li' && sub2.depth, 1);
  assert.equal(second.type === 'li' && second.text, '4. Xây nhà văn hóa thôn Khuổi Ma.');
  assert.deepEqual(money, { type: 'heading', level: 3, text: 'Kinh phí' });
  assert.deepEqual(table, {
    type: 'table',
    rows: [
      ['Hạng mục', 'Kinh phí (triệu đồng)'],
      ['Đường giao thông', '1.200'],
      ['Nhà văn hóa', '850'],
    ],
  });
  assert.deepEqual(draft.blocks[8], {
    type: 'figure',
    caption: 'Đường thôn Nà Lầu',
    credit: 'Minh Ngọc',
  });
  assert.ok(!draft.blocks.some((b) => 'text' in b && /Trang chủ/.test(b.text)));
});
