import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../electron/core/model';
import { articleHref } from '../app/route';
import { formatDate } from '../app/format';
import { Snippet } from './Snippet';

interface Props {
  hit: SearchHit;
  index: number;
  onOpen(): void;
}

export function ResultItem({ hit, index, onOpen }: Props) {
  const { i18n } = useTranslation();
  const meta = [formatDate(hit.date, i18n.language), hit.source, hit.docType, hit.docNumber].filter(
    (x): x is string => Boolean(x),
  );
  return (
    <article className="result">
      <h2 className="result-title">
        <a href={articleHref(hit.id)} data-result-index={index} onClick={onOpen}>
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
      <Snippet html={hit.snippet} />
    </article>
  );
}
