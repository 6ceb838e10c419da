import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  foldDiacritics,
  hasDiacritics,
  nfc,
  normalizeTone,
  syllablePairs,
  syllables,
  tokenize,
} from '../../../electron/core/text/vietnamese';

const NFD = (s: string) => s.normalize('NFD');

describe('nfc', () => {
  const cases: Array<[string, string, string]> = [
    ['NFD input is composed', NFD('Lạng Sơn'), 'Lạng Sơn'],
    ['a BOM is dropped', '\uFEFFChủ nhật', 'Chủ nhật'],
    ['a non-breaking space becomes a space', 'Chủ nhật,\u00A021/07/2024', 'Chủ nhật, 21/07/2024'],
    ['narrow and figure spaces too', 'a\u202Fb\u2007c', 'a b c'],
    ['zero-width characters vanish', 'dân\u200Bvận', 'dânvận'],
    [
      'NFD, BOM and NBSP at once',
      `\uFEFF${NFD('Đà Nẵng')}\u00A0${NFD('hôm nay')}`,
      'Đà Nẵng hôm nay',
    ],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => {
      const out = nfc(input);
      assert.equal(out, expected);
      assert.equal(out, out.normalize('NFC'));
    });
  }
});

describe('foldDiacritics', () => {
  const cases: Array<[string, string]> = [
    ['đ', 'd'],
    ['Đ', 'D'],
    ['Đà Nẵng', 'Da Nang'],
    ['đảng đang dạng', 'dang dang dang'],
    ['a à á ả ã ạ', 'a a a a a a'],
    ['ă ằ ắ ẳ ẵ ặ', 'a a a a a a'],
    ['â ầ ấ ẩ ẫ ậ', 'a a a a a a'],
    ['ê ề ế ể ễ ệ', 'e e e e e e'],
    ['ô ồ ố ổ ỗ ộ', 'o o o o o o'],
    ['ơ ờ ớ ở ỡ ợ', 'o o o o o o'],
    ['ư ừ ứ ử ữ ự', 'u u u u u u'],
    ['ì í ỉ ĩ ị ỳ ý ỷ ỹ ỵ', 'i i i i i y y y y y'],
    ['Ắ Ầ Ế Ộ Ợ Ự Ỵ', 'A A E O O U Y'],
    ['công tác dân vận', 'cong tac dan van'],
    [NFD('người được'), 'nguoi duoc'],
    ['45/2019/QH14', '45/2019/QH14'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${expected}`, () => {
      const out = foldDiacritics(input);
      assert.equal(out, expected);
      assert.equal(out, out.normalize('NFC'));
    });
  }
});

describe('normalizeTone', () => {
  const same: Array<[string, string]> = [
    ['hòa', 'hoà'],
    ['thủy', 'thuỷ'],
    ['khỏe', 'khoẻ'],
    ['hóa', 'hoá'],
    ['úy', 'uý'],
    ['tùy', 'tuỳ'],
    ['hỏa', 'hoả'],
  ];
  for (const [oldStyle, newStyle] of same) {
    test(`${oldStyle} and ${newStyle} give the same syllable`, () => {
      assert.equal(normalizeTone(oldStyle), normalizeTone(newStyle));
      assert.equal(normalizeTone(NFD(oldStyle)), normalizeTone(newStyle));
    });
  }

  const unchanged = [
    'quý',
    'giữa',
    'người',
    'được',
    'hoàng',
    'khuỷu',
    'quỳnh',
    'gì',
    'thuở',
    'dân',
  ];
  for (const word of unchanged) {
    test(`${word} is left as it is`, () => {
      assert.equal(normalizeTone(word), word);
      assert.equal(normalizeTone(NFD(word)), word);
    });
  }

  test('a word without a tone, or with two tones, is only composed', () => {
    assert.equal(normalizeTone('hoa'), 'hoa');
    assert.equal(normalizeTone(NFD('ươn')), 'ươn');
    assert.equal(normalizeTone('a\u0300\u0301'), 'a\u0300\u0301'.normalize('NFC'));
  });
});

describe('tokenize', () => {
  test('offsets point into the NFC text, forms are lower-case exact and folded', () => {
    const text = 'Ban Dân vận Tỉnh ủy, Lạng Sơn';
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => [t.exact, t.folded]),
      [
        ['ban', 'ban'],
        ['dân', 'dan'],
        ['vận', 'van'],
        ['tỉnh', 'tinh'],
        ['uỷ', 'uy'], // tone placement normalised: ủy → uỷ
        ['lạng', 'lang'],
        ['sơn', 'son'],
      ],
    );
    for (const t of tokens) {
      assert.equal(normalizeTone(text.slice(t.start, t.end).toLowerCase()), t.exact);
    }
  });

  test('NFD input: offsets are into its NFC form', () => {
    const text = NFD('Đà Nẵng hòa');
    const composed = text.normalize('NFC');
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => composed.slice(t.start, t.end)),
      ['Đà', 'Nẵng', 'hòa'],
    );
    assert.deepEqual(
      tokens.map((t) => t.folded),
      ['da', 'nang', 'hoa'],
    );
    assert.equal(tokens[2].exact, normalizeTone('hoà'));
  });

  test('numbers and document numbers split into syllables', () => {
    assert.deepEqual(syllables('Luật số 45/2019/QH14 ngày 20.11.2019'), [
      'luật',
      'số',
      '45',
      '2019',
      'qh14',
      'ngày',
      '20',
      '11',
      '2019',
    ]);
  });

  test('a stray combining mark stays inside its word and in the offsets', () => {
    const text = 'hoà\u0300 bình';
    const tokens = tokenize(text);
    assert.equal(tokens.length, 2);
    assert.equal(tokens[0].exact, 'hoà');
    assert.deepEqual([tokens[0].start, tokens[0].end], [0, 4]);
    assert.deepEqual([tokens[1].start, tokens[1].end], [5, 9]);
  });

  test('a lone combining mark between spaces is no token', () => {
    assert.deepEqual(syllables('x \u0301 y'), ['x', 'y']);
  });

  test('punctuation, emoji and empty text give no tokens', () => {
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize('“ – … ~ : " 🇻🇳 👍'), []);
  });
});

describe('syllablePairs', () => {
  const cases: Array<[string[], string[]]> = [
    [[], []],
    [['dân'], []],
    [['dân', 'vận'], ['dân vận']],
    [
      ['công', 'tác', 'dân', 'vận'],
      ['công tác', 'tác dân', 'dân vận'],
    ],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.deepEqual(syllablePairs(input), expected));
  }
});

describe('hasDiacritics', () => {
  const cases: Array<[string, boolean]> = [
    ['dan van', false],
    ['dân vận', true],
    [NFD('dân vận'), true],
    ['đi', true],
    ['Đ', true],
    ['45/2019/QH14', false],
    ['', false],
    ['hello world', false],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${expected}`, () =>
      assert.equal(hasDiacritics(input), expected));
  }
});
