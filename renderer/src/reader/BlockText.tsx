import { memo, type ReactNode } from 'react';
import {
  segmentBlock,
  topHighlight,
  type FindRange,
  type HighlightRange,
} from '../annotations/segments';

export interface BlockTextProps {
  text: string;
  start: number;
  end: number;
  highlights: HighlightRange[];
  finds: FindRange[];
  currentFind: number;
  /** Note text and number by annotation id, printed in place after the highlight. */
  notes: Map<string, { number: number; note: string }>;
  onHighlightClick(id: string): void;
}

/** One block's text cut into pieces, each wrapped in the highlight and find marks that cover it. */
export const BlockText = memo(function BlockText(props: BlockTextProps) {
  const { text, start, end, highlights, finds, currentFind, notes, onHighlightClick } = props;
  const segments = segmentBlock(start, end, highlights, finds);
  const out: ReactNode[] = [];
  for (const seg of segments) {
    let node: ReactNode = text.slice(seg.start, seg.end);
    if (seg.find?.term) {
      node = <mark className="search-term">{node}</mark>;
    } else if (seg.find) {
      const current = seg.find.index === currentFind;
      node = (
        <mark className={current ? 'find-match current' : 'find-match'} data-find={seg.find.index}>
          {node}
        </mark>
      );
    }
    const top = topHighlight(seg.highlights);
    if (top) {
      const ids = seg.highlights.map((h) => h.id).join(' ');
      node = (
        <mark
          className={`hl hl-${top.color}${top.hasNote ? ' has-note' : ''}`}
          data-ann={ids}
          tabIndex={-1}
          onClick={() => onHighlightClick(top.id)}
        >
          {node}
        </mark>
      );
    }
    out.push(<span key={seg.start}>{node}</span>);
    // After the last piece of a highlight with a note: a marker on screen, the note in print.
    for (const h of seg.highlights) {
      const note = notes.get(h.id);
      if (h.end === seg.end && note) {
        out.push(
          <span key={`n-${h.id}`} className="note-ref" data-skip="" aria-hidden="true">
            <sup className="note-marker">{note.number}</sup>
            <span className="print-note">{note.note}</span>
          </span>,
        );
      }
    }
  }
  return <>{out}</>;
});
