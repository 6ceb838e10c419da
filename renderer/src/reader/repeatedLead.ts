import type { ArticleView } from '../../../electron/api/contract';
import { leadRepeatsBody } from '../../../electron/core/text/lead';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * The lead's range when the reader leaves it out: a cut-off copy of the body's first paragraphs
 * (text/lead.ts), and no highlight or note of the reader's on it (those keep it on the page).
 */
export function hiddenLead(view: ArticleView, highlights: readonly TextRange[]): TextRange | null {
  const lead = view.summaryRange;
  if (!lead) return null;
  const body = view.blocks.slice(0, 8).map((b) => view.text.slice(b.start, b.end));
  if (!leadRepeatsBody(view.text.slice(lead.start, lead.end), body)) return null;
  if (highlights.some((h) => h.start < lead.end && h.end > lead.start)) return null;
  return lead;
}

/** `text` with the range blanked (same length, so offsets stay): find and marks skip it. */
export function blankRange(text: string, range: TextRange | null): string {
  if (!range) return text;
  return text.slice(0, range.start) + ' '.repeat(range.end - range.start) + text.slice(range.end);
}
