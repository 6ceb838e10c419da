/**
 * TCVN3 (TCVN 5712:1993) and VNI-Windows: every Vietnamese letter in both, real paragraphs
 * encoded and read back, and text that must never be taken for either.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import {
  convertLegacy,
  detectLegacy,
  fromLegacy,
  isVietnameseSyllable,
  legacyView,
  toLegacyBytes,
} from '../../../electron/core/text/legacy';
import { decodeText } from '../../../electron/core/text/decode';

/** Rows of the alphabet: the vowel, then grave, hook, tilde, acute, dot below. */
const ROWS = [
  'aàảãáạ',
  'ăằẳẵắặ',
  'âầẩẫấậ',
  'eèẻẽéẹ',
  'êềểễếệ',
  'iìỉĩíị',
  'oòỏõóọ',
  'ôồổỗốộ',
  'ơờởỡớợ',
  'uùủũúụ',
  'ưừửữứự',
  'yỳỷỹýỵ',
];

/** TCVN 5712:1993, one byte per letter, in the order of ROWS (0 = plain ASCII). */
const TCVN3_LOWER = [
  [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
];
const TCVN3_UPPER = [
  [0x41, 0x80, 0x81, 0x82, 0x83, 0x84],
  [0xa1, 0xaf, 0xba, 0xbf, 0xc0, 0x85],
  [0xa2, 0xc1, 0xc2, 0xc3, 0xc4, 0x86],
  [0x45, 0x87, 0x88, 0x89, 0x8a, 0x8b],
  [0xa3, 0xc5, 0xcd, 0xd9, 0xda, 0x8c],
  [0x49, 0x8d, 0x8e, 0x8f, 0x90, 0x91],
  [0x4f, 0x92, 0x93, 0x94, 0x95, 0x96],
  [0xa4, 0xdb, 0xe0, 0xf0, 0xff, 0x97],
  [0xa5, 0x98, 0x99, 0x9a, 0x9b, 0x9c],
  [0x55, 0x9d, 0x9e, 0x9f, 0x01, 0x02],
  [0xa6, 0x04, 0x05, 0x06, 0x11, 0x12],
  [0x59, 0x13, 0x14, 0x15, 0x16, 0x17],
];

/** VNI-Windows, as the Windows-1252 characters of its bytes: base letter + mark, or one byte. */
const VNI_LOWER = [
  ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
];
const VNI_UPPER = [
  ['A', 'AØ', 'AÛ', 'AÕ', 'AÙ', 'AÏ'],
  ['AÊ', 'AÈ', 'AÚ', 'AÜ', 'AÉ', 'AË'],
  ['AÂ', 'AÀ', 'AÅ', 'AÃ', 'AÁ', 'AÄ'],
  ['E', 'EØ', 'EÛ', 'EÕ', 'EÙ', 'EÏ'],
  ['EÂ', 'EÀ', 'EÅ', 'EÃ', 'EÁ', 'EÄ'],
  ['I', 'Ì', 'Æ', 'Ó', 'Í', 'Ò'],
  ['O', 'OØ', 'OÛ', 'OÕ', 'OÙ', 'OÏ'],
  ['OÂ', 'OÀ', 'OÅ', 'OÃ', 'OÁ', 'OÄ'],
  ['Ô', 'ÔØ', 'ÔÛ', 'ÔÕ', 'ÔÙ', 'ÔÏ'],
  ['U', 'UØ', 'UÛ', 'UÕ', 'UÙ', 'UÏ'],
  ['Ö', 'ÖØ', 'ÖÛ', 'ÖÕ', 'ÖÙ', 'ÖÏ'],
  ['Y', 'YØ', 'YÛ', 'YÕ', 'YÙ', 'Î'],
];

/** Every letter with its encodings; plain a e i o u y are ASCII and left out. */
function letters(): Array<{ letter: string; tcvn3: number; vni: string }> {
  const out: Array<{ letter: string; tcvn3: number; vni: string }> = [];
  ROWS.forEach((row, r) => {
    Array.from(row).forEach((letter, c) => {
      if (c === 0 && 'aeiouy'.includes(letter)) return;
      out.push({ letter, tcvn3: TCVN3_LOWER[r][c], vni: VNI_LOWER[r][c] });
      out.push({ letter: letter.toUpperCase(), tcvn3: TCVN3_UPPER[r][c], vni: VNI_UPPER[r][c] });
    });
  });
  out.push({ letter: 'đ', tcvn3: 0xae, vni: 'ñ' }, { letter: 'Đ', tcvn3: 0xa7, vni: 'Ñ' });
  return out;
}

describe('every Vietnamese letter', () => {
  const table = letters();

  test('the table holds all 134 letters outside ASCII', () => {
    assert.equal(table.length, 134);
    assert.equal(new Set(table.map((t) => t.letter)).size, 134);
  });

  test('TCVN3: each byte, inside a word, reads as its letter', () => {
    for (const { letter, tcvn3 } of table) {
      const bytes = Uint8Array.of(0x62, tcvn3, 0x6e); // "b…n"
      assert.equal(fromLegacy(legacyView(bytes), 'tcvn3'), `b${letter}n`, letter);
    }
  });

  test('TCVN3: the same table as iconv-lite’s TCVN 5712 for every byte above 0x7F', () => {
    for (const { letter, tcvn3 } of table.filter((t) => t.tcvn3 >= 0x80)) {
      assert.equal(iconv.decode(Buffer.from([tcvn3]), 'tcvn'), letter);
    }
  });

  test('VNI: each letter, inside a word, reads as its letter', () => {
    for (const { letter, vni } of table) {
      assert.equal(fromLegacy(`b${vni}n`, 'vni'), `b${letter}n`, `${letter} ← ${vni}`);
    }
  });

  test('both encoders write each letter as the table says', () => {
    for (const { letter, tcvn3, vni } of table) {
      assert.deepEqual([...toLegacyBytes(letter, 'tcvn3')], [tcvn3], letter);
      assert.equal(legacyView(toLegacyBytes(letter, 'vni')), vni, letter);
    }
  });
});

function corpusParagraphs(file: string, count: number): string[] {
  const text = zlib.gunzipSync(fs.readFileSync(`/work/shared/corpus/${file}`)).toString('utf8');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { body: string };
    for (const p of record.body.split(/\n+/)) {
      // Paragraphs a legacy file can hold: Vietnamese letters, ASCII, quotes and dashes.
      if (p.length > 80 && !toLegacyBytes(p, 'tcvn3').includes(0x3f) && !p.includes('?')) {
        out.push(p.normalize('NFC'));
        break;
      }
    }
    if (out.length >= count) break;
  }
  return out;
}

