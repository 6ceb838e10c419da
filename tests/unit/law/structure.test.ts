/**
 * The structure of real documents (tests/fixtures/law/, extracted from the official-documents
 * corpus by scripts/extract-law-fixtures.ts), read through the JSON importer as an import would:
 * a law's Chương, Điều, khoản and điểm; an amending decree whose quoted wording is not its own
 * structure; a circular that issues a regulation with its own Điều 1; a consolidated text whose
 * appendix holds forms. Then the forms a heading takes, one row each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { recordToDraft } from '../../../electron/core/importers/json';
import {
  anchorOf,
  articleAnchor,
  articlesOf,
  findAnchor,
  parseStructure,
  sectionsAt,
  walk,
  type LawStructure,
} from '../../../electron/core/law/structure';
import type { Block } from '../../../electron/core/model';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/law');

function load(id: string): { blocks: Block[]; structure: LawStructure } {
  const record: unknown = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${id}.json`), 'utf8'));
  const { blocks } = recordToDraft(record, 1, id);
  const structure = parseStructure(blocks);
  assert.ok(structure, `${id} has a structure`);
  return { blocks, structure };
}

const text = (block: Block) => (block.type === 'p' ? block.text : '');

test('Luật Cư trú 68/2020/QH14: 7 Chương, 38 Điều in order, khoản and điểm', () => {
  const { blocks, structure } = load('vlc-luat-cu-tru');
  const chapters = structure.sections;
  assert.deepEqual(
    chapters.map((c) => c.anchor),
    ['chuong-i', 'chuong-ii', 'chuong-iii', 'chuong-iv', 'chuong-v', 'chuong-vi', 'chuong-vii'],
  );
  assert.equal(chapters[0].heading, 'NHỮNG QUY ĐỊNH CHUNG');
  assert.equal(chapters[6].heading, 'ĐIỀU KHOẢN THI HÀNH');
  const articles = articlesOf(structure);
  assert.equal(structure.articles, 38);
  assert.deepEqual(
    articles.map((a) => a.anchor),
    Array.from({ length: 38 }, (_, i) => `dieu-${i + 1}`),
  );
  const dieu12 = findAnchor(structure, 'dieu-12')!;
  assert.equal(dieu12.heading, 'Nơi cư trú của người chưa thành niên');
  assert.match(text(blocks[dieu12.start]), /^Điều 12\. /);
  assert.deepEqual(
    dieu12.children.map((k) => k.anchor),
    ['dieu-12-khoan-1', 'dieu-12-khoan-2'],
  );
  // Điều 4 khoản 2 lists điểm a to đ; đ is "dd" in an anchor, beside d.
  const khoan = findAnchor(structure, 'dieu-4-khoan-2')!;
  assert.deepEqual(
    khoan.children.map((p) => [p.label, p.anchor]),
    [
      ['Điểm a', 'dieu-4-khoan-2-diem-a'],
      ['Điểm b', 'dieu-4-khoan-2-diem-b'],
      ['Điểm c', 'dieu-4-khoan-2-diem-c'],
      ['Điểm d', 'dieu-4-khoan-2-diem-d'],
      ['Điểm đ', 'dieu-4-khoan-2-diem-dd'],
    ],
  );
  // Ranges: each Điều runs to the next; the last stops before the adoption clause.
  for (const chapter of chapters) {
    const own = chapter.children;
    for (let i = 1; i < own.length; i++) assert.equal(own[i - 1].end, own[i].start);
    assert.equal(own.at(-1)!.end, chapter.end);
  }
  assert.match(text(blocks[articles[37].end]), /^Luật này được Quốc hội/);
  assert.deepEqual(
    sectionsAt(structure, dieu12.start + 2).map((s) => s.anchor),
    ['chuong-iii', 'dieu-12', 'dieu-12-khoan-2'],
  );
});

test('Điều 37 of Luật Cư trú quotes other laws: their khoản stay inside it', () => {
  const { structure } = load('vlc-luat-cu-tru');
  const dieu37 = findAnchor(structure, 'dieu-37')!;
  // Khoản 1 quotes a whole new khoản 1 of Luật Căn cước công dân with its điểm a–s: not parsed.
  assert.deepEqual(
    dieu37.children.map((k) => k.anchor),
    ['dieu-37-khoan-1', 'dieu-37-khoan-2', 'dieu-37-khoan-3', 'dieu-37-khoan-4'],
  );
  assert.deepEqual(dieu37.children[0].children, []);
});

test('an amending decree: quoted wording is content, and a lost closing quote ends at Điều 2', () => {
  // Nghị định 141/2026/NĐ-CP: khoản 2 of Điều 1 quotes "“5. Sử dụng hóa đơn điện tử" with điểm
  // a)–c); the PDF text lost the closing ”, so the quotation ends at the next article line.
  const { blocks, structure } = load('congbao-nghi-dinh-so-141-2026-nd-cp-469455');
  const articles = articlesOf(structure);
  assert.deepEqual(
    articles.map((a) => a.anchor),
    ['dieu-1', 'dieu-2', 'dieu-3', 'dieu-4', 'dieu-5'],
  );
  assert.deepEqual(
    articles.slice(2).map((a) => a.heading),
    ['Hiệu lực thi hành', 'Điều khoản chuyển tiếp', 'Trách nhiệm thi hành'],
  );
  // Điều 2 opens its quotation on its own line ("… như sau: “15. Thu nhập …") and never closes it.
  assert.match(articles[1].heading!, /^Bổ sung khoản 15 Điều 4 Nghị định số 320\/2025\/NĐ-CP/);
  assert.deepEqual(articles[1].children, []);
  const khoan2 = findAnchor(structure, 'dieu-1-khoan-2')!;
  assert.deepEqual(khoan2.children, [], 'the quoted điểm a)–c) are not điểm of khoản 2');
  assert.equal(findAnchor(structure, 'dieu-1-khoan-5'), null, 'the quoted “5.” is not a khoản');
  assert.match(text(blocks[khoan2.start + 1]), /^“5\. /);
});

test('a circular issuing a regulation: the regulation’s Điều 1 is the second Điều 1', () => {
  const { blocks, structure } = load('congbao-thong-tu-so-15-2022-tt-bldtbxh-37777');
  const anchors = articlesOf(structure).map((a) => a.anchor);
  assert.deepEqual(anchors.slice(0, 4), ['dieu-1', 'dieu-2', 'dieu-1-2', 'dieu-2-2']);
  assert.deepEqual(
    anchors.slice(4),
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `dieu-${n}`),
  );
  assert.equal(
    findAnchor(structure, 'dieu-1-2')!.heading,
    'Phạm vi điều chỉnh và đối tượng áp dụng',
  );
  const appendix = structure.sections.at(-1)!;
  assert.equal(appendix.kind, 'phu-luc');
  assert.equal(appendix.end, blocks.length);
});

test('a consolidated text with forms: the forms’ own Điều are not the document’s', () => {
  const { structure } = load('congbao-van-ban-hop-nhat-so-605-vbhn-bldtbxh-41352');
  assert.equal(structure.articles, 6);
  // The PDF stuck a footnote's number to the heading ("Điều khoản thi hành5"): it goes.
  assert.equal(findAnchor(structure, 'dieu-6')!.heading, 'Điều khoản thi hành');
  const appendix = findAnchor(structure, 'phu-luc')!;
  assert.deepEqual(
    appendix.children.map((m) => m.anchor),
    ['mau-so-02', 'mau-so-03', 'mau-so-04'],
  );
  for (const section of walk(appendix.children)) assert.equal(section.kind, 'mau');
});

const p = (line: string): Block => ({ type: 'p', text: line });
const anchorsOf = (lines: string[]) =>
  [...walk(parseStructure(lines.map(p))?.sections ?? [])].map(
    (s) => `${s.anchor}|${s.heading ?? ''}`,
  );

const FORMS: Array<[string, string[], string[]]> = [
  [
    'Phần thứ nhất, Chương, Mục inside its Chương',
    [
      'Phần thứ nhất',
      'QUY ĐỊNH CHUNG',
      'Chương II',
      'CÁ NHÂN',
      'Mục 1',
      'NĂNG LỰC',
      'Điều 16. Năng lực',
    ],
    [
      'phan-thu-nhat|QUY ĐỊNH CHUNG',
      'chuong-ii|CÁ NHÂN',
      'chuong-ii-muc-1|NĂNG LỰC',
      'dieu-16|Năng lực',
    ],
  ],
  [
    'Phần in Roman and Arabic numbers, heading after a dash',
    ['PHẦN I – CĂN CỨ', 'Điều 1. A', 'Phần 2', 'Điều 2. B'],
    ['phan-i|CĂN CỨ', 'dieu-1|A', 'phan-2|', 'dieu-2|B'],
  ],
  [
    'an inserted Điều 5a, and "Điều 4:" and a bare in-order "Điều 6"',
    ['Điều 4: Bốn', 'Điều 5. Năm', 'Điều 5a. Năm a', 'Điều 6', 'Sáu'],
    ['dieu-4|Bốn', 'dieu-5|Năm', 'dieu-5a|Năm a', 'dieu-6|Sáu'],
  ],
  [
    'a reference wrapped onto its own line is not a Điều',
    ['Điều 1. Một', 'theo quy định tại', 'Điều 11 của Luật này.', 'Điều 2. Hai'],
    ['dieu-1|Một', 'dieu-2|Hai'],
  ],
  [
    'a quotation over several blocks holds Điều and khoản',
    [
      'Điều 1. Sửa đổi',
      '1. Điều 3 được sửa đổi như sau:',
      '“Điều 3. Ba',
      '1. Một.',
      'Điều 4. Bốn',
      '2. Hai.”',
      '2. Bãi bỏ Điều 5.',
      'Điều 2. Hiệu lực',
    ],
    ['dieu-1|Sửa đổi', 'dieu-1-khoan-1|', 'dieu-1-khoan-2|', 'dieu-2|Hiệu lực'],
  ],
  [
    'Tiểu mục, Phụ lục in Roman numbers, a Mẫu số in it',
    [
      'Chương I',
      'Mục 2',
      'Tiểu mục 1',
      'Điều 1. A',
      'Phụ lục II',
      'BIỂU MẪU',
      'Mẫu số 01',
      'Điều 1. Mẫu',
    ],
    [
      'chuong-i|',
      'chuong-i-muc-2|',
      'chuong-i-muc-2-tieu-muc-1|',
      'dieu-1|A',
      'phu-luc-ii|BIỂU MẪU',
      'mau-so-01|',
    ],
  ],
  [
    'a "Điều N." out of sequence while the next Điều is still to come is text',
    [
      'Điều 1. Một',
      '1. Sửa đổi Điều 5 như sau:',
      'Điều 5. Năm (mới)',
      'Điều 2. Hai',
      'Điều 4. Bốn',
    ],
    ['dieu-1|Một', 'dieu-1-khoan-1|', 'dieu-2|Hai', 'dieu-4|Bốn'],
  ],
  [
    'khoản out of order are text (a list inside a khoản)',
    ['Điều 1. A', '1. Một', '2. Hai:', '7. Bảy', '3. Ba'],
    ['dieu-1|A', 'dieu-1-khoan-1|', 'dieu-1-khoan-2|', 'dieu-1-khoan-3|'],
  ],
];

for (const [name, lines, expected] of FORMS) {
  test(`form: ${name}`, () => assert.deepEqual(anchorsOf(lines), expected));
}

test('no structure in a news article', () => {
  assert.equal(
    parseStructure(['Hôm nay, xã tổ chức hội nghị.', 'Điều đáng chú ý là...'].map(p)),
    null,
  );
});

test('anchors of the shared convention', () => {
  assert.equal(articleAnchor('12'), 'dieu-12');
  assert.equal(articleAnchor('5a'), 'dieu-5a');
  assert.equal(articleAnchor('12', '2'), 'dieu-12-khoan-2');
  assert.equal(articleAnchor('12', '2', 'a'), 'dieu-12-khoan-2-diem-a');
  assert.equal(articleAnchor('12', '2', 'đ'), 'dieu-12-khoan-2-diem-dd');
  assert.equal(anchorOf('chuong', 'II', null), 'chuong-ii');
  assert.equal(anchorOf('muc', '1', 'chuong-ii'), 'chuong-ii-muc-1');
  assert.equal(anchorOf('phan', 'thứ nhất', null), 'phan-thu-nhat');
  assert.equal(anchorOf('phu-luc', 'I', null), 'phu-luc-i');
  assert.equal(anchorOf('mau', '01', null), 'mau-so-01');
});
