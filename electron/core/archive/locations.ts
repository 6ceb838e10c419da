/**
 * Where the desktop app keeps its archive, so the command line opens the same file by default:
 * Electron's userData folder for the product name "Archive Reader" on each system.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Archive Reader';

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return path.join(env.APPDATA || path.join(os.homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), PRODUCT_NAME);
}

/** `--db`, else ARCHIVE_READER_DB, else the desktop app's own archive. */
export function defaultArchivePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ARCHIVE_READER_DB || path.join(userDataDir(env), 'archive.db');
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The bundled sample archive, opened on first run when the user has no archive yet. */
export const SAMPLE_ARCHIVE = path.join(projectRoot, 'resources', 'sample', 'archive.db');
export const RENDERER_DIR = path.join(projectRoot, 'dist', 'renderer');
