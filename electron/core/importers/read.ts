/**
 * One file (on disk or uploaded) → draft items: refuse binaries, pick the importer by content,
 * stream JSON Lines and gzip, read documents whole only below a size limit. Every problem with
 * the input becomes an error item; only programmer errors are thrown.
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { UserError } from '../errors';
import { binaryKind, decodeText, sniffEncoding } from '../text/decode';
import { detectFormat, headText, isGzip, type Format } from './detect';
import type { DraftItem } from './draft';
import { declaredCharset, parseHtml } from './html';
import { drain } from './chunks';
import { readJsonRecords } from './json';
import { parsePlainText } from './plaintext';

/** A text or HTML article is read whole; beyond this it is not an article but a mistake. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Enough of the start of a file to recognise its format. */
export const HEAD_BYTES = 64 * 1024;

/** Where the bytes come from: a file (streamed) or an upload (already in memory). */
export interface ByteSource {
  where: string;
  size: number;
  head: Uint8Array;
  stream(): Readable;
}

export function formatSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(size: number): UserError {
  return new UserError('import.too-large', {
    size: formatSize(size),
    limit: formatSize(MAX_DOCUMENT_BYTES),
  });
}

/** A stream error as the user sees it: a damaged gzip, or a file that went away mid-read. */
function streamError(error: unknown, where: string): UserError {
  if (error instanceof UserError) return error;
  const code = String((error as NodeJS.ErrnoException)?.code ?? '');
  if (code.startsWith('Z_') || (error as Error)?.message?.includes('unexpected end of file')) {
    return new UserError('import.bad-gzip');
  }
  if (code) return new UserError('import.not-found', { path: where });
  throw error;
}

async function* decodeChunks(stream: Readable, encoding: string) {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of drain(stream)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function readAll(stream: Readable, limit: number): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of drain(stream)) {
    size += chunk.length;
    if (size > limit) throw tooLarge(size);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

async function readHead(stream: Readable): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of drain(stream)) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) break; // leaving the loop destroys the stream
    }
  } catch (error) {
    // Only a peek: a damaged stream is reported by the full read, after its good part.
    if (size === 0) throw error;
  }
  return Buffer.concat(parts);
}

/** Parse a whole text or HTML document; errors become one item for the file. */
function parseDocument(bytes: Uint8Array, format: Format, where: string): DraftItem {
  try {
    if (format === 'html') {
      const text = decodeText(bytes, { declaredCharset: declaredCharset(headText(bytes)) });
      return { ok: true, draft: parseHtml(text, where), where };
    }
    return { ok: true, draft: parsePlainText(decodeText(bytes), where), where };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error, where };
    throw error;
  }
}

async function* readJson(
  open: () => Readable,
  head: Uint8Array,
  where: string,
): AsyncGenerator<DraftItem> {
  const encoding = sniffEncoding(head);
  try {
    yield* readJsonRecords(() => decodeChunks(open(), encoding), where);
  } catch (error) {
    yield { ok: false, error: streamError(error, where), where };
  }
}

/** Gzip holds JSON Lines in the corpus, but a gzipped article or page reads as well. */
async function* readGzip(source: ByteSource): AsyncGenerator<DraftItem> {
  const where = source.where;
  const open = () => pipeline(source.stream(), createGunzip(), () => {});
  let head: Uint8Array;
  try {
    head = await readHead(open());
  } catch (error) {
    yield { ok: false, error: streamError(error, where), where };
    return;
  }
  if (head.length === 0) {
    yield { ok: false, error: new UserError('import.empty'), where };
    return;
  }
  const kind = binaryKind(head);
  if (kind && !isGzip(head)) {
    yield { ok: false, error: new UserError('import.binary', { kind }), where };
    return;
  }
  const format = detectFormat(head, where);
  if (format === 'json') {
    yield* readJson(open, head, where);
    return;
  }
  try {
    yield parseDocument(await readAll(open(), MAX_DOCUMENT_BYTES), format, where);
  } catch (error) {
    yield { ok: false, error: streamError(error, where), where };
  }
}

export async function* readSource(source: ByteSource): AsyncGenerator<DraftItem> {
  const { where, head } = source;
  if (source.size === 0) {
    yield { ok: false, error: new UserError('import.empty'), where };
    return;
  }
  if (isGzip(head)) {
    yield* readGzip(source);
    return;
  }
  const kind = binaryKind(head);
  if (kind) {
    yield { ok: false, error: new UserError('import.binary', { kind }), where };
    return;
  }
  const format = detectFormat(head, where);
  if (format === 'json') {
    yield* readJson(() => source.stream(), head, where);
    return;
  }
  if (source.size > MAX_DOCUMENT_BYTES) {
    yield { ok: false, error: tooLarge(source.size), where };
    return;
  }
  try {
    yield parseDocument(await readAll(source.stream(), MAX_DOCUMENT_BYTES), format, where);
  } catch (error) {
    yield { ok: false, error: streamError(error, where), where };
  }
}
