import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, type DraftItem } from '../../../electron/core/importers/index';
import {
  bodyTitle,
  deriveTitle,
  firstSentence,
  MAX_DERIVED_TITLE,
  slugToTitle,
  urlSlugTitle,
} from '../../../electron/core/importers/derived-title';
import { parsePlainText } from '../../../electron/core/importers/plaintext';
import { parseHtml } from '../../../electron/core/importers/html';
import { foldDiacritics } from '../../../electron/core/text/vietnamese';

const FIXTURES = 'tests/fixtures/import';

test('slugs turn back into words: ids, extensions and dashes go, the first letter is a capital', () => {
  const cases: Array<[string, string | null]> = [
    ['nghi-quyet-dan-van-123.html', 'Nghi quyet dan van 123'],
    ['nghi-quyet-dan-van-4512345.html', 'Nghi quyet dan van'],
    ['ha-noi-cam-xe-may-tu-2030-20231206093000123.htm', 'Ha noi cam xe may tu 2030'],
    ['ky-hop-thu-7-quoc-hoi-khoa-15-post1234567.html', 'Ky hop thu 7 quoc hoi khoa 15'],
    ['xa-binh-gia-don-nong-thon-moi_c1a123.aspx', 'Xa binh gia don nong thon moi'],
    ['ar1234567-lang-son-mua-lon', 'Lang son mua lon'],
    ['le-hoi-xuan-2024', 'Le hoi xuan 2024'],
    ['tin-t%E1%BB%A9c-d%C3%A2n-v%E1%BA%ADn-99999', 'Tin tức dân vận'],
    ['a-b', 'A b'],
    ['21395276.epi', null],
    ['123456', null],
    ['index.html', null],
    ['chi-tiet.aspx', null],
    ['bai', null],
    ['', null],
    ['100%-dan-so', '100% dan so'],
  ];
  for (const [slug, expected] of cases) assert.equal(slugToTitle(slug), expected, slug);
});

test('a web address is named by its last segment only; section folders never name an article', () => {
  const cases: Array<[string, string | null]> = [
    ['https://baolangson.vn/xa-hoi/nghi-quyet-dan-van-5012345.html', 'Nghi quyet dan van'],
    [
      'https://vnexpress.net/thoi-su/lu-lon-o-mien-trung-4512345.html?utm=x#top',
      'Lu lon o mien trung',
    ],
    ['https://dantri.com.vn/xa-hoi/cau-moi-qua-song/', 'Cau moi qua song'],
    ['http://www.baomoi.com/a/c/21395276.epi', null],
    ['https://example.vn/tin-tuc/123456', null],
    ['https://example.vn/', null],
  ];
  for (const [url, expected] of cases) assert.equal(urlSlugTitle(url), expected, url);
});

test('a title from the body: its first heading, else a first sentence cut at a word', () => {
  assert.equal(
    bodyTitle([
      { type: 'p', text: 'Mở đầu.' },
      { type: 'heading', level: 2, text: 'Điều 1. Phạm vi' },
    ]),
    'Điều 1. Phạm vi',
  );
  assert.equal(
    firstSentence('Sáng 27/3, Công an TP. Hưng Yên khởi tố vụ án. Đơn vị cho biết thêm.'),
    'Sáng 27/3, Công an TP. Hưng Yên khởi tố vụ án',
  );
  assert.equal(firstSentence('Lũ lớn ở Hà Nội. Người dân sơ tán.'), 'Lũ lớn ở Hà Nội');
  const long = 'cán bộ xã đến từng thôn lắng nghe ý kiến của người dân '.repeat(6);
  const title = firstSentence(long);
  assert.ok(title.length <= MAX_DERIVED_TITLE + 1, title);
  assert.ok(title.endsWith('…'));
  assert.ok(long.startsWith(title.slice(0, -1)), 'cut at a word, not inside one');
  assert.equal(long.charAt(title.length - 1), ' ');
  assert.equal(bodyTitle([]), null);
  assert.deepEqual(deriveTitle({ slug: 'le-hoi-xuan', url: null, blocks: [] }), {
    title: 'Le hoi xuan',
    titleOrigin: 'slug',
  });
  assert.deepEqual(
    deriveTitle({
      url: 'http://www.baomoi.com/a/c/1.epi',
      blocks: [{ type: 'p', text: 'Một câu đủ dài ở đây.' }],
    }),
    { title: 'Một câu đủ dài ở đây', titleOrigin: 'body' },
  );
  assert.equal(deriveTitle({ url: null, blocks: [] }), null);
});

