/**
 * The body's positioned blocks grouped the way the reader lays them out: list items into nested
 * lists, a table's cells with their ranges of the canonical text, consecutive footnotes together,
 * and a page marker wherever the page of a paged source changes. Every text range keeps its
 * offsets, so highlights and selections map onto any kind of block alike.
 */
import type { PositionedBlock } from '../../../electron/api/contract';
import { CELL_SEPARATOR, ROW_SEPARATOR } from '../../../electron/core/archive/layout';

export type ListItemBlock = Extract<PositionedBlock, { type: 'li' }>;
export type TableBlock = Extract<PositionedBlock, { type: 'table' }>;
export type FootnoteBlock = Extract<PositionedBlock, { type: 'footnote' }>;

export interface ListNode {
  block: ListItemBlock;
  children: ListGroup[];
}

export interface ListGroup {
  ordered: boolean;
  items: ListNode[];
}

export interface Range {
  start: number;
  end: number;
}

export type BodyGroup =
  | { kind: 'page'; key: string; page: number }
  | { kind: 'block'; key: string; index: number; block: PositionedBlock }
  | { kind: 'list'; key: string; list: ListGroup }
  | { kind: 'table'; key: string; block: TableBlock; cells: Range[][] }
  | { kind: 'footnotes'; key: string; items: FootnoteBlock[] };

/** One list from `pos`: items at its depth, deeper ones nested under the item before them. */
function parseList(items: ListItemBlock[], pos: number, depth: number): [ListGroup, number] {
  const group: ListGroup = { ordered: items[pos].ordered, items: [] };
  while (pos < items.length) {
    const item = items[pos];
    if (item.depth < depth) break;
    // An ordered list and a bulleted one side by side are two lists.
    if (group.items.length && item.ordered !== group.ordered) break;
    const node: ListNode = { block: item, children: [] };
    group.items.push(node);
    pos++;
    while (pos < items.length && items[pos].depth > depth) {
      const [child, next] = parseList(items, pos, items[pos].depth);
      node.children.push(child);
      pos = next;
    }
  }
  return [group, pos];
}

/** A run of list items as lists: most often one, nested by depth. */
export function buildLists(items: ListItemBlock[]): ListGroup[] {
  const lists: ListGroup[] = [];
  for (let pos = 0; pos < items.length;) {
    const [list, next] = parseList(items, pos, items[pos].depth);
    lists.push(list);
    pos = next;
  }
  return lists;
}

/** Each cell's range of the canonical text: cells joined by a tab, rows by a line break. */
export function tableCells(block: TableBlock): Range[][] {
  let offset = block.start;
  return block.rows.map((row, r) => {
    if (r > 0) offset += ROW_SEPARATOR.length;
    return row.map((cell, c) => {
      if (c > 0) offset += CELL_SEPARATOR.length;
      const range = { start: offset, end: offset + cell.length };
      offset = range.end;
      return range;
    });
  });
}

export function groupBlocks(blocks: readonly PositionedBlock[]): BodyGroup[] {
  const groups: BodyGroup[] = [];
  let page: number | undefined;
  let run: { type: 'li' | 'footnote'; items: PositionedBlock[]; first: number } | null = null;
  const endRun = () => {
    if (!run) return;
    if (run.type === 'footnote') {
      groups.push({ kind: 'footnotes', key: `f${run.first}`, items: run.items as FootnoteBlock[] });
    } else {
      buildLists(run.items as ListItemBlock[]).forEach((list, i) =>
        groups.push({ kind: 'list', key: `l${run!.first}-${i}`, list }),
      );
    }
    run = null;
  };
  blocks.forEach((block, i) => {
    if (block.page !== undefined && block.page !== page) {
      endRun();
      page = block.page;
      groups.push({ kind: 'page', key: `page${i}`, page });
    }
    if (block.type === 'li' || block.type === 'footnote') {
      if (run?.type !== block.type) {
        endRun();
        run = { type: block.type, items: [], first: i };
      }
      run.items.push(block);
      return;
    }
    endRun();
    if (block.type === 'table') {
      groups.push({ kind: 'table', key: `b${i}`, block, cells: tableCells(block) });
    } else {
      groups.push({ kind: 'block', key: `b${i}`, index: i, block });
    }
  });
  endRun();
  return groups;
}

/** "1.", "a)", "-", "•": the item's text carries its own marker, so the list shows none. */
const MARKER = /^(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[ivxlc]+[.)]|[-–—•*+▪◦·])\s/iu;

export function listHasMarkers(list: ListGroup): boolean {
  return list.items.every((node) => MARKER.test(node.block.text));
}

/**
 * h2–h4 by rank among the article's headings: the title is the page's h1, the article's highest
 * heading level (Word's Heading 1, a page's h2) is h2, and levels past the third read as h4.
 */
export function headingTag(level: number, topLevel = 1): 'h2' | 'h3' | 'h4' {
  const rank = level - topLevel;
  return rank <= 0 ? 'h2' : rank === 1 ? 'h3' : 'h4';
}

/** The highest (smallest) heading level among the blocks, 1 when there is none. */
export function topHeadingLevel(blocks: readonly PositionedBlock[]): number {
  const levels = blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : []));
  return levels.length ? Math.min(...levels) : 1;
}
