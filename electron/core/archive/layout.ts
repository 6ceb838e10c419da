/**
 * The canonical text of an article: the summary and every body block, joined by blank lines.
 * Annotation selectors (TextPosition start/end, TextQuote exact/prefix/suffix) point into it, and
 * the reader renders each block with its range, so a highlight maps back onto the page.
 */
import type { Block } from '../model';

export const BLOCK_SEPARATOR = '\n\n';

export interface Layout {
  text: string;
  summaryRange: { start: number; end: number } | null;
  blocks: Array<Block & { start: number; end: number }>;
}

/** A table's cells are separated by tabs and its rows by line breaks in the canonical text. */
export const CELL_SEPARATOR = '\t';
export const ROW_SEPARATOR = '\n';

/** The block's part of the canonical text (a figure's credit and a footnote's label stay out). */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'figure':
      return block.caption;
    case 'table':
      return block.rows.map((row) => row.join(CELL_SEPARATOR)).join(ROW_SEPARATOR);
    default:
      return block.text;
  }
}

export function layoutArticle(summary: string | null, blocks: readonly Block[]): Layout {
  const parts: string[] = [];
  let offset = 0;
  let summaryRange: Layout['summaryRange'] = null;
  const place = (text: string) => {
    if (parts.length) offset += BLOCK_SEPARATOR.length;
    const range = { start: offset, end: offset + text.length };
    parts.push(text);
    offset += text.length;
    return range;
  };
  if (summary) summaryRange = place(summary);
  const positioned = blocks.map((block) => ({ ...block, ...place(blockText(block)) }));
  return { text: parts.join(BLOCK_SEPARATOR), summaryRange, blocks: positioned };
}