describe('real paragraphs', () => {
  const paragraphs = [
    ...corpusParagraphs('vietnews-train-40k.jsonl.gz', 150),
    ...corpusParagraphs('official-documents-vn.jsonl.gz', 50),
  ];
  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc';

  for (const encoding of ['tcvn3', 'vni'] as const) {
    test(`${encoding}: a document read from its bytes, converted and recorded`, () => {
      const text = `${motto}\n\n${paragraphs.slice(0, 5).join('\n\n')}`;
      const bytes = toLegacyBytes(text, encoding);
      // Not UTF-8, so decoding hands over the Windows-1252 view the fonts were keyed on.
      const decoded = decodeText(bytes);
      assert.notEqual(decoded, text);
      const converted = convertLegacy(decoded);
      assert.equal(converted.encoding, encoding);
      assert.equal(converted.text, text);
    });

    test(`${encoding}: ${paragraphs.length} corpus paragraphs each detected and read back exactly`, () => {
      const wrong: string[] = [];
      for (const p of paragraphs) {
        const view = legacyView(toLegacyBytes(p, encoding));
        if (detectLegacy(view) !== encoding || fromLegacy(view, encoding) !== p) wrong.push(p);
      }
      assert.deepEqual(wrong, []);
    });
  }

  test('TCVN3 with Word’s curly quotes, dashes and ellipsis beside capitals', () => {
    // (A capital standing alone between spaces where Word puts a dash — Ộ, Ọ — reads as the dash.)
    const text = '“Ở đây” – ông nói… ‘Ủy ban’ HỌC TẬP, BỘ NỘI VỤ. Ấp Ông Đồ, ỞI, HOÀ 100€.';
    const view = legacyView(toLegacyBytes(text, 'tcvn3'));
    assert.equal(fromLegacy(view, 'tcvn3'), text);
  });

  test('a UTF-8 page typed in a legacy font (mojibake) is recognised too', () => {
    const tcvn = 'Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc';
    assert.deepEqual(convertLegacy(tcvn), {
      text: 'Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc',
      encoding: 'tcvn3',
    });
    const vni = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc';
    assert.deepEqual(convertLegacy(vni), {
      text: 'Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc',
      encoding: 'vni',
    });
  });
});

