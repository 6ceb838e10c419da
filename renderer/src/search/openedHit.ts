import type { SearchHit } from '../../../electron/core/model';

/**
 * The search hit the reader was opened from: its query, whose words the reader marks, and the
 * block its snippet came from, where the reader goes when the hit's Điều has no element on the
 * page. Kept for the page's life only; an article opened any other way shows no search marks.
 */
export interface OpenedHit {
  articleId: string;
  query: string;
  anchor: string | null;
  block: number | null;
}

let opened: OpenedHit | null = null;

export function rememberOpenedHit(hit: SearchHit, query: string): void {
  opened = {
    articleId: hit.id,
    query: query.trim(),
    anchor: hit.section?.anchor ?? null,
    block: hit.section?.block ?? null,
  };
}

/** The hit this article was opened from, if it was. */
export function openedHitFor(articleId: string): OpenedHit | null {
  return opened && opened.articleId === articleId ? opened : null;
}
