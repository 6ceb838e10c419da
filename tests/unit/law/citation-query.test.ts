/**
 * Citation queries, one row each: what an officer types (with or without accents, in either
 * order, with abbreviations) and the place and document it names; and what is not a citation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCitationQuery, type CitationQuery } from '../../../electron/core/law/citation-query';

const ROWS: Array<[string, CitationQuery | null]> = [
  ['Điều 12 Luật Cư trú', { dieu: '12', docRef: { type: 'Luật', name: 'cư trú' } }],
  ['dieu 12 luat cu tru', { dieu: '12', docRef: { type: 'Luật', name: 'cu tru' } }],
  ['"Điều 12 Luật Cư trú"', { dieu: '12', docRef: { type: 'Luật', name: 'cư trú' } }],
  [
    'Điều 12 Nghị định 154/2024/NĐ-CP',
    { dieu: '12', docRef: { type: 'Nghị định', number: '154/2024/NĐ-CP' } },
  ],
  [
    'khoản 2 điều 12 luật cư trú',
    { dieu: '12', khoan: '2', docRef: { type: 'Luật', name: 'cư trú' } },
  ],
  [
    'điều 12 khoản 2 của Luật Cư trú',
    { dieu: '12', khoan: '2', docRef: { type: 'Luật', name: 'cư trú' } },
  ],
  [
    'điểm đ khoản 2 Điều 4 Luật Cư trú số 68/2020/QH14',
    {
      dieu: '4',
      khoan: '2',
      diem: 'đ',
      docRef: { type: 'Luật', name: 'cư trú', number: '68/2020/QH14' },
    },
  ],
  [
    'diem dd khoan 2 dieu 4 luat cu tru',
    { dieu: '4', khoan: '2', diem: 'đ', docRef: { type: 'Luật', name: 'cu tru' } },
  ],
  ['Điều 5a NĐ 154/2024', { dieu: '5a', docRef: { type: 'Nghị định', number: '154/2024' } }],
  ['dieu 3 luat so 68/2020/qh14', { dieu: '3', docRef: { type: 'Luật', number: '68/2020/QH14' } }],
  ['Điều 7 68/2020/QH14', { dieu: '7', docRef: { number: '68/2020/QH14' } }],
  [
    'Điều 2 Thông tư 15/2022/TT-BLĐTBXH',
    { dieu: '2', docRef: { type: 'Thông tư', number: '15/2022/TT-BLĐTBXH' } },
  ],
  ['điều 100 blds', { dieu: '100', docRef: { type: 'Bộ luật', name: 'dân sự' } }],
  [
    'Điều 20 Bộ luật Lao động 2019',
    { dieu: '20', docRef: { type: 'Bộ luật', name: 'lao động', year: 2019 } },
  ],
  ['Điều 14 Hiến pháp năm 2013', { dieu: '14', docRef: { type: 'Hiến pháp', year: 2013 } }],
  // Not citations: no Điều, no document, words after the number, a sentence.
  ['Luật Cư trú', null],
  ['Điều 12', null],
  ['khoản 2 luật cư trú', null],
  ['điều 12 cư trú', null],
  ['Điều kiện đăng ký thường trú', null],
  ['Điều 12 Nghị định 154/2024/NĐ-CP quy định chi tiết', null],
  ['dân vận khéo', null],
];

for (const [query, expected] of ROWS) {
  test(`citation query: ${query}`, () => assert.deepEqual(parseCitationQuery(query), expected));
}

test('NFD input (Unikey "Unicode tổ hợp") reads the same', () => {
  assert.deepEqual(
    parseCitationQuery('Khoản 2 Điều 12 Luật Cư trú'.normalize('NFD')),
    parseCitationQuery('Khoản 2 Điều 12 Luật Cư trú'),
  );
});
