/**
 * The Electron main process: one instance, one window, one archive. It owns the window and the
 * menu; the archive engine itself runs in a worker thread (WorkerHost) so this thread stays free.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { ensureArchive } from '../api/first-run';
import { restoreBackup } from '../core/store/backup';
import { describeError } from '../core/errors';
import { WorkerHost } from '../api/worker-host';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { eventChannel, type BridgeEventName, type BridgeEvents } from './bridge';
import { registerIpc } from './ipc';
import { installMenu, type MenuLocale } from './menu';
import { localeFromLanguages, resolveAppPaths, type AppPaths } from './paths';
import { createMainWindow } from './window';

// Tests and power users can point the app at another profile (a fresh one per end-to-end test).
if (process.env.ARCHIVE_READER_USER_DATA)
  app.setPath('userData', process.env.ARCHIVE_READER_USER_DATA);

registerAppScheme();
// Every renderer sandboxed, even one created by a bug or a future feature.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let host: WorkerHost | null = null;
let locale: MenuLocale = 'vi';
let appPaths: AppPaths | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  locale = localeFromLanguages(app.getPreferredSystemLanguages());
  const paths = resolveAppPaths({
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    env: process.env,
  });
  appPaths = paths;
  ensureArchive(paths.dbPath, paths.samplePath);
  host = await WorkerHost.start({
    dbPath: paths.dbPath,
    nativeBinding: paths.nativeBinding,
    entry: paths.workerEntry,
    locale,
  });

  serveRenderer(session.defaultSession, paths.rendererDir);
  registerIpc({ window: () => mainWindow, host, locale: () => locale });
  host.on('importProgress', (progress) => {
    send('importProgress', progress);
    // The taskbar/dock shows the import too, even while the window is in the background.
    const done = progress.files > 0 && progress.filesDone >= progress.files;
    mainWindow?.setProgressBar(
      done || progress.files === 0 ? -1 : progress.filesDone / progress.files,
    );
  });
  host.on('indexProgress', (progress) => send('indexProgress', progress));

  mainWindow = createWindow(paths);
  refreshMenu();
}

function createWindow(paths: AppPaths): BrowserWindow {
  const window = createMainWindow({
    preload: paths.preload,
    windowStateFile: paths.windowStateFile,
    locale: () => locale,
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  return window;
}

function send<E extends BridgeEventName>(event: E, data: BridgeEvents[E]): void {
  if (mainWindow && !mainWindow.isDestroyed())
    mainWindow.webContents.send(eventChannel(event), data);
}

function refreshMenu(): void {
  installMenu({
    window: () => mainWindow,
    send,
    locale,
    setLocale: (next) => {
      locale = next;
      refreshMenu();
      send('menu:language', next);
    },
  });
}

/** The archive cannot be opened (newer version, damaged file, missing native build): say so in one sentence and quit. */
function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code === 'db.damaged-backup' && appPaths) {
    offerRestore(message, appPaths);
    return;
  }
  const hint = /NODE_MODULE_VERSION|better_sqlite3\.node/.test(message)
    ? '\n\nnode scripts/rebuild-electron-sqlite.mjs'
    : '';
  dialog.showErrorBox('Archive Reader', `${message}${hint}`);
  app.exit(1);
}

/**
 * A damaged archive with an automatic backup: the sentence, and a button that restores the newest
 * backup (the damaged file is kept aside as `.before-restore`) and starts again.
 */
function offerRestore(message: string, paths: AppPaths): void {
  const buttons =
    locale === 'en'
      ? ['Restore the newest backup', 'Quit']
      : ['Khôi phục bản sao lưu mới nhất', 'Thoát'];
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: 'Archive Reader',
    message,
    buttons,
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (choice !== 0) return app.exit(1);
  try {
    restoreBackup(paths.dbPath, undefined, { nativeBinding: paths.nativeBinding });
  } catch (restoreError) {
    dialog.showErrorBox('Archive Reader', describeError(restoreError, locale));
    return app.exit(1);
  }
  start().catch(fail);
}

// One window owns the archive: when it closes, the app ends, on macOS too.
app.on('window-all-closed', () => app.quit());

let closed = false;
app.on('will-quit', (event) => {
  if (closed || !host) return;
  // Close the archive first (WAL checkpoint), then let the quit continue.
  event.preventDefault();
  void host.close().finally(() => {
    closed = true;
    app.quit();
  });
});
