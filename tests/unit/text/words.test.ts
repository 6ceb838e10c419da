/**
 * The word scanner (text/words.ts) must find exactly the words the regular expression it replaced
 * finds — `[\p{L}\p{N}][\p{L}\p{N}\p{M}]*` in Unicode mode — on real text in all its forms, on
 * the characters that make scanners go wrong, and on random strings of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { eachWord } from '../../../electron/core/text/words';

const PATTERN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');

const byPattern = (text: string) =>
  [...text.matchAll(PATTERN)].map((m) => [m.index, m.index + m[0].length]);
function byScanner(text: string): number[][] {
  const found: number[][] = [];
  eachWord(text, (start, end) => found.push([start, end]));
  return found;
}
const same = (text: string) =>
  assert.deepEqual(byScanner(text), byPattern(text), JSON.stringify(text));

test('edge cases: marks, digits, scripts, astral and lone surrogates, separators', () => {
  const cases = [
    '',
    ' ',
    'a',
    'Nghị quyết 05-NQ/TW ngày 1/6/2026',
    'Đà Nẵng, Huế; Thủ Đức… “Cần Thơ”',
    'hoa\u0300 ho\u0300a \u0300hoa hoa\u0300\u0301 \u0301',
    'nghi\u0323\u0302 quye\u0302\u0301t'.normalize('NFD'),
    '3,5 tỷ đồng/m²; 10% và ½ ⅓ ① Ⅻ',
    'Москва́ ภาษาไทย 東京 العربية',
    '𝐀𝐁𝐂 emoji 😀x 𠀀𠀁 a\u{1D7CE}b',
    'a\uD800b \uDC00c d\uD83D',
    'zero\u200Bwidth non\u00A0breaking tab\there\nline',
    'ﬁnance ǅ ᾨ',
  ];
  for (const text of cases) same(text);
});

test('random strings of the characters that matter', () => {
  const alphabet = [
    ...'aăâđêôơưAĐ09 .,-/\n',
    '\u0300',
    '\u0301',
    '\u0323',
    '\u200B',
    '\u00A0',
    '😀',
    '𝐀',
    '\uD800',
    '\uDC00',
    '東',
    'ก',
    '\u0E31',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 5000; i++) {
    let text = '';
    const length = Math.floor(next() * 24);
    for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
    same(text);
  }
});

test('real articles and documents, as stored, NFC and NFD', () => {
  let checked = 0;
  for (const [file, count] of [
    ['vietnews-train-40k.jsonl.gz', 200],
    ['baomoi-2017-35k.jsonl.gz', 200],
    ['official-documents-vn.jsonl.gz', 6],
  ] as const) {
    const lines = zlib
      .gunzipSync(fs.readFileSync(path.join(CORPUS, file)))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, count);
    for (const line of lines) {
      for (const value of Object.values(JSON.parse(line) as Record<string, unknown>)) {
        if (typeof value !== 'string') continue;
        for (const text of [value, value.normalize('NFC'), value.normalize('NFD')]) {
          assert.deepEqual(byScanner(text), byPattern(text), `${file}: ${value.slice(0, 60)}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 2500, `${checked} texts`);
});
