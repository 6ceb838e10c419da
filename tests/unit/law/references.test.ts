/**
 * The reference finder on real official documents (tests/fixtures/law-relations, cut from the
 * corpus by its make-fixtures.ts): what each cites, amends, replaces, repeals and guides, and what
 * it must not claim (relations between the documents it only describes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { recordToDraft } from '../../../electron/core/importers/json';
import { blockText } from '../../../electron/core/archive/layout';
import {
  findReferences,
  normalizeNumber,
  type Reference,
} from '../../../electron/core/law/references';

const FIXTURE = new URL('../../fixtures/law-relations/documents.jsonl', import.meta.url);
const drafts = fs
  .readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => recordToDraft(JSON.parse(l), i + 1, `fixture-${i}`));

function referencesOf(number: string): Reference[] {
  const draft = drafts.find((d) => d.docNumber === number);
  assert.ok(draft, `${number} is in the fixture`);
  return findReferences(draft.blocks.map(blockText), {
    title: draft.title,
    ownNumber: draft.docNumber,
    type: draft.docType,
  });
}

const label = (r: Reference) => `${r.kind} ${r.number ?? r.name}`;

/** [document, references it must make, references it must not make]. */
const CASES: Array<[string, string[], string[]]> = [
  // An amending circular: its title amends, its basis cites.
  [
    '10/2024/TT-BLĐTBXH',
    [
      'amends 07/2023/TT-BLĐTBXH',
      'cites 204/2004/NĐ-CP',
      'cites 115/2020/NĐ-CP',
      'cites Luật Viên chức',
    ],
    ['cites 07/2023/TT-BLĐTBXH'],
  ],
  // "Thông tư số … hết hiệu lực kể từ ngày Thông tư này có hiệu lực", a list of three.
  [
    '07/2023/TT-BLĐTBXH',
    ['repeals 03/2018/TT-BLĐTBXH', 'repeals 12/2019/TT-BLĐTBXH', 'repeals 31/2019/TT-BLĐTBXH'],
    [],
  ],
  ['20/2023/TT-BLĐTBXH', ['repeals 01/2023/TT-BLĐTBXH', 'cites 62/2022/NĐ-CP'], []],
  ['01/2023/TT-BLĐTBXH', ['repeals 36/2021/TT-BLĐTBXH'], []],
  // A law that ends an older one "as amended by" others: the amending ones are not repealed.
  [
    '41/2024/QH15',
    ['repeals 58/2014/QH13', 'cites Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['repeals 45/2019/QH14', 'repeals 35/2018/QH14', 'repeals 93/2015/QH13'],
  ],
  ['91/2015/QH13', ['repeals 33/2005/QH11'], []],
  // A consolidated text: its basis is cited; the documents its heading lists as merged, and the
  // final clauses of theirs it quotes, are not its own acts.
  [
    '10/VBHN-BTC',
    ['cites 59/2020/QH14', 'cites 03/2022/QH15', 'cites 87/2017/NĐ-CP'],
    [
      'amends 96/2020/TT-BTC',
      'amends 119/2020/TT-BTC',
      'replaces 120/2020/TT-BTC',
      'amends 68/2024/TT-BTC',
    ],
  ],
  // A title in capitals that amends five circulars.
  [
    '17/2026/TT-NHNN',
    [
      'amends 22/2013/TT-NHNN',
      'amends 37/2013/TT-NHNN',
      'amends 10/2016/TT-NHNN',
      'amends 39/2025/TT-NHNN',
      'amends 26/2021/TT-NHNN',
      'cites 46/2010/QH12',
      'cites 28/2005/PL-UBTVQH11',
    ],
    // The basis printed in an annexed form is the form's, not the circular's.
    ['cites 37/2013/TT-NHNN', 'cites 70/2014/NĐ-CP'],
  ],
  // "… số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15": both cited, none amended.
  [
    '18/2026/NQ-CP',
    ['cites 64/2025/QH15', 'cites 87/2025/QH15', 'cites 63/2025/QH15'],
    ['amends 64/2025/QH15', 'amends 87/2025/QH15', 'cites Nghị định số'],
  ],
  ['127/2026/NĐ-CP', ['cites 05/2007/QH12', 'cites 78/2025/QH15', 'cites 61/2020/QH14'], []],
  // Guides: a law by name, a resolution by number.
  ['158/2025/NĐ-CP', ['guides Luật Bảo hiểm xã hội', 'guides 142/2024/QH15'], []],
  // Ending one decree, and parts of two others ("b) Các khoản 3 và 4 Điều 95 của Nghị định số …").
  [
    '188/2025/NĐ-CP',
    [
      'guides 25/2008/QH12',
      'repeals 146/2018/NĐ-CP',
      'amends 24/2024/NĐ-CP',
      'amends 74/2025/NĐ-CP',
    ],
    ['guides Luật Bảo hiểm y tế', 'repeals 24/2024/NĐ-CP'],
  ],
  ['9716/VBHN-BKHĐT', ['repeals 82/2018/NĐ-CP'], []],
  // "Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1480/QĐ-TTg"
  [
    '798/QĐ-TTg',
    ['replaces 1480/QĐ-TTg', 'cites 23/2023/QĐ-TTg', 'cites Luật Tổ chức Chính phủ'],
    [],
  ],
  ['2651/VBHN-BLĐTBXH', [], ['amends 51/2016/NĐ-CP']],
  // "… và thay thế Luật xuất bản số 30/2004/QH11 đã được sửa đổi … theo Luật số 12/2008/QH12":
  // the law replaced, not the one that had amended it.
  ['19/2012/QH13', ['replaces 30/2004/QH11'], ['replaces 12/2008/QH12']],
  ['191/2026/NĐ-CP', ['replaces 39/2022/NĐ-CP'], []],
  // "… theo hướng dẫn tại khoản 2, Mục II, Thông tư số 02/2007/TT-BNV": guidance followed, not given.
  ['30/2022/TT-BLĐTBXH', [], ['guides 02/2007/TT-BNV']],
  // "Căn cứ Nghị quyết của Quốc hội về dự toán …" in a provision names no document.
  ['118/2026/NĐ-CP', ['guides 89/2025/QH15'], ['cites Nghị quyết của Quốc hội']],
];

for (const [number, expected, absent] of CASES) {
  test(`references of ${number}`, () => {
    const found = referencesOf(number).map(label);
    for (const e of expected) assert.ok(found.includes(e), `${e} in ${found.join(' | ')}`);
    for (const a of absent) assert.ok(!found.includes(a), `${a} not in ${found.join(' | ')}`);
  });
}

test('a reference carries its type, name, date, sentence and block', () => {
  const draft = drafts.find((d) => d.docNumber === '20/2023/TT-BLĐTBXH')!;
  const r = referencesOf('20/2023/TT-BLĐTBXH').find((x) => x.kind === 'repeals')!;
  assert.equal(r.type, 'Thông tư');
  assert.equal(r.date, '2023-01-03');
  assert.match(r.text, /hết hiệu lực/);
  assert.ok(blockText(draft.blocks[r.blockIndex]).includes('01/2023/TT-BLĐTBXH'));
  const law = referencesOf('41/2024/QH15').find((x) => x.kind === 'repeals')!;
  assert.equal(law.name, 'Luật Bảo hiểm xã hội');
});

test('no document refers to itself', () => {
  for (const d of drafts) {
    const own = normalizeNumber(d.docNumber!);
    const refs = findReferences(d.blocks.map(blockText), {
      title: d.title,
      ownNumber: d.docNumber,
    });
    assert.ok(
      refs.every((r) => !r.number || normalizeNumber(r.number) !== own),
      d.docNumber!,
    );
  }
});

test('numbers are compared as one form: NFC, one Đ, no spaces, one dash', () => {
  const key = normalizeNumber('154/2024/NĐ-CP');
  assert.equal(normalizeNumber('154/2024/N\u0110\u2013CP'), key);
  assert.equal(normalizeNumber('154 / 2024 / NÐ - CP'), key); // U+00D0, the look-alike
  assert.equal(normalizeNumber('154/2024/nđ-cp'), key);
  assert.equal(normalizeNumber('1234/QĐ-UBND'.normalize('NFD')), '1234/QĐ-UBND');
});
