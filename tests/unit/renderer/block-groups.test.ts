import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block } from '../../../electron/core/model';
import { blockText, layoutArticle } from '../../../electron/core/archive/layout';
import {
  buildLists,
  groupBlocks,
  headingTag,
  listHasMarkers,
  topHeadingLevel,
  type ListItemBlock,
} from '../../../renderer/src/reader/blockGroups';

const li = (text: string, depth = 0, ordered = false): Block => ({
  type: 'li',
  text,
  ordered,
  depth,
});

test('list items nest by depth; an ordered and a bulleted list side by side stay two', () => {
  const { blocks } = layoutArticle(null, [
    li('1. Một', 0, true),
    li('a) Một a', 1, true),
    li('b) Một b', 1, true),
    li('2. Hai', 0, true),
    li('- Gạch', 0, false),
  ]);
  const lists = buildLists(blocks as ListItemBlock[]);
  assert.equal(lists.length, 2);
  assert.equal(lists[0].ordered, true);
  assert.deepEqual(
    lists[0].items.map((n) => [
      n.block.text,
      n.children.map((c) => c.items.map((i) => i.block.text)),
    ]),
    [
      ['1. Một', [['a) Một a', 'b) Một b']]],
      ['2. Hai', []],
    ],
  );
  assert.equal(lists[1].ordered, false);
  assert.ok(listHasMarkers(lists[0]) && listHasMarkers(lists[1]));
  assert.ok(
    !listHasMarkers(buildLists([{ ...(blocks[0] as ListItemBlock), text: 'Không dấu' }])[0]),
  );
  // A list that starts deep, then comes back up, loses no item.
  const odd = buildLists(
    layoutArticle(null, [li('x', 2), li('y', 0), li('z', 1)]).blocks as ListItemBlock[],
  );
  const count = (groups: typeof odd): number =>
    groups.reduce((n, g) => n + g.items.reduce((m, i) => m + 1 + count(i.children), 0), 0);
  assert.equal(count(odd), 3);
});

test('table cells are ranges of the canonical text; page markers where the page changes', () => {
  const body: Block[] = [
    { type: 'heading', level: 1, text: 'Điều 1', page: 1 },
    {
      type: 'table',
      rows: [
        ['Xã', 'Số hộ'],
        ['Bình Gia', '1.204'],
      ],
      page: 1,
    },
    { type: 'p', text: 'Đoạn ở trang hai.', page: 2 },
    li('- một', 0),
    li('- hai', 0),
    { type: 'footnote', label: '1', text: 'Chú thích một.', page: 2 },
    { type: 'footnote', label: '2', text: 'Chú thích hai.', page: 2 },
  ];
  const layout = layoutArticle('Tóm tắt', body);
  const groups = groupBlocks(layout.blocks);
  assert.deepEqual(
    groups.map((g) => g.kind),
    ['page', 'block', 'table', 'page', 'block', 'list', 'footnotes'],
  );
  const table = groups[2];
  assert.ok(table.kind === 'table');
  const cellTexts = table.cells.map((row) => row.map((c) => layout.text.slice(c.start, c.end)));
  assert.deepEqual(cellTexts, [
    ['Xã', 'Số hộ'],
    ['Bình Gia', '1.204'],
  ]);
  assert.equal(layout.text.slice(table.block.start, table.block.end), blockText(body[1]));
  const notes = groups[6];
  assert.ok(notes.kind === 'footnotes' && notes.items.length === 2);
  assert.deepEqual(
    groups.filter((g) => g.kind === 'page').map((g) => (g.kind === 'page' ? g.page : 0)),
    [1, 2],
  );
  assert.deepEqual(
    [1, 2, 3, 6].map((level) => headingTag(level)),
    ['h2', 'h3', 'h4', 'h4'],
  );
  // A page whose sub-headings start at h2 (h1 is its title): its h2 is the reader's h2.
  assert.deepEqual(
    [2, 3].map((level) => headingTag(level, 2)),
    ['h2', 'h3'],
  );
  assert.equal(topHeadingLevel(layout.blocks), 1);
});
