import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { FindRange } from '../annotations/segments';
import { findAll } from './findInText';

/** Find-in-article state: the query, its matches as ranges of the text, and the current one. */
export function useFind(text: string) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [rawCurrent, setCurrent] = useState(0);
  const deferred = useDeferredValue(query);

  const matches = useMemo<FindRange[]>(
    () => (open ? findAll(text, deferred).map((r, index) => ({ ...r, index })) : []),
    [text, deferred, open],
  );

  const current = matches.length > 0 ? Math.min(rawCurrent, matches.length - 1) : 0;
  const changeQuery = useCallback((q: string) => {
    setQuery(q);
    setCurrent(0);
  }, []);

  // Bring the current match into view.
  useEffect(() => {
    if (matches.length === 0) return;
    const el = document.querySelector<HTMLElement>(`mark.find-match[data-find="${current}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, [current, matches]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (matches.length === 0) return;
      setCurrent(
        (c) => (Math.min(c, matches.length - 1) + direction + matches.length) % matches.length,
      );
    },
    [matches.length],
  );

  return { open, setOpen, query, setQuery: changeQuery, matches, current, step };
}
