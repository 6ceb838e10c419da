/**
 * Citations, one row each: a document by its name and number (laws) or type and number (decrees,
 * circulars), the Constitution by its year, news by title, source and date; and the narrowest
 * place holding a passage of a real law (Luật Cư trú, tests/fixtures/law/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { layoutArticle } from '../../../electron/core/archive/layout';
import { recordToDraft } from '../../../electron/core/importers/json';
import {
  documentCitation,
  passageCitation,
  placeCitation,
  withCitation,
  type CitedFacts,
} from '../../../electron/core/law/citation';
import { findAnchor, parseStructure } from '../../../electron/core/law/structure';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/law');
const draft = (id: string) =>
  recordToDraft(JSON.parse(fs.readFileSync(path.join(FIXTURES, `${id}.json`), 'utf8')), 1, id);

const facts = (f: Partial<CitedFacts>): CitedFacts => ({
  title: '',
  date: null,
  source: null,
  docNumber: null,
  docType: null,
  ...f,
});

const DOCUMENTS: Array<[string, CitedFacts, string]> = [
  ['a law', draft('vlc-luat-cu-tru'), 'Luật Cư trú số 68/2020/QH14'],
  ['a decree', draft('congbao-nghi-dinh-so-141-2026-nd-cp-469455'), 'Nghị định số 141/2026/NĐ-CP'],
  [
    'a circular',
    draft('congbao-thong-tu-so-15-2022-tt-bldtbxh-37777'),
    'Thông tư số 15/2022/TT-BLĐTBXH',
  ],
  [
    'a consolidated text',
    draft('congbao-van-ban-hop-nhat-so-605-vbhn-bldtbxh-41352'),
    'Văn bản hợp nhất số 605/VBHN-BLĐTBXH',
  ],
  [
    'a code whose title has the type in another case',
    facts({
      title: 'Bộ Luật dân sự số 91/2015/QH13',
      docType: 'Bộ luật',
      docNumber: '91/2015/QH13',
    }),
    'Bộ luật Dân sự số 91/2015/QH13',
  ],
  [
    'an amending law is cited by number',
    facts({
      title: 'Luật sửa đổi, bổ sung một số điều của Luật Cư trú',
      docType: 'Luật',
      docNumber: '12/2025/QH15',
    }),
    'Luật số 12/2025/QH15',
  ],
  [
    'the Constitution',
    facts({
      title: 'Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam',
      docType: 'Hiến pháp',
      date: '2013-11-28',
    }),
    'Hiến pháp năm 2013',
  ],
  [
    'news',
    facts({ title: 'Dân vận khéo ở xã vùng cao', source: 'Báo Lạng Sơn', date: '2024-05-09' }),
    '“Dân vận khéo ở xã vùng cao”, Báo Lạng Sơn, ngày 9/5/2024',
  ],
  ['news without source or date', facts({ title: 'Tin ngắn' }), '“Tin ngắn”'],
];

for (const [name, f, expected] of DOCUMENTS) {
  test(`document citation: ${name}`, () => assert.equal(documentCitation(f), expected));
}

test('place citations', () => {
  assert.equal(placeCitation([{ kind: 'dieu', number: '12' }]), 'Điều 12');
  assert.equal(
    placeCitation([
      { kind: 'chuong', number: 'III' },
      { kind: 'dieu', number: '12' },
      { kind: 'khoan', number: '2' },
    ]),
    'Khoản 2 Điều 12',
  );
  assert.equal(
    placeCitation([
      { kind: 'dieu', number: '4' },
      { kind: 'khoan', number: '2' },
      { kind: 'diem', number: 'đ' },
    ]),
    'Điểm đ khoản 2 Điều 4',
  );
  assert.equal(placeCitation([{ kind: 'chuong', number: 'I' }]), null);
});

test('passages of Luật Cư trú: the narrowest place that holds them', () => {
  const law = draft('vlc-luat-cu-tru');
  const structure = parseStructure(law.blocks);
  const layout = layoutArticle(law.summary, law.blocks);
  const range = (anchor: string) => {
    const s = findAnchor(structure!, anchor)!;
    return { start: layout.blocks[s.start].start, end: layout.blocks[s.end - 1].end };
  };
  const cite = (start: number, end: number) =>
    passageCitation(law, structure, layout.blocks, start, end);
  const k2 = range('dieu-12-khoan-2');
  assert.equal(cite(k2.start + 5, k2.end - 3), 'Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14');
  const d12 = range('dieu-12');
  assert.equal(cite(d12.start, d12.end), 'Điều 12 Luật Cư trú số 68/2020/QH14');
  const dd = range('dieu-4-khoan-2-diem-dd');
  assert.equal(cite(dd.start, dd.end), 'Điểm đ khoản 2 Điều 4 Luật Cư trú số 68/2020/QH14');
  const d13 = range('dieu-13');
  assert.equal(cite(d12.start, d13.end), 'Điều 12 và Điều 13 Luật Cư trú số 68/2020/QH14');
  const d14 = range('dieu-14');
  assert.equal(cite(d12.start, d14.end), 'Điều 12 đến Điều 14 Luật Cư trú số 68/2020/QH14');
  // The preamble (before Điều 1) is in no Điều: the document alone.
  assert.equal(cite(0, 10), 'Luật Cư trú số 68/2020/QH14');
});

test('copied text carries its citation after a blank line', () => {
  assert.equal(
    withCitation(' 2. Người chưa thành niên … \n', 'Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14'),
    '2. Người chưa thành niên …\n\n(Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14)',
  );
});
