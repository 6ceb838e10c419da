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

export function blockText(block: Block): string {
  return block.type === 'p' ? block.text : block.caption;
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
