import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../electron/api/contract';
import { walk, type Section } from '../../../electron/core/law/structure';
import { useLawCopy } from './useLawCopy';

/** The height of the reader's sticky bar (it wraps onto two rows in narrow windows). */
export function readerBarHeight(): number {
  return document.querySelector<HTMLElement>('.reader-bar')?.offsetHeight ?? 0;
}

/**
 * What the reader does with a legal document's structure: an element id on the first block of
 * each section (its anchor, "dieu-12", "dieu-12-khoan-2"), a "copy with citation" button at each
 * Điều heading, the table of contents, and opening at the section the route names.
 */
export function useLawSections(view: ArticleView, section: string | null) {
  const { t } = useTranslation();
  const structure = view.structure ?? null;
  const { copyPassage, copySection } = useLawCopy(view);

  const byBlock = useMemo(() => {
    const map = new Map<number, Section>();
    if (structure)
      for (const s of walk(structure.sections)) if (!map.has(s.start)) map.set(s.start, s);
    return map;
  }, [structure]);

  // A table of contents is worth showing from two entries on (not for one stray "Điều 1.").
  const toc =
    structure && (structure.articles >= 2 || structure.sections.length >= 2) ? structure : null;

  // To the top of the reading area, below the reader's sticky bar.
  const goTo = useCallback((anchor: string) => {
    const target = document.getElementById(anchor);
    const main = document.getElementById('main');
    if (!target || !main) return;
    const top = main.getBoundingClientRect().top + readerBarHeight() + 8;
    main.scrollTop += target.getBoundingClientRect().top - top;
    target.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (!section) return;
    const frame = requestAnimationFrame(() => goTo(section));
    return () => cancelAnimationFrame(frame);
  }, [section, goTo]);

  const decorate = useCallback(
    (block: number) => {
      const s = byBlock.get(block);
      if (!s) return null;
      if (s.kind !== 'dieu') return { id: s.anchor };
      const label = t('law.copyArticle', { label: s.label });
      return {
        id: s.anchor,
        before: (
          <button
            type="button"
            className="law-copy"
            aria-label={label}
            title={label}
            onClick={() => void copySection(s)}
          >
            <svg
              className="icon"
              viewBox="0 0 24 24"
              width="1em"
              height="1em"
              aria-hidden="true"
              focusable="false"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.9"
              strokeLinejoin="round"
            >
              <path d="M9 9h11v11H9zM5 15H4V4h11v1" />
            </svg>
          </button>
        ),
      };
    },
    [byBlock, copySection, t],
  );

  return { toc, goTo, decorate, copyPassage };
}
