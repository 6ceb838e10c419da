import { navigate } from '../app/route';

/** The desktop menu's "Export notes…" was chosen: the notes screen opens with its export in focus. */
let focusRequested = false;

/** Taken once by the export controls when they appear. */
export function takeExportFocus(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

/** Under Electron, File → Export notes… arrives here. */
export function listenToExportMenu(): void {
  const bridge = window.archive as unknown as
    { on?: (event: string, callback: (data: unknown) => void) => () => void } | undefined;
  if (typeof bridge?.on !== 'function') return;
  bridge.on('menu:export', () => {
    focusRequested = true;
    navigate('#/notes');
    // Already on the notes screen: nothing remounts, so focus it here.
    document.querySelector<HTMLSelectElement>('.export-controls select')?.focus();
  });
}
