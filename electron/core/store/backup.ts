/**
 * Automatic and manual backups of an archive, and restoring one.
 *
 * Backups are made with SQLite's online backup API (a consistent copy while the archive stays
 * open, committed WAL content included) into a `backups/` folder beside the archive, named
 * `<archive>-YYYYMMDD-HHMMSS.db` (UTC), seven kept. A backup is written under a temporary name and
 * renamed, so an interrupted one never looks like a backup. Restoring checks that the backup is a
 * sound archive first, refuses while another process has the archive open, and keeps the replaced
 * file aside as `<archive>.before-restore`. The catalog beside the archive is derived: it is
 * removed on restore and rebuilt on the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors';
import type { Db } from './db';
import { SCHEMA_VERSION } from './migrations';

export const KEEP_BACKUPS = 7;
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface BackupInfo {
  path: string;
  /** When the backup was made (from its name). */
  time: Date;
}

export function backupFolder(archiveFile: string): string {
  return path.join(path.dirname(path.resolve(archiveFile)), 'backups');
}

function stem(archiveFile: string): string {
  return path.basename(archiveFile).replace(/\.[^.]+$/, '') || 'archive';
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The archive's backups, newest first. */
export function listBackups(archiveFile: string): BackupInfo[] {
  const folder = backupFolder(archiveFile);
  const re = new RegExp(`^${escapeRe(stem(archiveFile))}-(\\d{8})-(\\d{6})(?:-(\\d+))?\\.db$`);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: Array<BackupInfo & { order: string }> = [];
  for (const name of names) {
    const m = re.exec(name);
    if (!m) continue;
    const [d, t] = [m[1], m[2]];
    const time = new Date(
      `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`,
    );
    if (Number.isNaN(time.getTime())) continue;
    found.push({
      path: path.join(folder, name),
      time,
      order: `${d}${t}${(m[3] ?? '').padStart(6, '0')}`,
    });
  }
  return found
    .sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0))
    .map(({ path: p, time }) => ({ path: p, time }));
}

export function newestBackup(archiveFile: string): BackupInfo | null {
  return listBackups(archiveFile)[0] ?? null;
}

function stamp(time: Date): string {
  return time.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A backup path in the archive's folder for `time` that no backup uses yet. */
function nextBackupPath(archiveFile: string, time: Date): string {
  const base = path.join(backupFolder(archiveFile), `${stem(archiveFile)}-${stamp(time)}`);
  let candidate = `${base}.db`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${base}-${n}.db`;
  return candidate;
}

/**
 * Copy the open archive to `destination` (default: a new automatic backup, the oldest beyond
 * seven removed). The copy is a standalone file (rollback journal, no WAL beside it).
 */
export function backupArchive(
  db: Db,
  archiveFile: string,
  options: { destination?: string; now?: Date; keep?: number } = {},
): Promise<BackupInfo> {
  // One at a time: a daily backup still running when the app quits is followed, not raced.
  const run = queue.then(() => makeBackup(db, archiveFile, options));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function makeBackup(
  db: Db,
  archiveFile: string,
  options: { destination?: string; now?: Date; keep?: number },
): Promise<BackupInfo> {
  const time = options.now ?? new Date();
  const automatic = !options.destination;
  if (automatic) fs.mkdirSync(backupFolder(archiveFile), { recursive: true });
  const destination = path.resolve(options.destination ?? nextBackupPath(archiveFile, time));
  const tmp = `${destination}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  try {
    await db.backup(tmp);
    standalone(tmp);
    fs.renameSync(tmp, destination);
  } catch (error) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`])
      fs.rmSync(f, { force: true });
    throw translateFsError(error, destination);
  }
  if (automatic) rotate(archiveFile, options.keep ?? KEEP_BACKUPS);
  return { path: destination, time };
}

/**
 * The copy carries the archive's WAL flag (header bytes 18–19): set it back to the rollback
 * journal, as leaving WAL mode does, so the backup opens read-only with no -wal or -shm beside it.
 * No connection is opened here: this code also runs where better-sqlite3 needs its Electron build.
 */
function standalone(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 18);
    if (head[0] === 2 && head[1] === 2) fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function rotate(archiveFile: string, keep: number): void {
  for (const old of listBackups(archiveFile).slice(keep)) fs.rmSync(old.path, { force: true });
}

/** What the catalog's generation says about the archive: it moves with every user-visible write. */
function fingerprint(db: Db, schema = ''): string {
  const meta = db
    .prepare(`SELECT value FROM ${schema}meta WHERE key = 'catalog_generation'`)
    .get() as { value: string } | undefined;
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM ${schema}articles) AS a, (SELECT max(rowid) FROM ${schema}articles) AS m,
         (SELECT count(*) FROM ${schema}annotations) AS n`,
    )
    .get() as { a: number; m: number | null; n: number };
  return `${meta?.value ?? '0'}:${counts.a}:${counts.m ?? 0}:${counts.n}`;
}

