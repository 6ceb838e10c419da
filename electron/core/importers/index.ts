/**
 * The importers' public face: paths or uploaded bytes in, ArticleDrafts (or per-item errors) out.
 * Hosts and the archive only use this module; the formats behind it can change freely.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { UserError } from '../errors';
import type { DraftItem } from './draft';
import { HEAD_BYTES, readSource } from './read';
import { detectFormat, type Format } from './detect';
import { walk as walkPaths } from './walk';
import type { PageProgress } from './pdf';

export type { DraftItem } from './draft';
export type { WalkItem } from './walk';

async function fileHead(path: string): Promise<Uint8Array> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What a file holds by its first bytes (null: it cannot be read; reading it will say why). */
export async function fileFormat(path: string): Promise<Format | null> {
  try {
    return detectFormat(await fileHead(path), path);
  } catch {
    return null;
  }
}

async function* readOneFile(path: string, pages?: PageProgress): AsyncGenerator<DraftItem> {
  let size: number;
  let head: Uint8Array;
  try {
    size = (await fs.stat(path)).size;
    head = await fileHead(path);
  } catch {
    yield { ok: false, error: new UserError('import.not-found', { path }), where: path };
    return;
  }
  yield* readSource({ where: path, size, head, stream: () => createReadStream(path), pages });
}

/**
 * Read one file, choosing the importer by content (not only extension). Never throws for bad
 * input: yields {ok:false}. Streams large files (JSONL/gz) record by record; memory stays
 * bounded. A folder is walked and each of its files read.
 */
export async function* readFile(path: string, pages?: PageProgress): AsyncGenerator<DraftItem> {
  for await (const item of walkPaths([path])) {
    if ('error' in item) yield { ok: false, error: item.error, where: item.path };
    else yield* readOneFile(item.path, pages);
  }
}

/**
 * Walk files and folders recursively (sorted, deterministic), following no symlink loops,
 * skipping hidden files/dirs like .git; yields each file path or an error item for a path that
 * cannot be read.
 */
export function walk(
  paths: string[],
): AsyncGenerator<{ path: string } | { path: string; error: UserError }> {
  return walkPaths(paths);
}

/** An upload in file-sized chunks, so decoding never builds one string of the whole upload. */
function* slices(buffer: Buffer): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += HEAD_BYTES) yield buffer.subarray(i, i + HEAD_BYTES);
}

/** Import bytes received from a browser upload (name + bytes) – same detection, used by the web host. */
export async function* readBytes(
  name: string,
  bytes: Uint8Array,
  pages?: PageProgress,
): AsyncGenerator<DraftItem> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  yield* readSource({
    where: name,
    size: buffer.length,
    head: buffer.subarray(0, HEAD_BYTES),
    stream: () => Readable.from(slices(buffer), { objectMode: false }),
    pages,
  });
}
