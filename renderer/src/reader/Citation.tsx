import { useTranslation } from 'react-i18next';
import type { Article } from '../../../electron/core/model';
import { formatDate } from '../app/format';

/** The source cited at the end of the article (and of its printout). */
export function Citation({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const parts = [
    `“${article.title}”`,
    article.docNumber,
    article.source ?? article.issuer,
    formatDate(article.date, i18n.language),
  ].filter(Boolean);
  return (
    <footer className="citation">
      <h2>{t('reader.citationTitle')}</h2>
      <p>
        {parts.join(', ')}.
        {article.url && (
          <>
            {' '}
            <span className="citation-url">{article.url}</span>
          </>
        )}
      </p>
      {article.tags.length > 0 && (
        <p className="muted">
          {t('reader.tags')}: {article.tags.join(', ')}
        </p>
      )}
    </footer>
  );
}
