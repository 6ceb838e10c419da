import type { Annotation, HighlightColor } from '../../../electron/core/model';
import type { HighlightRange } from './segments';

export const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];

/** Highlights and notes that point into the text, as ranges the block renderer understands. */
export function toHighlightRanges(annotations: readonly Annotation[]): HighlightRange[] {
  return annotations
    .filter((a) => a.selector && a.kind !== 'bookmark')
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
    .filter((a) => a.selector)
    .sort((x, y) => x.selector!.start - y.selector!.start || x.created.localeCompare(y.created));
}
