import { useEffect, useRef } from 'react';
import { setLanguage, supportedLanguages, type Language } from '../i18n';
import { themes, type Theme } from '../settings/display';

/**
 * What the desktop app's menu asks of the page, beyond the bundles (library/bundleMenu.ts) and
 * the notes export (annotations/exportMenu.ts): an import of the paths picked natively, a theme,
 * the keyboard shortcuts help and the About dialog. The language is set here directly.
 *
 * A request is kept until the component that carries it out takes it, so one that arrives before
 * that component is mounted is not lost.
 */
export interface DesktopMenuRequests {
  import: { paths: string[] };
  theme: Theme;
  shortcuts: true;
  about: { version: string };
}
export type DesktopMenuKind = keyof DesktopMenuRequests;

const pending: Partial<DesktopMenuRequests> = {};
const listeners: { [K in DesktopMenuKind]: Set<() => void> } = {
  import: new Set(),
  theme: new Set(),
  shortcuts: new Set(),
  about: new Set(),
};

/** The request of this kind not yet carried out, taken once. */
export function takeDesktopMenuRequest<K extends DesktopMenuKind>(
  kind: K,
): DesktopMenuRequests[K] | undefined {
  const request = pending[kind];
  delete pending[kind];
  return request;
}

export function onDesktopMenu(kind: DesktopMenuKind, listener: () => void): () => void {
  listeners[kind].add(listener);
  return () => {
    listeners[kind].delete(listener);
  };
}

function deliver<K extends DesktopMenuKind>(kind: K, request: DesktopMenuRequests[K]): void {
  pending[kind] = request;
  for (const listener of listeners[kind]) listener();
}

/** Carries out the menu's requests of one kind: one pending at mount, then each as it arrives. */
export function useDesktopMenu<K extends DesktopMenuKind>(
  kind: K,
  handler: (request: DesktopMenuRequests[K]) => void,
): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    const carryOut = () => {
      const request = takeDesktopMenuRequest(kind);
      if (request !== undefined) handlerRef.current(request);
    };
    carryOut();
    return onDesktopMenu(kind, carryOut);
  }, [kind]);
}

function pathsOf(data: unknown): string[] {
  const paths = (data as { paths?: unknown } | null)?.paths;
  return Array.isArray(paths)
    ? paths.filter((p): p is string => typeof p === 'string' && p.length > 0)
    : [];
}

/** Under Electron, the menu's import, theme, language, shortcuts and About items arrive here. */
export function listenToDesktopMenu(): void {
  const bridge = window.archive as unknown as
    { on?: (event: string, callback: (data: unknown) => void) => () => void } | undefined;
  if (typeof bridge?.on !== 'function') return;
  const importPicked = (data: unknown) => {
    const paths = pathsOf(data);
    if (paths.length) deliver('import', { paths });
  };
  bridge.on('menu:import-files', importPicked);
  bridge.on('menu:import-folder', importPicked);
  bridge.on('menu:theme', (data) => {
    if (themes.includes(data as Theme)) deliver('theme', data as Theme);
  });
  bridge.on('menu:language', (data) => {
    if ((supportedLanguages as readonly unknown[]).includes(data)) setLanguage(data as Language);
  });
  bridge.on('menu:shortcuts', () => deliver('shortcuts', true));
  bridge.on('menu:about', (data) => {
    const version = (data as { version?: unknown } | null)?.version;
    deliver('about', { version: typeof version === 'string' ? version : '' });
  });
}