test('JSON Lines where nine records in ten lack a title: every record with a body imports', async () => {
  const path = `${FIXTURES}/untitled-news.jsonl`;
  const items: DraftItem[] = [];
  for await (const item of readFile(path)) items.push(item);
  const lines = (await import('node:fs')).readFileSync(path, 'utf8').trim().split('\n');
  const records = lines.map((l) => JSON.parse(l) as Record<string, string>);
  assert.equal(items.length, records.length);
  const untitled = records.filter((r) => !r.title).length;
  assert.ok(untitled >= records.length * 0.8, `${untitled} of ${records.length} lack a title`);

  let fromSlug = 0;
  let fromBody = 0;
  records.forEach((record, i) => {
    const item = items[i];
    if (!record.body) {
      assert.ok(!item.ok, 'a record with neither title nor body is still reported');
      assert.equal(item.error.code, 'import.bad-record');
      assert.equal(item.error.params.line, i + 1);
      return;
    }
    assert.ok(item.ok, `line ${i + 1} imports`);
    const { draft } = item;
    if (record.title) {
      assert.equal(draft.title, record.title);
      assert.equal(draft.titleOrigin, undefined);
    } else if (record.title_slug) {
      fromSlug++;
      assert.equal(draft.titleOrigin, 'slug');
      // The slug's words are the real title's words without their accents.
      const words = (t: string) =>
        foldDiacritics(t)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
      assert.equal(words(draft.title), words(record.expected_title));
    } else {
      fromBody++;
      assert.equal(draft.titleOrigin, 'body');
      assert.ok(draft.title.length > 0 && draft.title.length <= MAX_DERIVED_TITLE + 1);
      assert.ok(
        record.body.replace(/\s+/g, ' ').startsWith(draft.title.replace(/…$/, '')),
        draft.title,
      );
    }
  });
  assert.ok(fromSlug > 0 && fromBody > 0);
});

test('plain text and saved pages without a title get a derived, marked one', () => {
  const paragraph =
    'Sáng 15/7, huyện Bình Gia khai trương chợ phiên vùng cao với hơn 120 gian hàng nông sản của bà con các xã trong huyện. ' +
    'Chợ họp mỗi tuần một lần vào sáng chủ nhật, bán rau, măng, mật ong và hàng thổ cẩm do các hợp tác xã làm ra, thu hút đông người đến mua.';
  const plain = parsePlainText(`${paragraph}\n\nĐoạn thứ hai của bài.`, 'a.txt');
  assert.equal(plain.titleOrigin, 'body');
  assert.equal(
    plain.title,
    'Sáng 15/7, huyện Bình Gia khai trương chợ phiên vùng cao với hơn 120 gian hàng nông sản của bà con các xã trong huyện',
  );
  assert.equal(plain.blocks[0].type === 'p' && plain.blocks[0].text, paragraph);

  const titled = parsePlainText('Tiêu đề bài\n\nĐoạn một của bài.\n\nĐoạn hai.', 'b.txt');
  assert.equal(titled.titleOrigin, undefined);

  const page = `<html><head><link rel="canonical" href="https://baolangson.vn/xa-hoi/cho-phien-vung-cao-5012345.html"></head>
    <body><article><p>${paragraph}</p><p>Đoạn thứ hai của bài, đủ dài để là nội dung bài báo thật sự.</p></article></body></html>`;
  const html = parseHtml(page, 'c.html');
  assert.equal(html.title, 'Cho phien vung cao');
  assert.equal(html.titleOrigin, 'slug');
});
