import { useTranslation } from 'react-i18next';
import type { CitationGoto } from '../../../electron/core/law/goto';
import { articleHref } from '../app/route';

/**
 * A citation query's place, first above the results: "Mở Khoản 2 Điều 12 Luật Cư trú số
 * 68/2020/QH14". Enter in the search box opens it too.
 */
export function GotoCitation({ goto, onOpen }: { goto: CitationGoto; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <p className="law-goto">
      <a
        className="button primary"
        href={articleHref(goto.articleId, undefined, goto.anchor)}
        onClick={onOpen}
      >
        {t('law.open', { label: goto.label })}
      </a>
      <span className="muted">{t('law.openHint')}</span>
    </p>
  );
}
