/**
 * Effective dates read from real documents (tests/fixtures/law-relations): a printed date, "kể
 * từ ngày ký (ban hành)" (the document's own date), "sau 45 ngày kể từ ngày ký" (counted), and
 * the document's own statement chosen over those it quotes or only mentions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { recordToDraft } from '../../../electron/core/importers/json';
import { blockText } from '../../../electron/core/archive/layout';
import { addDays, effectiveDate } from '../../../electron/core/law/relations-effective';

const FIXTURE = new URL('../../fixtures/law-relations/documents.jsonl', import.meta.url);
const drafts = fs
  .readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => recordToDraft(JSON.parse(l), i + 1, `fixture-${i}`));

const effectiveOf = (number: string) => {
  const d = drafts.find((x) => x.docNumber === number);
  assert.ok(d, `${number} is in the fixture`);
  return effectiveDate(d.blocks.map(blockText), d.date, d.docType);
};

const CASES: Array<[string, string, string]> = [
  // "Thông tư này có hiệu lực kể từ ngày 15 tháng 10 năm 2023"
  ['07/2023/TT-BLĐTBXH', '2023-10-15', 'a printed date'],
  ['10/2024/TT-BLĐTBXH', '2024-12-10', 'có hiệu lực thi hành kể từ ngày …'],
  // "…kể từ ngày 20 tháng 02 năm 2023; các quy định … áp dụng kể từ ngày 01 tháng 01 năm 2023"
  ['01/2023/TT-BLĐTBXH', '2023-02-20', 'taking effect, not applying'],
  ['41/2024/QH15', '2025-07-01', 'a law'],
  ['91/2015/QH13', '2017-01-01', 'Bộ luật này'],
  // Signed 2021-06-24, "có hiệu lực sau 45 ngày kể từ ngày ký".
  ['02/2021/TT-BLĐTBXH', '2021-08-08', '45 days after signature'],
  // "có hiệu lực kể từ ngày ký ban hành", signed 2026-04-25.
  ['113/NQ-CP', '2026-04-25', 'from signature'],
  ['798/QĐ-TTg', '2026-05-05', 'from signature, and replaces another'],
  // A consolidated text states the effect of the text it consolidates.
  ['10/VBHN-BTC', '2021-01-01', 'a consolidated text'],
];

for (const [number, expected, why] of CASES) {
  test(`effective date of ${number}: ${why}`, () => assert.equal(effectiveOf(number), expected));
}

test('a document that states no effective date has none; a relative one needs its own date', () => {
  assert.equal(
    effectiveDate(['Điều 1. Phạm vi điều chỉnh', 'Luật này quy định …'], '2020-01-01'),
    null,
  );
  const signed = 'Thông tư này có hiệu lực thi hành kể từ ngày ký.';
  assert.equal(effectiveDate([signed], null), null);
  assert.equal(effectiveDate([signed], '2024-03-06'), '2024-03-06');
  // A date that does not exist is no date.
  assert.equal(
    effectiveDate(['Thông tư này có hiệu lực từ ngày 31 tháng 02 năm 2024.'], null),
    null,
  );
});

test('days are counted across months and years', () => {
  assert.equal(addDays('2021-06-24', 45), '2021-08-08');
  assert.equal(addDays('2023-12-20', 45), '2024-02-03');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
});
