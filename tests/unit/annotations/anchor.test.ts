import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { anchor, CONTEXT_CHARS, selectorFor } from '../../../electron/core/annotations/anchor';

const TEXT = [
  'Công tác dân vận ở Lạng Sơn.',
  'Ban Dân vận Tỉnh ủy làm tốt công tác dân vận ở cơ sở.',
  'Kinh tế – xã hội phát triển; công tác dân vận được hòa nhập vào đời sống.',
].join('\n\n');

const slice = (text: string, r: { start: number; end: number } | null) =>
  r ? text.slice(r.start, r.end) : null;

/** Every start of `needle` in `text`. */
function positions(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

describe('selectorFor', () => {
  test('quote, context and position of a range', () => {
    const start = TEXT.indexOf('Lạng Sơn');
    const s = selectorFor(TEXT, { start, end: start + 8 });
    assert.equal(s.exact, 'Lạng Sơn');
    assert.equal(s.prefix, TEXT.slice(Math.max(0, start - CONTEXT_CHARS), start));
    assert.equal(s.suffix, TEXT.slice(start + 8, start + 8 + CONTEXT_CHARS));
    assert.deepEqual([s.start, s.end], [start, start + 8]);
  });

  test('context is cut at the edges of the text', () => {
    const s = selectorFor(TEXT, { start: 0, end: 4 });
    assert.equal(s.prefix, '');
    const end = selectorFor(TEXT, { start: TEXT.length - 5, end: TEXT.length });
    assert.equal(end.suffix, '');
  });
});

describe('anchor by position', () => {
  test('the position is trusted when the quote is still there', () => {
    const [, second] = positions(TEXT, 'công tác dân vận');
    const s = selectorFor(TEXT, { start: second, end: second + 16 });
    assert.deepEqual(anchor(TEXT, s), { start: second, end: second + 16 });
  });

  test('every repeat anchors back to itself from its own full selector', () => {
    const all = positions(TEXT, 'dân vận');
    assert.equal(all.length, 3);
    for (const at of all) {
      const s = selectorFor(TEXT, { start: at, end: at + 7 });
      assert.equal(anchor(TEXT, s)?.start, at);
      // Position lost: prefix and suffix alone still choose the right repeat.
      assert.equal(anchor(TEXT, { exact: s.exact, prefix: s.prefix, suffix: s.suffix })?.start, at);
    }
  });
});

describe('anchor by quote', () => {
  test('a drifted position is corrected by the quote', () => {
    const at = TEXT.indexOf('Tỉnh ủy');
    const r = anchor(TEXT, {
      exact: 'Tỉnh ủy',
      prefix: '',
      suffix: '',
      start: at + 5,
      end: at + 12,
    });
    assert.deepEqual(r, { start: at, end: at + 7 });
  });

  test('among repeats, prefix and suffix choose', () => {
    const [inBan, inKinhTe] = positions(TEXT, 'công tác dân vận');
    assert.equal(positions(TEXT, 'công tác dân vận').length, 2);
    const bySuffix = anchor(TEXT, { exact: 'công tác dân vận', suffix: ' ở cơ sở.' });
    assert.equal(bySuffix?.start, inBan);
    const byPrefix = anchor(TEXT, { exact: 'công tác dân vận', prefix: 'xã hội phát triển; ' });
    assert.equal(byPrefix?.start, inKinhTe);
  });

  test('without context, the repeat nearest the old position wins', () => {
    const all = positions(TEXT, 'dân vận');
    const r = anchor(TEXT, { exact: 'dân vận', start: all[2] + 3, end: all[2] + 10 });
    assert.equal(r?.start, all[2]);
  });

  test('without context or position, the first occurrence', () => {
    assert.equal(anchor(TEXT, { exact: 'dân vận' })?.start, TEXT.indexOf('dân vận'));
  });

  test('a quote that is nowhere gives null, an empty quote too', () => {
    assert.equal(anchor(TEXT, { exact: 'Hà Giang' }), null);
    assert.equal(anchor(TEXT, { exact: '' }), null);
    assert.equal(anchor(TEXT, { exact: '   ' }), null);
  });
});

describe('anchor tolerates small differences', () => {
  const cases: Array<[string, string, string]> = [
    ['collapsed whitespace', 'Ban  Dân\nvận', 'Ban Dân vận'],
    ['a hyphen for an en dash', 'Kinh tế - xã hội', 'Kinh tế – xã hội'],
    ['old tone placement in the quote', 'được hoà nhập', 'được hòa nhập'],
    ['NFD quote', 'Lạng Sơn.'.normalize('NFD'), 'Lạng Sơn.'],
    ['surrounding spaces', '  Tỉnh ủy  ', 'Tỉnh ủy'],
    ['a quote typed without accents', 'cong tac dan van duoc', 'công tác dân vận được'],
  ];
  for (const [name, quote, found] of cases) {
    test(name, () => assert.equal(slice(TEXT, anchor(TEXT, { exact: quote })), found));
  }

  test('a whitespace-tolerant match across a block boundary', () => {
    const r = anchor(TEXT, { exact: 'Lạng Sơn. Ban Dân' });
    assert.equal(slice(TEXT, r), 'Lạng Sơn.\n\nBan Dân');
  });

  test('text with old tone placement is found by a new-style quote', () => {
    const text = 'Thuỷ lợi và hoà bình';
    assert.equal(slice(text, anchor(text, { exact: 'thủy lợi' })), 'Thuỷ lợi');
  });
});

describe('a moved position that lands on a repeat of the quote', () => {
  test('is not trusted when the context says it is another occurrence', () => {
    const [first, second] = positions(TEXT, 'công tác dân vận');
    const right = selectorFor(TEXT, { start: second, end: second + 16 });
    // The stored position now points at the first repeat: same words, other context.
    const moved = { ...right, start: first, end: first + 16 };
    assert.deepEqual(anchor(TEXT, moved), { start: second, end: second + 16 });
  });

  test('is trusted when no context was kept (a quote typed on the command line)', () => {
    const [first] = positions(TEXT, 'công tác dân vận');
    const r = anchor(TEXT, { exact: 'công tác dân vận', start: first, end: first + 16 });
    assert.deepEqual(r, { start: first, end: first + 16 });
  });
});

describe('the tolerant match also uses the context', () => {
  const text = 'Hoà bình ở xã A. Hoà giải ở thôn B. Hoà bình ở thôn C.';

  test('a repeat typed with the other tone placement: prefix and suffix choose', () => {
    const byPrefix = anchor(text, { exact: 'hòa bình', prefix: 'giải ở thôn B. ' });
    assert.equal(byPrefix?.start, text.lastIndexOf('Hoà bình'));
    const bySuffix = anchor(text, { exact: 'hòa  bình', suffix: ' ở thôn C.' });
    assert.equal(bySuffix?.start, text.lastIndexOf('Hoà bình'));
    assert.equal(anchor(text, { exact: 'hòa bình' })?.start, 0);
  });

  test('and so does a quote typed without accents', () => {
    const r = anchor(text, { exact: 'hoa binh', suffix: 'o thon C' });
    assert.equal(r?.start, text.lastIndexOf('Hoà bình'));
  });
});
