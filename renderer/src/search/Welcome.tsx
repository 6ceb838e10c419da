import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../electron/api/contract';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { useArchiveVersion } from '../app/changes';
import { formatDate } from '../app/format';
import { articleHref } from '../app/route';
import { useSearch } from './SearchContext';
import { clearRecent } from './recent';

interface Props {
  recent: string[];
  onRecentChange(list: string[]): void;
  onLoaded(): void;
}

/** What the search screen shows before anything is typed: recent searches and new articles. */
export function Welcome({ recent, onRecentChange, onLoaded }: Props) {
  const { t, i18n } = useTranslation();
  const search = useSearch();
  const { reportError } = useAlerts();
  const version = useArchiveVersion();
  const [latest, setLatest] = useState<ArticleSummary[] | null>(null);

  useEffect(() => {
    let live = true;
    api.listArticles({ sort: 'imported', limit: 8 }).then(
      (list) => live && setLatest(list.items),
      (error) => {
        if (!live) return;
        reportError(error);
        setLatest([]);
      },
    );
    return () => {
      live = false;
    };
  }, [version, reportError]);

  useEffect(() => {
    if (latest) onLoaded();
  }, [latest, onLoaded]);

  return (
    <div className="welcome">
      {recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <div className="section-head">
            <h2 id="recent-title">{t('search.recentTitle')}</h2>
            <button
              type="button"
              className="button-link"
              onClick={() => {
                clearRecent();
                onRecentChange([]);
              }}
            >
              {t('search.recentClear')}
            </button>
          </div>
          <ul className="chip-list">
            {recent.map((q) => (
              <li key={q}>
                <button type="button" className="chip" onClick={() => search.setQuery(q, true)}>
                  {q}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">{t('search.latestTitle')}</h2>
        {latest === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : latest.length === 0 ? (
          <p className="muted">
            {t('search.emptyArchive')} <a href="#/library">{t('search.goImport')}</a>
          </p>
        ) : (
          <ul className="article-list">
            {latest.map((a) => (
              <li key={a.id}>
                <a href={articleHref(a.id)} className="article-link">
                  {a.title}
                </a>
                <p className="result-meta">
                  {[formatDate(a.date, i18n.language), a.source, a.docNumber]
                    .filter(Boolean)
                    .map((m, i) => (
                      <span key={i}>{m}</span>
                    ))}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
