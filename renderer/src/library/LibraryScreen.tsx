import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, FacetValue } from '../../../electron/api/contract';
import type { SearchFilters } from '../../../electron/core/model';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { useArchiveVersion } from '../app/changes';
import { formatDate, formatNumber } from '../app/format';
import { useReadySignal } from '../app/ready';
import { articleHref } from '../app/route';
import { BundlePanel } from './BundlePanel';
import { ImportPanel } from './ImportPanel';
import { useFacets } from './useFacets';

type Dimension = 'years' | 'types' | 'sources' | 'collections' | 'tags';
const DIMENSIONS: Dimension[] = ['years', 'types', 'sources', 'collections', 'tags'];
const PAGE = 50;

function filterFor(dimension: Dimension, value: string | null): SearchFilters {
  if (!value) return {};
  switch (dimension) {
    case 'years':
      return { from: `${value}-01-01`, to: `${value}-12-31` };
    case 'types':
      return { type: value };
    case 'sources':
      return { source: value };
    case 'collections':
      return { collection: value };
    case 'tags':
      return { tag: value };
  }
}

export function LibraryScreen() {
  const { t, i18n } = useTranslation();
  const { reportError } = useAlerts();
  const version = useArchiveVersion();
  const { facets, loaded: facetsLoaded } = useFacets();
  const [dimension, setDimension] = useState<Dimension>('years');
  const [value, setValue] = useState<string | null>(null);
  const [sort, setSort] = useState<'date' | 'title' | 'imported'>('date');
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  useReadySignal(loaded && facetsLoaded);

  useEffect(() => {
    let live = true;
    api.listArticles({ sort, limit: PAGE, ...filterFor(dimension, value) }).then(
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
  }, [dimension, value, sort, version, reportError]);

  const more = () =>
    api
      .listArticles({ sort, limit: PAGE, offset: items.length, ...filterFor(dimension, value) })
      .then((page) => setItems((list) => [...list, ...page.items]), reportError);

  const values: FacetValue[] =
    dimension === 'years'
      ? [...facets.years].sort((a, b) => b.value.localeCompare(a.value))
      : facets[dimension];

  return (
    <div className="screen library-screen">
      <h1>{t('library.title')}</h1>
      <ImportPanel />
      <BundlePanel />
      <section className="browse" aria-labelledby="browse-title">
        <h2 id="browse-title">{t('library.browseTitle')}</h2>
        <div className="segmented" role="group" aria-label={t('library.browseBy')}>
          {DIMENSIONS.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={d === dimension}
              onClick={() => {
                setDimension(d);
                setValue(null);
              }}
            >
              {t(`library.dimensions.${d}`)}
            </button>
          ))}
        </div>
        {values.length === 0 ? (
          <p className="muted">{t('library.noValues')}</p>
        ) : (
          <ul className="chip-list facet-values" aria-label={t(`library.dimensions.${dimension}`)}>
            {values.map((v) => (
              <li key={v.value}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={v.value === value}
                  onClick={() => setValue(v.value === value ? null : v.value)}
                >
                  {v.value}{' '}
                  <span className="chip-count">{formatNumber(v.count, i18n.language)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="list-head">
          <p role="status">
            {t('library.count', { count: total, formatted: formatNumber(total, i18n.language) })}
          </p>
          <label>
            {t('library.sortBy')}{' '}
            <select value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
              <option value="date">{t('library.sort.date')}</option>
              <option value="title">{t('library.sort.title')}</option>
              <option value="imported">{t('library.sort.imported')}</option>
            </select>
          </label>
        </div>
        <ul className="article-list">
          {items.map((a) => (
            <li key={a.id}>
              <a href={articleHref(a.id)} className="article-link">
                {a.title}
              </a>
              <p className="result-meta">
                {[formatDate(a.date, i18n.language), a.source, a.docType, a.docNumber]
                  .filter(Boolean)
                  .map((m, i) => (
                    <span key={i}>{m}</span>
                  ))}
              </p>
            </li>
          ))}
        </ul>
        {items.length < total && (
          <button type="button" className="button" onClick={() => void more()}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
