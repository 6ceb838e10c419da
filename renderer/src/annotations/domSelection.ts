/**
 * Turns a DOM selection inside the rendered article into offsets of the canonical text. Every
 * rendered block carries `data-start` (its offset in the text); text inside `[data-skip]`
 * (print-only notes, badges) is not part of the article and is not counted.
 */
const BLOCK = '[data-start]';

function isSkipped(node: Node, block: Element): boolean {
  for (let el = node.parentElement; el && el !== block; el = el.parentElement) {
    if (el.hasAttribute('data-skip')) return true;
  }
  return false;
}

/** Characters of block text before the boundary point (container, offset). */
function offsetInBlock(block: Element, container: Node, offset: number): number {
  const boundary = document.createRange();
  boundary.setStart(container, offset);
  boundary.collapse(true);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isSkipped(node, block)) continue;
    const length = (node as Text).data.length;
    if (node === container) return count + Math.min(offset, length);
    const nodeRange = document.createRange();
    nodeRange.selectNodeContents(node);
    // Node entirely after the boundary: stop counting.
    if (nodeRange.compareBoundaryPoints(Range.START_TO_START, boundary) >= 0) return count;
    count += length;
  }
  return count;
}

function blockOf(node: Node): Element | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(BLOCK) ?? null;
}

function blockStart(block: Element): number {
  return Number(block.getAttribute('data-start'));
}

function blockLength(block: Element): number {
  return Number(block.getAttribute('data-end')) - blockStart(block);
}

/** Map one boundary point to a text offset; points between blocks snap to the nearest block. */
function pointToOffset(root: Element, node: Node, offset: number, isEnd: boolean): number | null {
  const block = blockOf(node);
  if (block && root.contains(block)) {
    const inner = offsetInBlock(block, node, offset);
    return blockStart(block) + Math.min(inner, blockLength(block));
  }
  const blocks = [...root.querySelectorAll(BLOCK)];
  const point = document.createRange();
  point.setStart(node, offset);
  if (isEnd) {
    for (let i = blocks.length - 1; i >= 0; i--) {
      const r = document.createRange();
      r.selectNodeContents(blocks[i]);
      if (r.compareBoundaryPoints(Range.END_TO_START, point) <= 0) {
        return blockStart(blocks[i]) + blockLength(blocks[i]);
      }
    }
    return null;
  }
  for (const b of blocks) {
    const r = document.createRange();
    r.selectNodeContents(b);
    if (r.compareBoundaryPoints(Range.START_TO_START, point) >= 0) return blockStart(b);
  }
  return null;
}

/** The selection's [start, end) in the canonical text, or null when it is not in the article. */
export function selectionToOffsets(
  root: Element,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) {
    return null;
  }
  const start = pointToOffset(root, range.startContainer, range.startOffset, false);
  const end = pointToOffset(root, range.endContainer, range.endOffset, true);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
