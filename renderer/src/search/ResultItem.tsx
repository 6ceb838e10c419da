import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../electron/core/model';
import { articleHref } from '../app/route';
import { formatDate } from '../app/format';
import { rememberOpenedHit } from './openedHit';
import { useSearch } from './SearchContext';
import { Snippet } from './Snippet';

interface Props {
  hit: SearchHit;
  index: number;
  onOpen(): void;
}

export function ResultItem({ hit, index, onOpen }: Props) {
  const { i18n } = useTranslation();
  const { query } = useSearch();
  const meta = [formatDate(hit.date, i18n.language), hit.source, hit.docType, hit.docNumber].filter(
    (x): x is string => Boolean(x),
  );
  // A hit in an official document opens at its Điều.
  const href = articleHref(hit.id, undefined, hit.section?.anchor);
  const open = () => {
    rememberOpenedHit(hit, query);
    onOpen();
  };
  return (
    <article className="result">
      <h2 className="result-title">
        <a href={href} data-result-index={index} onClick={open}>
          {hit.title}
        </a>
      </h2>
      {meta.length > 0 && (
        <p className="result-meta">
          {meta.map((m, i) => (
            <span key={i}>{m}</span>
          ))}
        </p>
      )}
      {hit.section && (
        <p className="result-section">
          <a href={href} onClick={open}>
            {hit.section.label}
          </a>
        </p>
      )}
      <Snippet html={hit.snippet} />
    </article>
  );
}
