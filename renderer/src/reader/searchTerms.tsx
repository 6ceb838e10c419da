import { useEffect, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../electron/api/contract';
import { markQueryFromInput, markRanges } from '../../../electron/core/text/marks';
import type { FindRange } from '../annotations/segments';
import type { OpenedHit } from '../search/openedHit';

/** More marks than this are not drawn (a one-syllable query in a 300,000-character law). */
const MAX_MARKS = 2000;

/**
 * The words of the search the article was opened from, marked in its text by the same rule as
 * the snippets (text/marks.ts): "nghị quyết" where it stands, not every "nghị". The reader can
 * clear them; find-in-article replaces them while its bar is open.
 */
export function useSearchTerms(text: string, query: string) {
  const [cleared, setCleared] = useState(false);
  const marks = useMemo<FindRange[]>(() => {
    if (!query || cleared) return [];
    return markRanges(text, markQueryFromInput(query))
      .slice(0, MAX_MARKS)
      .map((r, i) => ({ start: r.start, end: r.end, index: -1 - i, term: true }));
  }, [text, query, cleared]);
  return { query, marks, shown: marks.length > 0, clear: () => setCleared(true) };
}

export function SearchTermsBar({ query, onClear }: { query: string; onClear(): void }) {
  const { t } = useTranslation();
  return (
    <div className="search-terms-bar" role="status">
      <span>{t('reader.searchTerms', { query })}</span>
      <button type="button" className="button" onClick={onClear}>
        {t('reader.clearSearchTerms')}
      </button>
    </div>
  );
}

/**
 * Opens the article at `section`: the element with that id (a Điều, a khoản), else, when the
 * article was opened from a search hit in that section, the block its snippet came from.
 */
export function useOpenAtSection(
  bodyRef: RefObject<HTMLDivElement | null>,
  view: ArticleView,
  section: string | null,
  opened: OpenedHit | null,
): void {
  useEffect(() => {
    if (!section) return;
    const frame = requestAnimationFrame(() => {
      const body = bodyRef.current;
      if (!body) return;
      // An element with that id is a law's section: useLawSections opens at it.
      if (document.getElementById(section)) return;
      const block =
        opened?.anchor === section && opened.block !== null ? view.blocks[opened.block] : null;
      if (block)
        body
          .querySelector<HTMLElement>(`[data-start="${block.start}"]`)
          ?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [bodyRef, view, section, opened]);
}
