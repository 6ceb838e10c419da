/**
 * One file (on disk or uploaded) → draft items: refuse binaries, pick the importer by content,
 * stream JSON Lines and gzip, read documents whole only below a size limit. Every problem with
 * the input becomes an error item; only programmer errors are thrown.
 *
 * Memory stays bounded whatever the input: JSON Lines stream a line at a time (lines.ts caps a
 * line), a text or HTML document is read whole only below its format's byte limit, a page is
 * measured before it is built into a DOM (html-shape.ts), and no article longer than
 * MAX_ARTICLE_CHARS reaches the tokenizer.
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { UserError } from '../errors';
import type { ArticleDraft } from '../model';
import { binaryKind, decodeText, sniffEncoding } from '../text/decode';
import { detectFormat, headText, isGzip, type Format } from './detect';
import type { DraftItem } from './draft';
import { declaredCharset, parseHtml } from './html';
import { checkHtmlShape } from './html-shape';
import { drain } from './chunks';
import { readJsonRecords } from './json';
import { parsePlainText } from './plaintext';
import { displayPath } from './walk';
import { blockText } from '../archive/layout';
import { MAX_IMAGE_BYTES, MAX_PDF_BYTES, pagedKind, readPaged, type PageProgress } from './pdf';
import { isOfficeContainer, MAX_OFFICE_BYTES, readOffice } from './office';

/**
 * The longest article accepted, in characters: about twice the longest official document of the
 * corpus (a tariff decree of 1.03 million). Parsing and indexing cost memory in proportion.
 */
export const MAX_ARTICLE_CHARS = 2_000_000;
/** A plain-text article is read whole: 2 M characters take at most 6 MB of UTF-8. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** A saved page also carries markup, styles and inline pictures beside its article. */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;
/** Enough of the start of a file to recognise its format. */
export const HEAD_BYTES = 64 * 1024;

/** Where the bytes come from: a file (streamed) or an upload (already in memory). */
export interface ByteSource {
  where: string;
  size: number;
  head: Uint8Array;
  stream(): Readable;
  /** Progress page by page, and cancelling, for files with pages (PDF, scans). */
  pages?: PageProgress;
}

export function formatSize(bytes: number): string {
  // Under a megabyte in KB: "0.0 MB" would say a 40 KB file is empty.
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function byteLimit(format: Format): number {
  return format === 'html' ? MAX_HTML_BYTES : MAX_TEXT_BYTES;
}

function tooLarge(size: number, limit: number): UserError {
  return new UserError('import.too-large', { size: formatSize(size), limit: formatSize(limit) });
}

function binary(kind: string): UserError {
  // No magic number, only NUL bytes: a program's data, or a text file a power cut zero-filled.
  return kind === 'data'
    ? new UserError('import.nul-bytes')
    : new UserError('import.binary', { kind });
}

function articleChars(draft: ArticleDraft): number {
  let n = draft.title.length + (draft.summary?.length ?? 0);
  for (const b of draft.blocks) n += blockText(b).length;
  return n;
}

function tooLong(chars: number): UserError {
  return new UserError('import.too-long', { chars, limit: MAX_ARTICLE_CHARS });
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
    // Only reached by gzip, whose size is unknown until read: stop at the limit, not the end.
    if (size > limit)
      throw new UserError('import.too-large', {
        size: `> ${formatSize(limit)}`,
        limit: formatSize(limit),
      });
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

function decodeDocument(bytes: Uint8Array, format: Format): string {
  // The head was checked for NUL bytes; a UTF-8 document may still hide them further on.
  if (sniffEncoding(bytes) === 'utf-8' && bytes.includes(0))
    throw new UserError('import.nul-bytes');
  const charset = format === 'html' ? declaredCharset(headText(bytes)) : null;
  const text = decodeText(bytes, { declaredCharset: charset });
  if (format === 'text' && text.length > MAX_ARTICLE_CHARS) throw tooLong(text.length);
  return text;
}

/** Parse a whole text or HTML document; errors become one item for the file. */
function parseDocument(bytes: Uint8Array, format: Format, where: string): DraftItem {
  try {
    const text = decodeDocument(bytes, format);
    if (format === 'html') {
      checkHtmlShape(text);
      return { ok: true, draft: parseHtml(text, where), where };
    }
    return { ok: true, draft: parsePlainText(text, where), where };
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
async function* readGzip(source: ByteSource, where: string): AsyncGenerator<DraftItem> {
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
  // A gzipped Word, OpenDocument or PDF file or scan (an archivist's USB stick has them): inflated
  // within that format's own limit (a gzip bomb is cut off there), then read as the file itself.
  // The original kept is the inflated file, under its name without ".gz", so "Open the
  // original" opens a document, not an archive of it.
  const paged = pagedKind(head);
  if (paged || isOfficeContainer(head)) {
    const limit = paged === 'pdf' ? MAX_PDF_BYTES : paged ? MAX_IMAGE_BYTES : MAX_OFFICE_BYTES;
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await readAll(open(), limit));
    } catch (error) {
      yield { ok: false, error: streamError(error, where), where };
      return;
    }
    const inner: ByteSource = {
      where,
      size: bytes.length,
      head: bytes.subarray(0, head.length),
      stream: () => Readable.from([bytes]),
      pages: source.pages,
    };
    const items = paged
      ? readPaged(inner, paged, where, MAX_ARTICLE_CHARS, source.pages)
      : readOffice(inner, where);
    for await (const item of items) {
      if (item.ok && item.original)
        yield {
          ...item,
          original: { ...item.original, name: item.original.name.replace(/\.gz$/i, '') },
        };
      else yield item;
    }
    return;
  }
  const kind = binaryKind(head);
  if (kind && !isGzip(head)) {
    yield { ok: false, error: binary(kind), where };
    return;
  }
  const format = detectFormat(head, where);
  if (format === 'json') {
    yield* readJson(open, head, where);
    return;
  }
  try {
    yield parseDocument(await readAll(open(), byteLimit(format)), format, where);
  } catch (error) {
    yield { ok: false, error: streamError(error, where), where };
  }
}

async function* readAny(source: ByteSource, where: string): AsyncGenerator<DraftItem> {
  const { head } = source;
  if (source.size === 0) {
    yield { ok: false, error: new UserError('import.empty'), where };
    return;
  }
  if (isGzip(head)) {
    yield* readGzip(source, where);
    return;
  }
  const paged = pagedKind(head);
  if (paged) {
    yield* readPaged(source, paged, where, MAX_ARTICLE_CHARS, source.pages);
    return;
  }
  if (isOfficeContainer(head)) {
    yield* readOffice(source, where);
    return;
  }
  const kind = binaryKind(head);
  if (kind) {
    yield { ok: false, error: binary(kind), where };
    return;
  }
  const format = detectFormat(head, where);
  if (format === 'json') {
    yield* readJson(() => source.stream(), head, where);
    return;
  }
  if (source.size > byteLimit(format)) {
    yield { ok: false, error: tooLarge(source.size, byteLimit(format)), where };
    return;
  }
  try {
    yield parseDocument(await readAll(source.stream(), byteLimit(format)), format, where);
  } catch (error) {
    yield { ok: false, error: streamError(error, where), where };
  }
}

export async function* readSource(source: ByteSource): AsyncGenerator<DraftItem> {
  for await (const item of readAny(source, displayPath(source.where))) {
    const chars = item.ok ? articleChars(item.draft) : 0;
    yield chars > MAX_ARTICLE_CHARS
      ? { ok: false, error: tooLong(chars), where: item.where }
      : item;
  }
}
