/**
 * Opening an archive file: pragmas, schema check and migrations. A database made by a newer
 * version of the app is refused before anything is written to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors';
import { migrations, SCHEMA_VERSION } from './migrations';
import { checkReadable, damagedError, looksLikeSqlite } from './health';
import { blocksJson, type StoredBlocks } from './blocks';

/** The page size of a new archive (an existing one keeps its own). */
export const PAGE_SIZE = 16_384;

const isEmpty = (db: Db) =>
  (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0;

export type Db = Database.Database;

export interface OpenOptions {
  readOnly?: boolean;
  /** Path to a better-sqlite3 binary built for another runtime (the Electron build). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const readOnly = options.readOnly ?? false;
  if (file !== ':memory:') {
    if (readOnly && !fs.existsSync(file)) throw new UserError('import.not-found', { path: file });
    if (!readOnly) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      // Before SQLite creates its -wal and -shm files: a read-only place is left untouched.
      if (!writable(file)) throw new UserError('db.read-only', { file });
    }
  }
  let db: Db;
  try {
    db = new Database(file, {
      readonly: readOnly,
      fileMustExist: readOnly,
      nativeBinding: options.nativeBinding ?? process.env.ARCHIVE_READER_NATIVE_BINDING,
    });
  } catch (error) {
    throw translateOpenError(error, file);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new UserError('db.newer-schema', { file, found: version, known: SCHEMA_VERSION });
    }
    if (!readOnly && version === 0 && isEmpty(db)) {
      // A new archive: 16 KB pages hold its articles (1–3 KB each, packed) with little left
      // over; with 4 KB pages a quarter of the article table's pages was empty space.
      db.pragma(`page_size = ${PAGE_SIZE}`);
    }
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    // Packed article text for SQL that reads it (store/blocks.ts).
    db.function('blocks_text', { deterministic: true }, (stored) =>
      stored === null ? null : blocksJson(stored as StoredBlocks),
    );
    if (version < SCHEMA_VERSION) {
      if (readOnly) {
        // An archive of an earlier version is brought up to date once (a writable open
        // migrates it), then opened read-only as asked; only an unwritable one is refused.
        if (file === ':memory:' || !writable(file)) throw new UserError('db.read-only', { file });
        db.close();
        openDatabase(file, { ...options, readOnly: false }).close();
        return openDatabase(file, options);
      }
      migrate(db, version);
    }
    if (file !== ':memory:') checkReadable(db);
    return db;
  } catch (error) {
    db.close();
    throw translateOpenError(error, file);
  }
}

/** The archive (if it exists) and its folder can be written (a read-only mount counts, for root too). */
function writable(file: string): boolean {
  try {
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function migrate(db: Db, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(migrations[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Turn SQLite's errors into one sentence the user can act on. */
export function translateOpenError(error: unknown, file: string): unknown {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    // A file that starts like SQLite but cannot be read is damaged: offer the newest backup.
    return looksLikeSqlite(file) ? damagedError(file) : new UserError('db.not-archive', { file });
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    (code === 'SQLITE_CANTOPEN' && /read-?only/i.test(message))
  ) {
    return new UserError('db.read-only', { file });
  }
  if (code.startsWith('SQLITE_FULL')) return new UserError('db.disk-full');
  if (code === 'SQLITE_CANTOPEN') return new UserError('db.cannot-open', { file, reason: message });
  return error;
}
