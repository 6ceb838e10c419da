import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../electron/core/model';
import { ResultItem } from './ResultItem';

export interface ResultListHandle {
  focusIndex(index: number): void;
}

/** Where the list was scrolled, so coming back from an article returns to the same place. */
let saved = { key: '', offset: 0 };

interface Props {
  /** Identifies the result set (query, filters, sort): the scroll position belongs to it. */
  listKey: string;
  hits: SearchHit[];
  total: number;
  loadingMore: boolean;
  onLoadMore(): void;
  onOpen(hit: SearchHit): void;
  /** ↑ from the first result or Esc: back to the search box. */
  onExit(): void;
}

/** Thousands of results stay smooth: only the visible ones are in the DOM. */
export const ResultList = forwardRef<ResultListHandle, Props>(function ResultList(
  { listKey, hits, total, loadingMore, onLoadMore, onOpen, onExit },
  ref,
) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 132,
    overscan: 6,
    initialOffset: saved.key === listKey ? saved.offset : 0,
    onChange: (instance) => {
      saved = { key: listKey, offset: instance.scrollOffset ?? 0 };
    },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (lastIndex >= hits.length - 8 && hits.length < total && !loadingMore) onLoadMore();
  }, [lastIndex, hits.length, total, loadingMore, onLoadMore]);

  const focusIndex = (index: number) => {
    const i = Math.max(0, Math.min(index, hits.length - 1));
    if (hits.length === 0) return;
    virtualizer.scrollToIndex(i, { align: 'auto' });
    const rendered = scrollRef.current?.querySelector<HTMLAnchorElement>(
      `a[data-result-index="${i}"]`,
    );
    if (rendered) {
      rendered.focus();
      return;
    }
    const tryFocus = (attempt: number) => {
      const link = scrollRef.current?.querySelector<HTMLAnchorElement>(
        `a[data-result-index="${i}"]`,
      );
      if (link) link.focus();
      else if (attempt < 10) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    requestAnimationFrame(() => tryFocus(0));
  };
  useImperativeHandle(ref, () => ({ focusIndex }));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = Number((e.target as HTMLElement).getAttribute('data-result-index'));
    if (Number.isNaN(current)) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusIndex(current + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (current === 0) onExit();
      else focusIndex(current - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onExit();
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusIndex(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusIndex(hits.length - 1);
    }
  };

  return (
    <div className="result-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <ul
        className="result-list"
        aria-label={t('search.resultsLabel')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => (
          <li
            key={hits[item.index].id}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="result-row"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <ResultItem
              hit={hits[item.index]}
              index={item.index}
              onOpen={() => onOpen(hits[item.index])}
            />
          </li>
        ))}
      </ul>
      {loadingMore && (
        <p className="loading-more" role="status">
          {t('search.loadingMore')}
        </p>
      )}
    </div>
  );
});
