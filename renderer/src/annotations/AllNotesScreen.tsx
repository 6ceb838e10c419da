import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationListItem } from '../../../electron/api/contract';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { formatDate, formatNumber } from '../app/format';
import { useReadySignal } from '../app/ready';
import { articleHref } from '../app/route';
import { ExportControls } from './ExportControls';
import { ImportAnnotations } from './ImportAnnotations';

const PAGE = 100;

/** Every note, highlight and bookmark in the archive, searchable by note and highlighted text. */
export function AllNotesScreen() {
  const { t, i18n } = useTranslation();
  const { reportError } = useAlerts();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<AnnotationListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  /** Only the orphans (imported notes whose passage was not found), and how many there are. */
  const [orphansOnly, setOrphansOnly] = useState(false);
  const [orphanCount, setOrphanCount] = useState(0);
  const [reload, setReload] = useState(0);
  useReadySignal(loaded);
  const orphaned = orphansOnly ? true : undefined;

  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), 200);
    return () => clearTimeout(timer);
  }, [input]);

  useEffect(() => {
    let live = true;
    api.listAnnotations({ orphaned: true, limit: 1 }).then(
      (page) => {
        if (live) setOrphanCount(page.total);
      },
      () => undefined, // the main list below reports a failing host
    );
    api.listAnnotations({ query: query || undefined, orphaned, limit: PAGE }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setTotal(page.total);
        setLoaded(true);
      },
      (error) => {
        if (!live) return;
        reportError(error);
        setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, [query, orphaned, reload, reportError]);

  const more = async () => {
    setLoadingMore(true);
    try {
      const page = await api.listAnnotations({
        query: query || undefined,
        orphaned,
        limit: PAGE,
        offset: items.length,
      });
      setItems((list) => [...list, ...page.items]);
      setTotal(page.total);
    } catch (error) {
      reportError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="screen notes-screen">
      <div className="screen-head">
        <h1>{t('notes.title')}</h1>
        <ExportControls />
        <ImportAnnotations onImported={() => setReload((n) => n + 1)} />
      </div>
      {(orphanCount > 0 || orphansOnly) && (
        <div className="orphan-filter">
          <label>
            <input
              type="checkbox"
              checked={orphansOnly}
              onChange={(e) => setOrphansOnly(e.target.checked)}
            />
            {t('notes.orphansOnly', {
              count: orphanCount,
              formatted: formatNumber(orphanCount, i18n.language),
            })}
          </label>
        </div>
      )}
      <div className="search-box compact">
        <input
          type="search"
          role="searchbox"
          aria-label={t('notes.searchLabel')}
          placeholder={t('notes.searchPlaceholder')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setInput('')}
        />
      </div>
      <p className="result-count" role="status">
        {loaded
          ? t('notes.count', { count: total, formatted: formatNumber(total, i18n.language) })
          : t('common.loading')}
      </p>
      {loaded && items.length === 0 ? (
        <p className="empty-panel">
          {query || orphansOnly ? t('notes.noMatch') : t('notes.empty')}
        </p>
      ) : (
        <ul className="note-cards">
          {items.map((a) => (
            <li key={a.id} className={`note-card hl-border-${a.color ?? 'yellow'}`}>
              <h2 className="note-card-title">
                <a
                  href={articleHref(
                    a.articleId,
                    a.kind === 'bookmark' || a.orphaned ? undefined : a.id,
                  )}
                >
                  {a.articleTitle}
                </a>
              </h2>
              <p className="muted small">
                {t(`notes.kinds.${a.kind}`)} · {formatDate(a.updated.slice(0, 10), i18n.language)}
                {a.orphaned && <span className="orphan-badge">{t('orphans.badge')}</span>}
              </p>
              {a.orphaned && <p className="muted small">{t('orphans.cardHelp')}</p>}
              {a.selector && <blockquote className="note-quote">{a.selector.exact}</blockquote>}
              {a.note && <p className="annotation-note">{a.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {items.length < total && (
        <button type="button" className="button" disabled={loadingMore} onClick={() => void more()}>
          {loadingMore ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
