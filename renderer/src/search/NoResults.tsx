import { useTranslation } from 'react-i18next';
import { accentFreeForm } from './fold';
import { useSearch } from './SearchContext';
import { hasFilters } from './state';

/** "No results" help: the host's suggestion, the accent-free form, and dropping the filters. */
export function NoResults() {
  const { t } = useTranslation();
  const search = useSearch();
  const options = [search.suggestion, accentFreeForm(search.query)].filter(
    (q, i, all): q is string => Boolean(q) && q !== search.query.trim() && all.indexOf(q) === i,
  );

  return (
    <section className="empty-panel" aria-labelledby="no-results-title">
      <h2 id="no-results-title">{t('search.noResultsTitle', { query: search.query.trim() })}</h2>
      {options.length > 0 && (
        <>
          <p>{t('search.tryInstead')}</p>
          <ul className="chip-list">
            {options.map((q) => (
              <li key={q}>
                <button type="button" className="chip" onClick={() => search.setQuery(q, true)}>
                  {q}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className="hints">
        <li>{t('search.hintAccents')}</li>
        <li>{t('search.hintFewerWords')}</li>
        {hasFilters(search.filters) && (
          <li>
            {t('search.hintFilters')}{' '}
            <button type="button" className="button-link" onClick={() => search.setFilters({})}>
              {t('filters.clear')}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
