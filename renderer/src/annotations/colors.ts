import type { Annotation, HighlightColor } from '../../../electron/core/model';
import type { HighlightRange } from './segments';

export const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];

/**
 * Highlights and notes that point into the text, as ranges the block renderer understands. An
 * orphan's positions are only where it last fitted: it is never drawn.
 */
export function toHighlightRanges(annotations: readonly Annotation[]): HighlightRange[] {
  return annotations
    .filter((a) => a.selector && a.kind !== 'bookmark' && !a.orphaned)
    .map((a) => ({
      id: a.id,
      start: a.selector!.start,
      end: a.selector!.end,
      color: a.color ?? 'yellow',
      hasNote: Boolean(a.note && a.note.trim()),
    }))
    .sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Text-anchored annotations in reading order (for the side panel and note numbering). */
export function inReadingOrder(annotations: readonly Annotation[]): Annotation[] {
  return annotations
    .filter((a) => a.selector && !a.orphaned)
    .sort((x, y) => x.selector!.start - y.selector!.start || x.created.localeCompare(y.created));
}

/** Imported annotations whose passage is no longer in the article, waiting to be re-attached. */
export function orphansOf(annotations: readonly Annotation[]): Annotation[] {
  return annotations
    .filter((a) => a.orphaned && a.selector)
    .sort((x, y) => x.created.localeCompare(y.created));
}
