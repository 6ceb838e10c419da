/**
 * Where everything lives, for a development checkout and for an installed app. Plain data in,
 * plain data out (no 'electron' import), so the rules are tested under Node.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface AppFacts {
  /** app.getAppPath(): the project folder in development, …/resources/app.asar when installed. */
  appPath: string;
  userData: string;
  /** process.resourcesPath: where electron-builder puts extraResources. */
  resourcesPath: string;
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
}

export interface AppPaths {
  dbPath: string;
  samplePath: string;
  rendererDir: string;
  preload: string;
  workerEntry: string;
  windowStateFile: string;
  /** The Electron build of better-sqlite3, when node_modules holds the Node build (development). */
  nativeBinding: string | undefined;
}

/** Built by `node scripts/rebuild-electron-sqlite.mjs`; node_modules keeps the Node build. */
export const ELECTRON_SQLITE_BINDING = 'dist/native/electron/better_sqlite3.node';

export function resolveAppPaths(facts: AppFacts): AppPaths {
  const { appPath, userData, resourcesPath, isPackaged, env } = facts;
  const devBinding = path.join(appPath, ELECTRON_SQLITE_BINDING);
  return {
    dbPath: env.ARCHIVE_READER_DB || path.join(userData, 'archive.db'),
    samplePath: isPackaged
      ? path.join(resourcesPath, 'sample', 'archive.db')
      : path.join(appPath, 'resources', 'sample', 'archive.db'),
    rendererDir: path.join(appPath, 'dist', 'renderer'),
    preload: path.join(appPath, 'dist', 'electron', 'preload', 'index.cjs'),
    workerEntry: path.join(appPath, 'dist', 'electron', 'api', 'worker-entry.js'),
    windowStateFile: path.join(userData, 'window-state.json'),
    // Installed apps carry a better-sqlite3 that electron-builder rebuilt for Electron in place.
    nativeBinding:
      env.ARCHIVE_READER_NATIVE_BINDING ||
      (!isPackaged && fs.existsSync(devBinding) ? devBinding : undefined),
  };
}

/** Menus follow the system language: English for English systems, Vietnamese otherwise. */
export function localeFromLanguages(languages: readonly string[]): 'vi' | 'en' {
  return /^en\b/i.test(languages[0] ?? '') ? 'en' : 'vi';
}
