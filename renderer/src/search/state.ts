import type { SearchFilters, SearchHit } from '../../../electron/core/model';
import type { ArticleSummary } from '../../../electron/api/contract';
import type { CitationGoto } from '../../../electron/core/law/goto';

export type SortOrder = 'relevance' | 'date';
/** One screenful and a little more: snippets are made for the page asked for only. */
export const PAGE_SIZE = 20;
export const DEBOUNCE_MS = 150;

export interface SearchState {
  /** What is in the search box (may be mid-composition or not yet debounced). */
  input: string;
  /** The query the results are for. */
  query: string;
  filters: SearchFilters;
  sort: SortOrder;
  hits: SearchHit[];
  total: number;
  /** More match than were counted: `total` is a lower bound. */
  totalCapped: boolean;
  suggestion: string | null;
  status: 'idle' | 'loading' | 'done' | 'error';
  loadingMore: boolean;
  /** The place a citation query names ("Điều 12 Luật Cư trú"), offered before the results. */
  goto?: CitationGoto | null;
}

export const initialSearch: SearchState = {
  input: '',
  query: '',
  filters: {},
  sort: 'relevance',
  hits: [],
  total: 0,
  totalCapped: false,
  suggestion: null,
  status: 'idle',
  loadingMore: false,
};

/** Filters with an empty value removed, so they never reach the host as `""`. */
export function activeFilters(filters: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const [key, value] of Object.entries(filters) as [keyof SearchFilters, string][]) {
    if (value && value.trim()) out[key] = value.trim();
  }
  return out;
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.keys(activeFilters(filters)).length > 0;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Browsing by filters alone lists articles; they are shown like hits with the summary as snippet. */
export function summaryToHit(a: ArticleSummary): SearchHit {
  const summary = a.summary ?? '';
  return {
    id: a.id,
    sourceId: a.id,
    title: a.title,
    date: a.date,
    source: a.source,
    docNumber: a.docNumber,
    docType: a.docType,
    score: 0,
    snippet: escapeHtml(summary.length > 240 ? `${summary.slice(0, 240)}…` : summary),
  };
}
