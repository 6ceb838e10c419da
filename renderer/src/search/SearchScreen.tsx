import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../app/Icon';
import { useReadySignal } from '../app/ready';
import { formatNumber } from '../app/format';
import { Filters, SortSelect } from './Filters';
import { GotoCitation } from './GotoCitation';
import { NoResults } from './NoResults';
import { ResultList, type ResultListHandle } from './ResultList';
import { SearchBox } from './SearchBox';
import { useSearch } from './SearchContext';
import { Welcome } from './Welcome';
import { loadRecent, rememberSearch } from './recent';
import { activeFilters } from './state';

export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const search = useSearch();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ResultListHandle>(null);
  const [recent, setRecent] = useState(loadRecent);
  const [welcomeLoaded, setWelcomeLoaded] = useState(false);
  const onWelcomeLoaded = useCallback(() => setWelcomeLoaded(true), []);
  const filterCount = Object.keys(activeFilters(search.filters)).length;
  const [filtersOpen, setFiltersOpen] = useState(filterCount > 0);
  const filtersId = useId();
  useReadySignal(welcomeLoaded || search.status === 'done' || search.status === 'error');

  const showWelcome = search.status === 'idle';
  const count =
    search.status === 'loading' && search.hits.length === 0
      ? t('search.searching')
      : t(search.totalCapped ? 'search.countMore' : 'search.count', {
          count: search.total,
          formatted: formatNumber(search.total, i18n.language),
        });

  return (
    <div className="screen search-screen">
      <h1 className="visually-hidden">{t('nav.search')}</h1>
      <div className="search-head">
        <SearchBox
          inputRef={inputRef}
          onFocusResults={(i) => listRef.current?.focusIndex(i)}
          onRecentChange={setRecent}
        />
        <div className="search-tools">
          <button
            type="button"
            className={`button${filtersOpen ? ' pressed' : ''}`}
            aria-expanded={filtersOpen}
            aria-controls={filtersId}
            onClick={() => setFiltersOpen((o) => !o)}
          >
            <Icon name="filter" />
            {t('filters.toggle')}
            {filterCount > 0 && <span className="count-badge">{filterCount}</span>}
          </button>
          <SortSelect />
        </div>
        {filtersOpen && <Filters id={filtersId} />}
      </div>
      {!showWelcome && (
        <p className="result-count" role="status" aria-live="polite">
          {count}
          {search.status === 'loading' && search.hits.length > 0 && (
            <span className="spinner" aria-hidden="true" />
          )}
        </p>
      )}
      {!showWelcome && search.goto && (
        <GotoCitation goto={search.goto} onOpen={() => setRecent(rememberSearch(search.query))} />
      )}
      {showWelcome ? (
        <Welcome recent={recent} onRecentChange={setRecent} onLoaded={onWelcomeLoaded} />
      ) : search.status === 'done' && search.hits.length === 0 ? (
        <NoResults />
      ) : (
        <ResultList
          ref={listRef}
          listKey={JSON.stringify([search.query, search.filters, search.sort])}
          hits={search.hits}
          total={search.total}
          loadingMore={search.loadingMore}
          onLoadMore={search.loadMore}
          onOpen={() => search.query.trim() && setRecent(rememberSearch(search.query))}
          onExit={() => inputRef.current?.focus()}
        />
      )}
    </div>
  );
}
