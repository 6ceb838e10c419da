/**
 * The one place the window is created, with every security setting the app relies on. The
 * settings themselves are data in security.ts (tested under plain Node); this file applies them.
 */
import { BrowserWindow, screen, type Session } from 'electron';
import { confirmAndOpenExternal } from './external-links';
import { APP_ENTRY_URL, isBlockedRequestUrl, securityHeaders, windowSecurity } from './security';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

export interface MainWindowOptions {
  preload: string;
  windowStateFile: string;
  locale: () => 'vi' | 'en';
}

const hardened = new WeakSet<Session>();

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = fitToDisplays(
    loadWindowState(options.windowStateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...saved.bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Archive Reader',
    // Matches the light theme, so the first frame is not a white flash on a dark one.
    backgroundColor: '#fbfaf7',
    webPreferences: { ...windowSecurity.webPreferences, preload: options.preload },
  });
  hardenSession(window.webContents.session);

  const contents = window.webContents;
  // Nothing navigates the window away from the app. A web link the user clicked is offered to
  // the system browser after a confirmation; everything else is dropped silently.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (event.isMainFrame) void confirmAndOpenExternal(window, event.url, options.locale());
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url, disposition }) => {
    // A link click (target=_blank, middle click) opens a tab-like disposition; scripted popups with features do not.
    if (disposition === 'foreground-tab' || disposition === 'background-tab') {
      void confirmAndOpenExternal(window, url, options.locale());
    }
    return { action: 'deny' };
  });

  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () =>
    saveWindowState(options.windowStateFile, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    }),
  );
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Session-wide rules: no permission is ever granted, no request leaves the machine, every response carries our CSP. */
function hardenSession(session: Session): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: isBlockedRequestUrl(details.url) }),
  );
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, ...toHeaderLists(securityHeaders) },
    }),
  );
}

function toHeaderLists(headers: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
}
