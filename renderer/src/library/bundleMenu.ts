import { navigate } from '../app/route';

/** What the desktop app's File menu asks of the bundle panel, with the paths picked natively. */
export type BundleMenuRequest =
  { kind: 'export'; path: string } | { kind: 'import'; paths: string[] };

let pending: BundleMenuRequest | null = null;
const listeners = new Set<() => void>();

/** The request not yet carried out, taken once. */
export function takeBundleMenuRequest(): BundleMenuRequest | null {
  const request = pending;
  pending = null;
  return request;
}

export function onBundleMenu(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function deliver(request: BundleMenuRequest): void {
  pending = request;
  navigate('#/library');
  for (const listener of listeners) listener();
}

/** Under Electron, the menu's bundle items arrive here and the library screen carries them out. */
export function listenToBundleMenu(): void {
  const bridge = window.archive as unknown as
    { on?: (event: string, callback: (data: unknown) => void) => () => void } | undefined;
  if (typeof bridge?.on !== 'function') return;
  bridge.on('menu:bundle-export', (data) =>
    deliver({ kind: 'export', path: (data as { path: string }).path }),
  );
  bridge.on('menu:bundle-import', (data) =>
    deliver({ kind: 'import', paths: (data as { paths: string[] }).paths }),
  );
}