/** The fingerprint of a backup, read through the archive's own connection (ATTACH). */
function fingerprintOfFile(db: Db, file: string): string | null {
  try {
    db.prepare('ATTACH DATABASE ? AS newest_backup').run(file);
  } catch {
    return null;
  }
  try {
    return fingerprint(db, 'newest_backup.');
  } catch {
    return null;
  } finally {
    db.exec('DETACH DATABASE newest_backup');
  }
}

/**
 * The automatic backup: made when the newest is older than a day (`reason: 'daily'`), or on quit
 * when the archive changed since the newest backup (`reason: 'quit'`). Returns null when none was
 * due. Never throws: a backup that cannot be written must not stop the app from starting or
 * quitting (the reason is returned for the log).
 */
export async function automaticBackup(
  db: Db,
  archiveFile: string,
  reason: 'daily' | 'quit',
  now = new Date(),
): Promise<{ made: BackupInfo | null; error?: string }> {
  if (archiveFile === ':memory:' || !db.open) return { made: null };
  try {
    const newest = newestBackup(archiveFile);
    if (newest) {
      const due =
        reason === 'daily'
          ? now.getTime() - newest.time.getTime() >= BACKUP_INTERVAL_MS
          : fingerprintOfFile(db, newest.path) !== fingerprint(db);
      if (!due) return { made: null };
    }
    return { made: await backupArchive(db, archiveFile, { now }) };
  } catch (error) {
    return { made: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Check that a file is a sound archive this app can open: integrity, schema, tables. */
export function verifyBackup(file: string, nativeBinding?: string): void {
  if (!fs.existsSync(file)) throw new UserError('import.not-found', { path: file });
  let copy: Db;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch {
    throw new UserError('backup.unsound', { file });
  }
  try {
    const result = copy.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const version = copy.pragma('user_version', { simple: true }) as number;
    const hasArticles = copy
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'")
      .get();
    if (result[0]?.integrity_check !== 'ok' || !hasArticles || version < 1)
      throw new UserError('backup.unsound', { file });
    if (version > SCHEMA_VERSION)
      throw new UserError('db.newer-schema', { file, found: version, known: SCHEMA_VERSION });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('backup.unsound', { file });
  } finally {
    copy.close();
  }
}

/**
 * True when another connection (this process or another) has the archive open. An exclusive lock
 * cannot be had while any other connection holds the file; a damaged file counts as free.
 */
export function archiveInUse(file: string, nativeBinding?: string): boolean {
  if (!fs.existsSync(file)) return false;
  let probe: Db;
  try {
    probe = new Database(file, { fileMustExist: true, timeout: 0, nativeBinding });
  } catch {
    return false;
  }
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    return (error as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
  } finally {
    probe.close();
  }
}

/**
 * Replace the archive with a backup (default: the newest). The replaced file (and its WAL) is kept
 * aside as `<archive>.before-restore`; the derived catalog is removed so it is rebuilt.
 */
export function restoreBackup(
  archiveFile: string,
  backupFile?: string,
  options: { nativeBinding?: string } = {},
): { restored: string; keptAside: string | null } {
  const source = backupFile ? path.resolve(backupFile) : newestBackup(archiveFile)?.path;
  if (!source) throw new UserError('backup.none', { file: archiveFile });
  verifyBackup(source, options.nativeBinding);
  if (archiveInUse(archiveFile, options.nativeBinding))
    throw new UserError('db.in-use', { file: archiveFile });
  const target = path.resolve(archiveFile);
  const tmp = `${target}.${process.pid}.restoring`;
  let aside: string | null = null;
  try {
    fs.copyFileSync(source, tmp);
    if (fs.existsSync(target)) {
      aside = `${target}.before-restore`;
      if (fs.existsSync(aside)) aside = `${target}.${stamp(new Date())}.before-restore`;
      fs.renameSync(target, aside);
      // The old WAL belongs to the old file: beside the restored one SQLite would replay it.
      if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${aside}-wal`);
      fs.rmSync(`${target}-shm`, { force: true });
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw translateFsError(error, target);
  }
  fs.rmSync(`${target}.catalog.json`, { force: true });
  return { restored: source, keptAside: aside };
}

function translateFsError(error: unknown, file: string): unknown {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return new UserError('db.disk-full');
  if (
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code.startsWith('SQLITE_READONLY')
  )
    return new UserError('db.read-only', { file });
  return error;
}
