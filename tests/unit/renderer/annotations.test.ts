import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  segmentBlock,
  topHighlight,
  type HighlightRange,
} from '../../../renderer/src/annotations/segments';
import { buildSelector, CONTEXT_CHARS } from '../../../renderer/src/annotations/selector';
import { inReadingOrder, toHighlightRanges } from '../../../renderer/src/annotations/colors';
import type { Annotation } from '../../../electron/core/model';

const h = (id: string, start: number, end: number, color = 'yellow'): HighlightRange => ({
  id,
  start,
  end,
  color,
  hasNote: false,
});

test('a block without highlights is one plain segment', () => {
  assert.deepEqual(segmentBlock(10, 20, []), [{ start: 10, end: 20, highlights: [], find: null }]);
});

test('a highlight inside a block cuts it in three', () => {
  const segs = segmentBlock(0, 30, [h('a', 5, 12)]);
  assert.deepEqual(
    segs.map((s) => [s.start, s.end, s.highlights.map((x) => x.id)]),
    [
      [0, 5, []],
      [5, 12, ['a']],
      [12, 30, []],
    ],
  );
});

test('a highlight spanning blocks is clipped to each block', () => {
  const range = [h('a', 15, 45)];
  const first = segmentBlock(0, 20, range);
  const middle = segmentBlock(22, 40, range);
  const last = segmentBlock(42, 60, range);
  assert.deepEqual(
    first.map((s) => [s.start, s.end, s.highlights.length]),
    [
      [0, 15, 0],
      [15, 20, 1],
    ],
  );
  assert.deepEqual(
    middle.map((s) => [s.start, s.end, s.highlights.length]),
    [[22, 40, 1]],
  );
  assert.deepEqual(
    last.map((s) => [s.start, s.end, s.highlights.length]),
    [
      [42, 45, 1],
      [45, 60, 0],
    ],
  );
});

test('overlapping highlights and find matches split at every boundary', () => {
  const segs = segmentBlock(
    0,
    20,
    [h('a', 0, 10), h('b', 5, 15, 'blue')],
    [{ start: 8, end: 12, index: 0 }],
  );
  assert.deepEqual(
    segs.map((s) => [s.start, s.end, s.highlights.map((x) => x.id).join(), s.find?.index ?? -1]),
    [
      [0, 5, 'a', -1],
      [5, 8, 'a,b', -1],
      [8, 10, 'a,b', 0],
      [10, 12, 'b', 0],
      [12, 15, 'b', -1],
      [15, 20, '', -1],
    ],
  );
  assert.equal(topHighlight([h('a', 0, 10), h('b', 5, 8)])?.id, 'b', 'innermost wins');
});

test('ranges outside the block and empty ranges are ignored', () => {
  assert.equal(segmentBlock(10, 20, [h('a', 0, 10), h('b', 20, 30), h('c', 15, 15)]).length, 1);
});

test('buildSelector quotes the range with 32 characters of context each side', () => {
  const text = 'a'.repeat(50) + 'dân vận' + 'b'.repeat(50);
  const s = buildSelector(text, 50, 57)!;
  assert.equal(s.exact, 'dân vận');
  assert.equal(s.prefix, 'a'.repeat(CONTEXT_CHARS));
  assert.equal(s.suffix, 'b'.repeat(CONTEXT_CHARS));
  assert.deepEqual([s.start, s.end], [50, 57]);
});

test('buildSelector trims white space, clamps, and refuses empty ranges', () => {
  const text = 'Mở đầu.\n\n  Đoạn hai.  ';
  const s = buildSelector(text, 6, 40)!;
  assert.equal(s.exact, '.\n\n  Đoạn hai.');
  assert.equal(s.prefix, 'Mở đầu');
  assert.equal(s.suffix, '  ');
  assert.equal(buildSelector(text, 7, 11), null);
  assert.equal(buildSelector(text, 3, 3), null);
});

const ann = (
  id: string,
  start: number | null,
  kind: Annotation['kind'] = 'highlight',
): Annotation => ({
  id,
  articleId: 'x',
  kind,
  color: null,
  note: id === 'n' ? 'ghi chú' : null,
  selector: start === null ? null : { exact: 'x', prefix: '', suffix: '', start, end: start + 5 },
  created: '2024-01-01T00:00:00Z',
  updated: '2024-01-01T00:00:00Z',
});

test('bookmarks are not drawn; highlights sort in reading order with a default colour', () => {
  const list = [ann('b', 40), ann('m', null, 'bookmark'), ann('n', 3, 'note')];
  assert.deepEqual(
    toHighlightRanges(list).map((r) => [r.id, r.color, r.hasNote]),
    [
      ['n', 'yellow', true],
      ['b', 'yellow', false],
    ],
  );
  assert.deepEqual(
    inReadingOrder(list).map((a) => a.id),
    ['n', 'b'],
  );
});
