import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { articleHref } from '../app/route';
import { useSearch } from '../search/SearchContext';

/** Previous / next result of the current search, when the article came from it. */
export function PrevNext({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const { hits, total, loadMore } = useSearch();
  const index = hits.findIndex((h) => h.id === articleId);
  // Near the end of the loaded page: fetch the next one so "next result" keeps working.
  useEffect(() => {
    if (index !== -1 && index >= hits.length - 2 && hits.length < total) loadMore();
  }, [index, hits.length, total, loadMore]);
  if (index === -1) return null;
  const prev = hits[index - 1];
  const next = hits[index + 1];
  return (
    <nav className="prev-next" aria-label={t('reader.resultNav')}>
      <a href="#/" className="button-link">
        ← {t('reader.backToResults')}
      </a>
      <span className="muted">{t('reader.resultPosition', { index: index + 1, total })}</span>
      {prev ? (
        <a href={articleHref(prev.id)} className="button" title={prev.title}>
          {t('reader.previousResult')}
        </a>
      ) : (
        <span className="button disabled" aria-disabled="true">
          {t('reader.previousResult')}
        </span>
      )}
      {next ? (
        <a href={articleHref(next.id)} className="button" title={next.title}>
          {t('reader.nextResult')}
        </a>
      ) : (
        <span className="button disabled" aria-disabled="true">
          {t('reader.nextResult')}
        </span>
      )}
    </nav>
  );
}
