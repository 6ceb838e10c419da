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
import { api, isAborted } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { onArchiveChanged } from '../app/changes';
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

interface SearchRequest {
  query: string;
  filters: SearchFilters;
  sort: SortOrder;
}

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

/** One page of results for the query (or, with no query, of the articles matching the filters). */
async function fetchPage(request: SearchRequest, offset: number, signal: AbortSignal) {
  const filters = activeFilters(request.filters);
  const query = request.query.trim();
  if (query) {
    // Results come as the user types: the last word, perhaps unfinished, matches as a prefix.
    return api.search(
      {
        query,
        sort: request.sort,
        limit: PAGE_SIZE,
        offset,
        typeAhead: /[\p{L}\p{N}]$/u.test(request.query),
        ...filters,
      },
      { signal },
    );
  }
  const list = await api.listArticles(
    { sort: 'date', limit: PAGE_SIZE, offset, ...filters },
    { signal },
  );
  return { total: list.total, hits: list.items.map(summaryToHit), suggestion: null, tookMs: 0 };
}

/**
 * The current search, kept above the screens so that returning from an article shows the same
 * results and the reader can step to the previous or next one. A search (or its next page) that a
 * newer one supersedes — the user typed on — is aborted, so the host stops working on it; its
 * reply, or its failure, is ignored and never shown as an error.
 */
export function SearchProvider({ children }: { children: ReactNode }) {
  const { reportError } = useAlerts();
  const [state, setState] = useState<SearchState>(initialSearch);
  const request = useRef<SearchRequest>({ query: '', filters: {}, sort: 'relevance' });
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Gives up the search (and page) in flight when a newer one starts. */
  const inFlight = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const run = useCallback(
    (next: SearchRequest) => {
      request.current = next;
      const mine = ++seq.current;
      inFlight.current?.abort();
      const gone = (inFlight.current = new AbortController());
      if (!next.query.trim() && !hasFilters(next.filters)) {
        setState((s) => ({
          ...s,
          ...next,
          hits: [],
          total: 0,
          suggestion: null,
          goto: null,
          status: 'idle',
        }));
        return;
      }
      setState((s) => ({ ...s, ...next, status: 'loading' }));
      fetchPage(next, 0, gone.signal).then(
        (page) => {
          if (mine !== seq.current) return;
          setState((s) => ({
            ...s,
            hits: page.hits,
            total: page.total,
            totalCapped: page.totalCapped ?? false,
            suggestion: page.suggestion,
            goto: 'goto' in page ? (page.goto ?? null) : null,
            status: 'done',
            loadingMore: false,
          }));
        },
        (error) => {
          if (mine !== seq.current || isAborted(error)) return;
          reportError(error);
          setState((s) => ({ ...s, status: 'error', loadingMore: false }));
        },
      );
    },
    [reportError],
  );

  // Nothing is left running for a screen that is gone.
  useEffect(() => () => inFlight.current?.abort(), []);

  // After an import the same search may find more.
  useEffect(() => onArchiveChanged(() => run(request.current)), [run]);

  const setQuery = useCallback(
    (query: string, immediate = false) => {
      if (timer.current) clearTimeout(timer.current);
      setState((s) => ({ ...s, input: query }));
      const apply = () => {
        if (request.current.query !== query || stateRef.current.status === 'error') {
          run({ ...request.current, query });
        }
      };
      if (immediate) apply();
      else timer.current = setTimeout(apply, DEBOUNCE_MS);
    },
    [run],
  );

  const setInput = useCallback((input: string) => {
    setState((s) => ({ ...s, input }));
  }, []);

  const setFilters = useCallback(
    (filters: SearchFilters) => run({ ...request.current, filters }),
    [run],
  );

  const setSort = useCallback((sort: SortOrder) => run({ ...request.current, sort }), [run]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loadingMore || s.status !== 'done' || s.hits.length >= s.total) return;
    const mine = seq.current;
    stateRef.current = { ...s, loadingMore: true };
    setState((x) => ({ ...x, loadingMore: true }));
    fetchPage(
      request.current,
      s.hits.length,
      inFlight.current?.signal ?? new AbortController().signal,
    ).then(
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
        if (mine === seq.current && !isAborted(error)) reportError(error);
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
