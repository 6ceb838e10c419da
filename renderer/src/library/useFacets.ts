import { useEffect, useState } from 'react';
import type { Facets } from '../../../electron/api/contract';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { useArchiveVersion } from '../app/changes';

const empty: Facets = {
  types: [],
  issuers: [],
  sources: [],
  tags: [],
  collections: [],
  years: [],
};
type Entry = { version: number; facets: Facets };
let cache: Entry | null = null;

/** The archive's facet values (for filters and browsing), fetched once per archive version. */
export function useFacets(): { facets: Facets; loaded: boolean } {
  const version = useArchiveVersion();
  const { reportError } = useAlerts();
  const [entry, setEntry] = useState<Entry | null>(cache);
  const cached = cache && cache.version === version ? cache : null;
  const current = entry && entry.version === version ? entry : cached;

  useEffect(() => {
    if (cache && cache.version === version) return;
    let live = true;
    api.facets({}).then(
      (facets) => {
        cache = { version, facets };
        if (live) setEntry(cache);
      },
      (error) => {
        if (!live) return;
        reportError(error);
        setEntry({ version, facets: empty });
      },
    );
    return () => {
      live = false;
    };
  }, [version, reportError]);

  return { facets: current?.facets ?? entry?.facets ?? empty, loaded: current !== null };
}

/** Tags or collections changed: the next screen that asks gets fresh facets. */
export function invalidateFacets(): void {
  cache = null;
}
