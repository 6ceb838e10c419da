import { useEffect, useState } from 'react';
import type { Facets } from '../../../electron/api/contract';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { useArchiveVersion } from '../app/changes';

const empty: Facets = { types: [], sources: [], tags: [], collections: [], years: [] };
let cache: { version: number; facets: Facets } | null = null;

/** The archive's facet values (for filters and browsing), fetched once per archive version. */
export function useFacets(): { facets: Facets; loaded: boolean } {
  const version = useArchiveVersion();
  const { reportError } = useAlerts();
  const [state, setState] = useState(() =>
    cache && cache.version === version
      ? { facets: cache.facets, loaded: true }
      : { facets: empty, loaded: false },
  );

  useEffect(() => {
    if (cache && cache.version === version) {
      setState({ facets: cache.facets, loaded: true });
      return;
    }
    let live = true;
    api.facets({}).then(
      (facets) => {
        cache = { version, facets };
        if (live) setState({ facets, loaded: true });
      },
      (error) => {
        if (!live) return;
        reportError(error);
        setState((s) => ({ ...s, loaded: true }));
      },
    );
    return () => {
      live = false;
    };
  }, [version, reportError]);

  return state;
}

/** Tags or collections changed: the next screen that asks gets fresh facets. */
export function invalidateFacets(): void {
  cache = null;
}
