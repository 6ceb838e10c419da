import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { markQueryFromInput, markRanges } from '../../../electron/core/text/marks';

/** The text of each mark the query makes in `text`. */
const marks = (text: string, query: string) =>
  markRanges(text, markQueryFromInput(query)).map((r) => text.slice(r.start, r.end));

const NGHI_QUYET = 'Hội nghị quán triệt nghị quyết về công tác dân vận của nhân dân';

describe('markRanges: words, not scattered syllables', () => {
  const table: Array<[string, string, string, string[]]> = [
    ['pairs typed without accents', NGHI_QUYET, 'nghi quyet dan van', ['nghị quyết', 'dân vận']],
    ['pairs typed with accents', NGHI_QUYET, 'nghị quyết dân vận', ['nghị quyết', 'dân vận']],
    ['upper case text', 'NGHỊ QUYẾT VỀ DÂN VẬN', 'nghi quyet dan van', ['NGHỊ QUYẾT', 'DÂN VẬN']],
    [
      'NFD text',
      NGHI_QUYET.normalize('NFD'),
      'nghi quyet dan van',
      ['nghị quyết', 'dân vận'].map((s) => s.normalize('NFD')),
    ],
    ['NFD query', NGHI_QUYET, 'nghị quyết dân vận'.normalize('NFD'), ['nghị quyết', 'dân vận']],
    ['đ by d', 'Thành phố Đà Nẵng và đà phát triển', 'da nang', ['Đà Nẵng']],
    ['d by đ', 'Đà Nẵng', 'đà nẵng', ['Đà Nẵng']],
    ['old tone placement in the text', 'Hoà bình và hòa hợp', 'hòa binh', ['Hoà bình']],
    ['new tone placement in the text', 'Hòa bình và hoà hợp', 'hoà binh', ['Hòa bình']],
    ['thuỷ/thủy', 'Thuỷ lợi và thủy sản', 'thủy loi', ['Thuỷ lợi']],
    [
      'syllables only apart are marked singly',
      'Nghị định về vận tải và dân cư',
      'nghi quyet dan van',
      ['Nghị', 'vận', 'dân'],
    ],
    [
      'a syllable never paired is marked singly beside a pair',
      'Lạng Sơn: công tác dân vận ở Lạng Sơn',
      'dan van lang',
      ['Lạng', 'dân vận', 'Lạng'],
    ],
    [
      'the query in one run is one mark',
      'Thực hiện nghị quyết dân vận',
      'nghi quyet dan van',
      ['nghị quyết dân vận'],
    ],
    ['a comma breaks a pair', 'dân, vận động', 'dan van', ['dân', 'vận']],
    ['a line break breaks a pair', 'nhân dân\n\nvận động', 'dan van', ['dân', 'vận']],
    ['pairs follow the order typed', 'vận dân và dân vận', 'dan van', ['dân vận']],
    ['a quoted phrase is one mark, only whole', 'dân và vận; dân vận', '"dan van"', ['dân vận']],
    ['a quoted phrase found nowhere marks nothing', 'dân và vận', '"dan van"', []],
    [
      'a number of several syllables is one mark',
      'Luật số 45/2019/QH14 về',
      '45/2019/QH14',
      ['45/2019/QH14'],
    ],
    ['an excluded word marks nothing', 'xổ số kiến thiết', 'so -xo', ['số']],
    ['a field prefix is dropped', 'Lạng Sơn', 'title:lang son', ['Lạng Sơn']],
    ['a prefix marks the words it starts', 'Nghị định và nghị quyết', 'nghi*', ['Nghị', 'nghị']],
    ['a one-syllable query marks every occurrence', 'Dân vận, nhân dân', 'dân', ['Dân', 'dân']],
    ['no match, no mark', 'Không có gì', 'xyz', []],
  ];
  for (const [name, text, query, expected] of table) {
    test(name, () => assert.deepEqual(marks(text, query), expected));
  }

  test('a lone "nghị" (in "hội nghị") is not marked when the pair stands elsewhere', () => {
    const ranges = markRanges(NGHI_QUYET, markQueryFromInput('nghi quyet dan van'));
    assert.ok(!ranges.some((r) => r.start === 4), 'the "nghị" of "Hội nghị" is not marked');
    // "dân" of "nhân dân" neither: "dân vận" is present.
    assert.equal(ranges.length, 2);
  });

  test('offsets point into the text as given, needles name what each mark holds', () => {
    const text = '  Nghị quyết';
    assert.deepEqual(markRanges(text, markQueryFromInput('nghi quyet')), [
      { start: 2, end: 12, needles: [0, 1] },
    ]);
  });
});
