import { useTranslation } from 'react-i18next';
import type { Article } from '../../../electron/core/model';
import { formatDate } from '../app/format';
import { DerivedTitle, OpenOriginal, RecognitionNote } from './ArticleOrigin';

/** Legacy encodings by the names people know them from their fonts and keyboards. */
const ENCODING_NAMES: Record<string, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI-Windows' };

/**
 * Title and the facts a citation needs: date, author, source, number, type, issuer, place; and
 * the legacy encoding the text was converted from, so a reader knows to check odd letters.
 */
export function ArticleHeader({
  article,
  onArticleChange,
}: {
  article: Article;
  onArticleChange(article: Article): void;
}) {
  const { t, i18n } = useTranslation();
  const encoding = article.encoding
    ? t('reader.encodingValue', { name: ENCODING_NAMES[article.encoding] ?? article.encoding })
    : null;
  const facts: [string, string | null][] = [
    ['reader.date', formatDate(article.date, i18n.language) || null],
    ['reader.author', article.author],
    ['reader.source', article.source],
    ['reader.docNumber', article.docNumber],
    ['reader.docType', article.docType],
    ['reader.issuer', article.issuer],
    ['reader.place', article.place],
    ['reader.encoding', encoding],
    ['office.pageCount', article.pageCount ? String(article.pageCount) : null],
  ];
  return (
    <header className="article-header">
      {article.docType && <p className="kicker">{article.docType}</p>}
      <h1 id="article-title" tabIndex={-1}>
        {article.title}
      </h1>
      <DerivedTitle key={article.title} article={article} onArticleChange={onArticleChange} />
      <dl className="article-facts">
        {facts
          .filter(([, value]) => value)
          .map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <RecognitionNote article={article} />
      <OpenOriginal article={article} />
    </header>
  );
}
