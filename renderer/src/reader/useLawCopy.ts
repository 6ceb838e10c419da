import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../electron/api/contract';
import {
  passageCitation,
  sectionCitation,
  withCitation,
} from '../../../electron/core/law/citation';
import { sectionsAt, type Section } from '../../../electron/core/law/structure';
import { ApiError } from '../api/errors';
import { useAlerts } from '../app/AlertContext';

/**
 * "Copy with citation": a passage (the selection) or a whole Điều goes to the clipboard followed
 * by a blank line and its citation in brackets, "(Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14)";
 * a news article's citation is its title, source and date. Says so when it is done or refused.
 */
export function useLawCopy(view: ArticleView) {
  const { t } = useTranslation();
  const { notify, reportError } = useAlerts();

  const write = useCallback(
    async (text: string, citation: string) => {
      try {
        await navigator.clipboard.writeText(withCitation(text, citation));
        notify(t('law.copied', { citation }));
        return true;
      } catch {
        reportError(new ApiError('law.clipboard', t('law.copyFailed')));
        return false;
      }
    },
    [notify, reportError, t],
  );

  /** The passage [start, end) of the canonical text. */
  const copyPassage = useCallback(
    (start: number, end: number) =>
      write(
        view.text.slice(start, end),
        passageCitation(view.article, view.structure ?? null, view.blocks, start, end),
      ),
    [view, write],
  );

  /** A whole section (a Điều), its lines one a line. */
  const copySection = useCallback(
    (section: Section) => {
      const lines = view.blocks
        .slice(section.start, section.end)
        .map((b) => view.text.slice(b.start, b.end));
      const path = view.structure ? sectionsAt(view.structure, section.start) : [];
      const upTo = path.slice(0, path.indexOf(section) + 1);
      return write(lines.join('\n'), sectionCitation(view.article, upTo));
    },
    [view, write],
  );

  return { copyPassage, copySection };
}
