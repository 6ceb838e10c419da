/**
 * The files articles were read from (Word, OpenDocument, PDF, scans), kept in the archive by the
 * sha256 of their bytes (schema 7): a file imported twice, or a file of several articles, is
 * stored once. Rows are written in the import's transaction, next to the articles that name them.
 *
 * `ARCHIVE_READER_KEEP_ORIGINALS=0` turns keeping off: articles are imported as before, without
 * their file (the reader offers no "open the original").
 */
import { createHash } from 'node:crypto';
import type { OriginalFile } from '../model';
import type { OriginalBytes } from '../importers/draft';
import type { Db } from './db';

/** Whether imports keep original files (on unless the environment turns it off). */
export function keepOriginals(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.ARCHIVE_READER_KEEP_ORIGINALS?.trim().toLowerCase();
  return !(value === '0' || value === 'false' || value === 'no' || value === 'off');
}

/** The facts of a file about to be kept: its hash, name, type and size. */
export function describeOriginal(original: OriginalBytes): OriginalFile {
  return {
    sha256: createHash('sha256').update(original.bytes).digest('hex'),
    name: original.name,
    mediaType: original.mediaType,
    size: original.bytes.byteLength,
  };
}

export interface StoredOriginal extends OriginalFile {
  bytes: Buffer;
}

export class OriginalStore {
  private readonly insertRow;
  private readonly byHash;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO originals (sha256, name, media_type, size, bytes)
       VALUES (@sha256, @name, @mediaType, @size, @bytes) ON CONFLICT(sha256) DO NOTHING`,
    );
    this.byHash = db.prepare(
      'SELECT sha256, name, media_type AS mediaType, size, bytes FROM originals WHERE sha256 = ?',
    );
  }

  /** Keep a file (the caller holds the transaction); a file already kept is left as it is. */
  put(file: OriginalFile, bytes: Uint8Array): void {
    this.insertRow.run({
      ...file,
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    });
  }

  get(sha256: string): StoredOriginal | null {
    return (this.byHash.get(sha256) as StoredOriginal | undefined) ?? null;
  }
}
