import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { SearchFilters } from '../../../electron/core/model';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { useArchiveVersion } from '../app/changes';
import {
  activeFilters,
  DEBOUNCE_MS,
  hasFilters,
  initialSearch,
  PAGE_SIZE,
  summaryToHit,
  type SearchState,
  type SortOrder,
} from './state';

interface SearchContextValue extends SearchState {
  /** Search for `query` after the debounce delay (or now). */
  setQuery(query: string, immediate?: boolean): void;
  /** Change the box's text without searching (IME composition in progress). */
  setInput(text: string): void;
  setFilters(filters: SearchFilters): void;
  setSort(sort: SortOrder): void;
  loadMore(): void;
}

const SearchContext = createContext<SearchContextValue | null>(null);

/** One page of results for the current query (or, with no query, of articles matching filters). */
async function fetchPage(state: SearchState, offset: number) {
  const filters = activeFilters(state.filters);
  const query = state.query.trim();
  if (query) {
    return api.search({ query, sort: state.sort, limit: PAGE_SIZE, offset, ...filters });
  }
  const list = await api.listArticles({ sort: 'date', limit: PAGE_SIZE, offset, ...filters });
  return { total: list.total, hits: list.items.map(summaryToHit), suggestion: null, tookMs: 0 };
}

export function SearchProvider({ children }: { children: ReactNode }) {
  const { reportError } = useAlerts();
  const version = useArchiveVersion();
  const [state, setState] = useState<SearchState>(initialSearch);
  const [request, setRequest] = useState({ query: '', filters: {} as SearchFilters, sort: 'relevance' as SortOrder });
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  // Run the search whenever the (debounced) request changes or the archive changes.
  useEffect(() => {
    const mine = ++seq.current;
    const next: SearchState = { ...stateRef.current, ...request };
    if (!request.query.trim() && !hasFilters(request.filters)) {
      setState((s) => ({ ...s, ...request, hits: [], total: 0, suggestion: null, status: 'idle' }));
      return;
    }
    setState((s) => ({ ...s, ...request, status: 'loading' }));
    fetchPage(next, 0).then(
      (page) => {
        if (mine !== seq.current) return;
        setState((s) => ({
          ...s,
          hits: page.hits,
          total: page.total,
          suggestion: page.suggestion,
          status: 'done',
          loadingMore: false,
        }));
      },
      (error) => {
        if (mine !== seq.current) return;
        reportError(error);
        setState((s) => ({ ...s, status: 'error', loadingMore: false }));
      },
    );
  }, [request, version, reportError]);

  const setQuery = useCallback((query: string, immediate = false) => {
    if (timer.current) clearTimeout(timer.current);
    setState((s) => ({ ...s, input: query }));
    const apply = () => setRequest((r) => (r.query === query ? r : { ...r, query }));
    if (immediate) apply();
    else timer.current = setTimeout(apply, DEBOUNCE_MS);
  }, []);

  const setInput = useCallback((input: string) => {
    setState((s) => ({ ...s, input }));
  }, []);

  const setFilters = useCallback((filters: SearchFilters) => {
    setRequest((r) => ({ ...r, filters }));
  }, []);

  const setSort = useCallback((sort: SortOrder) => {
    setRequest((r) => ({ ...r, sort }));
  }, []);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loadingMore || s.status !== 'done' || s.hits.length >= s.total) return;
    const mine = seq.current;
    setState((x) => ({ ...x, loadingMore: true }));
    fetchPage(s, s.hits.length).then(
      (page) => {
        if (mine !== seq.current) return;
        setState((x) => {
          const seen = new Set(x.hits.map((h) => h.id));
          const fresh = page.hits.filter((h) => !seen.has(h.id));
          // A page that adds nothing means the host has no more: stop asking.
          const total = fresh.length === 0 ? x.hits.length : page.total;
          return { ...x, hits: [...x.hits, ...fresh], total, loadingMore: false };
        });
      },
      (error) => {
        reportError(error);
        setState((x) => ({ ...x, loadingMore: false }));
      },
    );
  }, [reportError]);

  const value = useMemo<SearchContextValue>(
    () => ({ ...state, setQuery, setInput, setFilters, setSort, loadMore }),
    [state, setQuery, setInput, setFilters, setSort, loadMore],
  );
  return <SearchContext.Provider value={value}>{children}</SearchContext.Provider>;
}

export function useSearch(): SearchContextValue {
  const value = useContext(SearchContext);
  if (!value) throw new Error('useSearch outside SearchProvider');
  return value;
}