describe('never misfires', () => {
  const paragraphs = corpusParagraphs('baomoi-2017-35k.jsonl.gz', 100);
  const text = paragraphs.join('\n');

  test('Unicode Vietnamese, as UTF-8 and as UTF-16', () => {
    assert.equal(detectLegacy(text), null);
    assert.equal(convertLegacy(decodeText(Buffer.from(text, 'utf8'))).encoding, null);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    assert.equal(convertLegacy(decodeText(utf16)).encoding, null);
    // Decomposed (NFD) Unicode has no byte above 0x7F that is not a mark.
    assert.equal(detectLegacy(text.normalize('NFD')), null);
  });

  test('Windows-1258 Vietnamese (base letters with combining tone marks)', () => {
    const cp1258 = Array.from(text.normalize('NFD'))
      .map((ch) => ch)
      .join('')
      // Windows-1258 has â ê ô ă ơ ư đ precomposed and the five tones as combining marks.
      .replace(/([aeoAEOuU])([\u0302\u0306\u031B])/g, (_, b: string, m: string) =>
        (b + m).normalize('NFC'),
      );
    const bytes = iconv.encode(cp1258, 'windows1258');
    assert.ok(bytes.filter((b) => b >= 0x80).length > 500);
    assert.equal(detectLegacy(legacyView(bytes)), null);
    assert.equal(convertLegacy(iconv.decode(bytes, 'windows1258')).encoding, null);
  });

  test('Western European text in Windows-1252', () => {
    const western = [
      'Le conseil municipal a décidé de rénover l’église et le théâtre près de la rivière.',
      'Où êtes-vous allés cet été ? À Genève, à Montréal et à Besançon, déjà trois fois.',
      'Die Bürgermeisterin hat für die Schüler ein größeres Gebäude über der Brücke geöffnet.',
      'El niño pidió más información sobre la canción y el año de publicación del álbum.',
      'Søren og Åse kjøpte blåbær på torget før de dro hjem til Tromsø i går kveld.',
    ].join(' ');
    const bytes = iconv.encode(western, 'windows1252');
    assert.equal(detectLegacy(legacyView(bytes)), null);
    assert.equal(detectLegacy(western), null);
  });

  test('plain ASCII, numbers and a few stray symbols', () => {
    assert.equal(
      detectLegacy('Report 2024: 45% growth, 30°C, © 2024 — all rights reserved.'),
      null,
    );
    assert.equal(detectLegacy(''), null);
  });
});

test('the syllable check behind detection', () => {
  for (const word of ['nghĩa', 'người', 'Việt', 'QUYẾT', 'khuyến', 'hoà', 'thuỷ', 'gì', 'ổ']) {
    assert.ok(isVietnameseSyllable(word), word);
  }
  for (const word of ['été', 'schön', 'über', 'café', 'año', 'tiờỡng', 'ẳ', 'cátà', 'hộtộ']) {
    assert.ok(!isVietnameseSyllable(word), word);
  }
});
