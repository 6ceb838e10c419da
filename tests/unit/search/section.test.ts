import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Block } from '../../../electron/core/model';
import { sectionAt } from '../../../electron/core/search/section';

/** Opening paragraphs of real documents of the corpus (tests/fixtures/sections/make-extracts.ts). */
const extracts = JSON.parse(
  readFileSync(new URL('../../fixtures/sections/extracts.json', import.meta.url), 'utf8'),
) as Array<{ id: string; paragraphs: string[] }>;

function doc(id: string): Block[] {
  const found = extracts.find((d) => d.id === id);
  assert.ok(found, id);
  return found.paragraphs.map((text) => ({ type: 'p' as const, text }));
}

/** The section of the first block that starts with `start`. */
function sectionOf(blocks: Block[], start: string) {
  const index = blocks.findIndex((b) => b.type === 'p' && b.text.startsWith(start));
  assert.ok(index >= 0, start);
  return sectionAt(blocks, index);
}

const CU_TRU = doc('vlc-luat-cu-tru');
const DAU_TU = doc('vlc-luat-dau-tu-nuoc-ngoai-tai-viet-nam');
const HIEN_PHAP = doc('vlc-hien-phap');

const table: Array<[string, Block[], string, { label: string; anchor: string } | null]> = [
  [
    'a khoản of a definitions article',
    CU_TRU,
    '8. Nơi thường trú là',
    {
      label: 'Điều 2. Giải thích từ ngữ — khoản 8',
      anchor: 'dieu-2-khoan-8',
    },
  ],
  [
    'the article heading itself',
    CU_TRU,
    'Điều 12. Nơi cư trú của người chưa thành niên',
    {
      label: 'Điều 12. Nơi cư trú của người chưa thành niên',
      anchor: 'dieu-12',
    },
  ],
  [
    'a khoản',
    CU_TRU,
    '2. Người chưa thành niên có thể có nơi cư trú khác',
    {
      label: 'Điều 12. Nơi cư trú của người chưa thành niên — khoản 2',
      anchor: 'dieu-12-khoan-2',
    },
  ],
  [
    'a điểm belongs to its khoản',
    CU_TRU,
    'c) Người bị cách ly',
    {
      label: 'Điều 4. Việc thực hiện quyền tự do cư trú của công dân — khoản 2',
      anchor: 'dieu-4-khoan-2',
    },
  ],
  [
    'a paragraph of an article without khoản',
    CU_TRU,
    'Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam thực hiện hợp tác',
    {
      label: 'Điều 6. Hợp tác quốc tế về quản lý cư trú',
      anchor: 'dieu-6',
    },
  ],
  ['the preamble is in no article', CU_TRU, 'Căn cứ Hiến pháp', null],
  ['a chapter heading is in no article', CU_TRU, 'QUYỀN, NGHĨA VỤ CỦA CÔNG DÂN VỀ CƯ TRÚ', null],
  [
    'quoted wording is content of the amending article',
    DAU_TU,
    'Doanh nghiệp có vốn đầu tư nước ngoài, các bên tham gia hợp đồng',
    {
      label:
        'Điều 1. Sửa đổi, bổ sung một số điều của Luật đầu tư nước ngoài tại Việt Nam như sau — khoản 3',
      anchor: 'dieu-1-khoan-3',
    },
  ],
  [
    'a quoted khoản does not count',
    DAU_TU,
    '"1. Những vấn đề quan trọng nhất',
    {
      label:
        'Điều 1. Sửa đổi, bổ sung một số điều của Luật đầu tư nước ngoài tại Việt Nam như sau — khoản 2',
      anchor: 'dieu-1-khoan-2',
    },
  ],
  [
    'an article without a title on its line',
    HIEN_PHAP,
    '2. Nước Cộng hòa xã hội chủ nghĩa Việt Nam do Nhân dân làm chủ',
    {
      label: 'Điều 2 — khoản 2',
      anchor: 'dieu-2-khoan-2',
    },
  ],
];

for (const [name, blocks, start, expected] of table) {
  test(`sectionAt: ${name}`, () => assert.deepEqual(sectionOf(blocks, start), expected));
}

test('sectionAt: numbers with letters, đ as dd, a repeated Điều, a long title', () => {
  const p = (text: string): Block => ({ type: 'p', text });
  const blocks = [
    p('Điều 1. Ban hành kèm theo Quyết định này Quy chế'),
    p('Điều 5a. Quy định bổ sung'),
    p('1. Nội dung'),
    p('Điều 5đ. Quy định khác'),
    p('QUY CHẾ'),
    p('Điều 1. Phạm vi điều chỉnh'),
    p(`Điều 7. ${'Quy định rất dài về trách nhiệm của các cơ quan '.repeat(3)}`),
  ];
  assert.equal(sectionAt(blocks, 2)?.anchor, 'dieu-5a-khoan-1');
  assert.deepEqual(sectionAt(blocks, 3), { label: 'Điều 5đ. Quy định khác', anchor: 'dieu-5dd' });
  assert.equal(sectionAt(blocks, 5)?.anchor, 'dieu-1-2');
  const long = sectionAt(blocks, 6)!;
  assert.ok(long.label.endsWith('…') && long.label.length < 110, long.label);
  assert.equal(sectionAt(blocks, -1), null);
  assert.equal(sectionAt(blocks, 99), null);
  assert.equal(sectionAt([p('Tin tức trong ngày')], 0), null);
});
