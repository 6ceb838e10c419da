import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so the same bundle works from file:// (Electron) and over HTTP; the page's own
 * query string (`?token=…`) is left alone.
 */
export type Route =
  | { screen: 'search' }
  | { screen: 'article'; id: string; annotation: string | null; section?: string | null }
  | { screen: 'library' }
  | { screen: 'notes' }
  | { screen: 'stats' };

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'article':
      if (parts[1]) {
        return {
          screen: 'article',
          id: decodeURIComponent(parts[1]),
          annotation: new URLSearchParams(query).get('annotation'),
          // A place in a legal document: `#/article/ID/dieu-12` (anchors: electron/core/law).
          ...(parts[2] ? { section: decodeURIComponent(parts[2]) } : {}),
        };
      }
      return { screen: 'search' };
    case 'library':
      return { screen: 'library' };
    case 'notes':
      return { screen: 'notes' };
    case 'stats':
      return { screen: 'stats' };
    default:
      return { screen: 'search' };
  }
}

export function articleHref(id: string, annotation?: string, section?: string): string {
  const base = `#/article/${encodeURIComponent(id)}${section ? `/${encodeURIComponent(section)}` : ''}`;
  return annotation ? `${base}?annotation=${encodeURIComponent(annotation)}` : base;
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
