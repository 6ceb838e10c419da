import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleRelations, RelationItem, RelationKind } from '../../../electron/api/contract';
import type { Article } from '../../../electron/core/model';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { formatDate } from '../app/format';
import { articleHref } from '../app/route';
import '../styles/relations.css';

const KINDS: RelationKind[] = ['replaces', 'repeals', 'amends', 'guides', 'cites'];

/** An official document's relations (none asked for a news article). */
export function useRelations(article: Article): ArticleRelations | null {
  const { reportError } = useAlerts();
  const [loaded, setLoaded] = useState<{ id: string; relations: ArticleRelations } | null>(null);
  const isDocument = Boolean(article.docNumber || article.docType);
  useEffect(() => {
    if (!isDocument) return;
    let live = true;
    api
      .getRelations({ id: article.id })
      .then((relations) => live && setLoaded({ id: article.id, relations }))
      .catch((error) => live && reportError(error));
    return () => {
      live = false;
    };
  }, [article.id, isDocument, reportError]);
  // Another article's relations are never shown while this one's load.
  return loaded?.id === article.id ? loaded.relations : null;
}

/** The other document: a link when the archive holds it, else its number as text. */
function Other({ item }: { item: RelationItem }) {
  const { t, i18n } = useTranslation();
  if (!item.article) {
    return (
      <span className="relation-unresolved" title={t('relations.notInArchive')}>
        {item.label}
      </span>
    );
  }
  const effective = item.article.effectiveDate;
  return (
    <>
      <a href={articleHref(item.article.id)}>{item.label}</a>
      {item.article.title && item.article.title !== item.label && (
        <span className="relation-title"> — {item.article.title}</span>
      )}
      {effective && (
        <span className="relation-date">
          {' '}
          ({t('relations.effectiveShort', { date: formatDate(effective, i18n.language) })})
        </span>
      )}
    </>
  );
}

/**
 * At the top of a document that a document of the archive replaces or repeals: which one, linked.
 */
export function RelationsBanner({ relations }: { relations: ArticleRelations | null }) {
  const { t, i18n } = useTranslation();
  const by = relations?.supersededBy;
  if (!by?.article) return null;
  const date = by.article.effectiveDate;
  return (
    <p className="relations-banner" role="status">
      {t(by.kind === 'replaces' ? 'relations.replacedBanner' : 'relations.repealedBanner')}{' '}
      <a href={articleHref(by.article.id)}>{by.label}</a>
      {date && ` (${t('relations.fromDate', { date: formatDate(date, i18n.language) })})`}.
    </p>
  );
}

/** One kind of relation; the legal basis (often long, and printed atop the text) starts folded. */
function Group({
  heading,
  items,
  folded,
}: {
  heading: string;
  items: RelationItem[];
  folded: boolean;
}) {
  if (!items.length) return null;
  const list = (
    <ul>
      {items.map((item, i) => (
        <li key={`${item.label}-${i}`}>
          <Other item={item} />
        </li>
      ))}
    </ul>
  );
  if (folded) {
    return (
      <details className="relations-group">
        <summary>
          {heading} ({items.length})
        </summary>
        {list}
      </details>
    );
  }
  return (
    <div className="relations-group">
      <h3>{heading}</h3>
      {list}
    </div>
  );
}

/** "Văn bản liên quan": what the document cites, amends, replaces …, and what does so to it. */
export function RelationsPanel({ relations }: { relations: ArticleRelations | null }) {
  const { t, i18n } = useTranslation();
  if (!relations) return null;
  const { outgoing, incoming, effectiveDate } = relations;
  if (!outgoing.length && !incoming.length && !effectiveDate) return null;
  const of = (list: RelationItem[], kind: RelationKind) => list.filter((r) => r.kind === kind);
  return (
    <section className="relations-panel" aria-labelledby="relations-heading">
      <h2 id="relations-heading">{t('relations.title')}</h2>
      {effectiveDate && (
        <p className="relations-effective">
          {t('relations.effective', { date: formatDate(effectiveDate, i18n.language) })}
        </p>
      )}
      {KINDS.map((kind) => (
        <Group
          key={`in-${kind}`}
          heading={t(`relations.incoming.${kind}`)}
          items={of(incoming, kind)}
          folded={kind === 'cites' && of(incoming, kind).length > 5}
        />
      ))}
      {KINDS.map((kind) => (
        <Group
          key={`out-${kind}`}
          heading={t(`relations.outgoing.${kind}`)}
          items={of(outgoing, kind)}
          folded={kind === 'cites'}
        />
      ))}
    </section>
  );
}
