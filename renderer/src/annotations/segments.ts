/**
 * Maps highlight ranges (offsets into the article's canonical text) onto one rendered block:
 * the block's text is cut at every range boundary, and each piece knows which highlights and
 * which find-in-article matches cover it. Ranges spanning several blocks are cut per block.
 */
export interface Layered {
  start: number;
  end: number;
}

export interface HighlightRange extends Layered {
  id: string;
  color: string;
  hasNote: boolean;
}

export interface FindRange extends Layered {
  index: number;
  /** A word of the search the article was opened from, not a find-in-article match. */
  term?: boolean;
}

export interface Segment {
  /** Offsets in the canonical text. */
  start: number;
  end: number;
  highlights: HighlightRange[];
  find: FindRange | null;
}

function overlapping<T extends Layered>(ranges: readonly T[], start: number, end: number): T[] {
  return ranges.filter((r) => r.start < end && r.end > start && r.end > r.start);
}

export function segmentBlock(
  blockStart: number,
  blockEnd: number,
  highlights: readonly HighlightRange[],
  finds: readonly FindRange[] = [],
): Segment[] {
  const hs = overlapping(highlights, blockStart, blockEnd);
  const fs = overlapping(finds, blockStart, blockEnd);
  const cuts = new Set<number>([blockStart, blockEnd]);
  for (const r of [...hs, ...fs]) {
    cuts.add(Math.max(blockStart, r.start));
    cuts.add(Math.min(blockEnd, r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    segments.push({
      start,
      end,
      highlights: hs.filter((r) => r.start <= start && r.end >= end),
      find: fs.find((r) => r.start <= start && r.end >= end) ?? null,
    });
  }
  return segments;
}

/** The highlight whose colour a piece shows when several overlap: the shortest, i.e. innermost. */
export function topHighlight(highlights: readonly HighlightRange[]): HighlightRange | null {
  let best: HighlightRange | null = null;
  for (const h of highlights) {
    if (!best || h.end - h.start <= best.end - best.start) best = h;
  }
  return best;
}
