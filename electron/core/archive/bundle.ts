/**
 * Archive bundles: one file that carries articles, their tags and collections, and annotations
 * (with their kept revisions) from one archive to another, on a USB stick or through a synced
 * folder. docs/bundle-format.md describes the same format for people.
 *
 * Layout — a gzip stream (RFC 1952) of UTF-8 JSON Lines, one record per line, in this order:
 *
 *   1. the manifest, always first, always starting `{"type":"manifest","format":"archive-reader-bundle"`
 *      { type: "manifest", format, version: 1, created (ISO time), machine (the exporting computer's
 *        name), app: { name, version }, selection: { collection, since },
 *        counts: { articles, annotations, revisions, tags, collections },
 *        hashes: { <article id>: <sha256 hex of the article's canonical content> } }
 *   2. one `{"type":"article", …}` per article: every stored field (title, date, author, source,
 *      url, summary, blocks, docNumber, docType, issuer, place, encoding, sourceId, importedAt,
 *      importedFrom) and its tags and collections by name; an article read from an office file also
 *      its titleOrigin, pageCount, recognition and, when the archive keeps it, its original file
 *      { sha256, name, mediaType, size, base64 } (checked against its sha256 on import);
 *   3. one `{"type":"annotation", …}` per annotation, after every article (an annotation needs its
 *      article), with the revisions kept for it (see bundle-annotations.ts);
 *   4. `{"type":"end", articles, annotations}`, always last.
 *
 * The canonical content is the one article ids are made of (ids.ts: NFC, whitespace folded; the
 * title, summary and blocks): the id is the first 16 hex digits of the same sha256, so a reader
 * can check both. gzip's CRC and length catch a damaged or cut file; the end record catches a cut
 * made before compression; the hashes catch an article whose text was changed.
 *
 * Both directions stream: a writer emits the manifest (hashes only) and then one record at a time;
 * a reader holds one line at a time, the manifest's hash table and a set of ids.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { z } from 'zod';
import { UserError } from '../errors';

export const BUNDLE_FORMAT = 'archive-reader-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.arbundle';
/** The manifest's first bytes, fixed so a folder watcher can recognise a bundle cheaply. */
export const BUNDLE_SIGNATURE = `{"type":"manifest","format":"${BUNDLE_FORMAT}"`;

/** One line may hold a long official document or the manifest of a large archive, not more. */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

const text = z.string();
const maybe = z.string().nullable();
const count = z.number().int().min(0);

const page = { page: z.number().int().min(1).optional() };
const block = z.union([
  z.object({ type: z.literal('p'), text, ...page }),
  z.object({ type: z.literal('heading'), level: z.number().int().min(1).max(6), text, ...page }),
  z.object({
    type: z.literal('li'),
    text,
    ordered: z.boolean(),
    depth: z.number().int().min(0).max(16),
    ...page,
  }),
  z.object({ type: z.literal('table'), rows: z.array(z.array(text)), ...page }),
  z.object({ type: z.literal('footnote'), label: text, text, ...page }),
  z.object({ type: z.literal('figure'), caption: text, credit: maybe, ...page }),
]);

export const manifestSchema = z.object({
  type: z.literal('manifest'),
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().min(1),
  created: text,
  machine: text,
  app: z.object({ name: text, version: text }),
  selection: z.object({ collection: maybe, since: maybe }),
  counts: z.object({
    articles: count,
    annotations: count,
    revisions: count,
    tags: count,
    collections: count,
  }),
  hashes: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export const articleRecordSchema = z.object({
  type: z.literal('article'),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  title: text.min(1),
  date: maybe,
  author: maybe,
  source: maybe,
  url: maybe,
  summary: maybe,
  blocks: z.array(block),
  docNumber: maybe,
  docType: maybe,
  issuer: maybe,
  place: maybe.default(null),
  encoding: maybe.default(null),
  sourceId: text,
  importedAt: text,
  importedFrom: maybe,
  tags: z.array(text),
  collections: z.array(text),
  // Office documents (schema 7); absent from bundles made before.
  titleOrigin: z.enum(['slug', 'body']).nullable().default(null),
  pageCount: z.number().int().min(1).nullable().default(null),
  recognition: z
    .object({
      engine: z.literal('tesseract'),
      confidence: z.number().min(0).max(100),
      pages: z.array(z.number().int().min(1)),
    })
    .nullable()
    .default(null),
  original: z
    .object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      name: text.min(1),
      mediaType: text,
      size: count,
      base64: z.string(),
    })
    .nullable()
    .default(null),
});

const selector = z
  .object({ exact: text.min(1), prefix: text, suffix: text, start: count, end: count })
  .refine((s) => s.end > s.start, 'end must be after start');
const kind = z.enum(['highlight', 'note', 'bookmark']);
const color = z.enum(['yellow', 'green', 'blue', 'pink']).nullable();

export const revisionRecordSchema = z.object({
  kind,
  color,
  note: maybe,
  selector: selector.nullable(),
  updated: text,
  origin: maybe,
  keptAt: text,
});

export const annotationRecordSchema = z.object({
  type: z.literal('annotation'),
  id: z.string().min(1).max(128),
  articleId: z.string().regex(/^[0-9a-f]{16}$/),
  kind,
  color,
  note: maybe,
  selector: selector.nullable(),
  created: text,
  updated: text,
  orphaned: z.boolean().default(false),
  revisions: z.array(revisionRecordSchema).default([]),
});

export const endRecordSchema = z.object({
  type: z.literal('end'),
  articles: count,
  annotations: count,
});

export type BundleManifest = z.infer<typeof manifestSchema>;
export type ArticleRecord = z.infer<typeof articleRecordSchema>;
export type AnnotationRecord = z.infer<typeof annotationRecordSchema>;
export type RevisionRecord = z.infer<typeof revisionRecordSchema>;
export type EndRecord = z.infer<typeof endRecordSchema>;
export type BundleRecord = ArticleRecord | AnnotationRecord | EndRecord;

/** A bundle on this machine's disk, or one sent as bytes (a browser upload). */
export type BundleSource = { path: string } | { name: string; bytes: Uint8Array };

export function sourceName(source: BundleSource): string {
  return 'path' in source ? source.path : source.name;
}

function openStream(source: BundleSource): Readable {
  if ('bytes' in source) return Readable.from([Buffer.from(source.bytes)]);
  return fs.createReadStream(source.path);
}

/** The decompressed lines of a bundle, numbered from 1. Every failure is a UserError. */
export async function* bundleLines(
  source: BundleSource,
): AsyncGenerator<{ line: number; text: string }> {
  const file = sourceName(source);
  const raw = openStream(source);
  const gunzip = zlib.createGunzip();
  let rawError: NodeJS.ErrnoException | null = null;
  raw.on('error', (error) => {
    rawError = error;
    gunzip.destroy(error);
  });
  raw.pipe(gunzip);
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let newline: number;
      while ((newline = data.indexOf(0x0a)) !== -1) {
        line++;
        yield { line, text: data.subarray(0, newline).toString('utf8') };
        data = data.subarray(newline + 1);
      }
      if (data.length > MAX_LINE_BYTES)
        throw new UserError('bundle.bad-record', { file, line: line + 1, reason: 'line too long' });
      rest = Buffer.from(data);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw readError(file, rawError ?? error);
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
  if (rest.length) yield { line: line + 1, text: rest.toString('utf8') };
}

function readError(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'ENOENT') return new UserError('import.not-found', { path: file });
  if (code === 'Z_DATA_ERROR' && /header/i.test(String((error as Error).message)))
    return new UserError('bundle.not-bundle', { file });
  if (code.startsWith('Z_') || /unexpected end/i.test(String((error as Error)?.message)))
    return new UserError('bundle.damaged', { file });
  const reason = error instanceof Error ? error.message : String(error);
  return new UserError('bundle.cannot-read', { file, reason });
}

/**
 * Parse a bundle: the manifest, then every record, each checked against its schema; the end
 * record must come last. Structural faults throw a UserError naming the line; checking hashes
 * and counts is the caller's (bundle-import.ts), which knows what to refuse and what to keep.
 */
export async function* readBundle(
  source: BundleSource,
): AsyncGenerator<
  | { kind: 'manifest'; line: number; manifest: BundleManifest }
  | { kind: 'record'; line: number; record: BundleRecord }
> {
  const file = sourceName(source);
  let manifestSeen = false;
  let ended = false;
  let annotated = false;
  let last = 0;
  for await (const { line, text: raw } of bundleLines(source)) {
    last = line;
    if (!raw.trim()) continue;
    if (ended) throw new UserError('bundle.bad-record', { file, line, reason: 'after the end' });
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      if (!manifestSeen) throw new UserError('bundle.not-bundle', { file });
      throw new UserError('bundle.bad-record', { file, line, reason: (error as Error).message });
    }
    if (!manifestSeen) {
      yield { kind: 'manifest', line, manifest: parseManifest(file, value) };
      manifestSeen = true;
      continue;
    }
    const record = parseRecord(file, line, value);
    if (record.type === 'end') ended = true;
    if (record.type === 'annotation') annotated = true;
    else if (record.type === 'article' && annotated)
      throw new UserError('bundle.bad-record', { file, line, reason: 'article after annotations' });
    yield { kind: 'record', line, record };
  }
  if (!manifestSeen) throw new UserError('bundle.not-bundle', { file });
  if (!ended) throw new UserError('bundle.truncated', { file, line: last });
}

function parseManifest(file: string, value: unknown): BundleManifest {
  const head = value as { type?: unknown; format?: unknown; version?: unknown } | null;
  if (!head || head.type !== 'manifest' || head.format !== BUNDLE_FORMAT)
    throw new UserError('bundle.not-bundle', { file });
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION)
    throw new UserError('bundle.newer-version', {
      file,
      found: head.version,
      known: BUNDLE_VERSION,
    });
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw badRecord(file, 1, parsed.error);
  return parsed.data;
}

function parseRecord(file: string, line: number, value: unknown): BundleRecord {
  const type = (value as { type?: unknown } | null)?.type;
  const schema =
    type === 'article'
      ? articleRecordSchema
      : type === 'annotation'
        ? annotationRecordSchema
        : type === 'end'
          ? endRecordSchema
          : null;
  if (!schema)
    throw new UserError('bundle.bad-record', {
      file,
      line,
      reason: `unknown record type ${JSON.stringify(type ?? null).slice(0, 40)}`,
    });
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRecord(file, line, parsed.error);
  return parsed.data as BundleRecord;
}

function badRecord(file: string, line: number, error: z.ZodError): UserError {
  const issue = error.issues[0];
  const reason = `${issue?.path.join('.') || '(record)'}: ${issue?.message ?? 'invalid'}`;
  return new UserError('bundle.bad-record', { file, line, reason: reason.slice(0, 200) });
}

/** Whether a file on disk starts like a bundle (gzip whose first line is a bundle manifest). */
export async function looksLikeBundle(path: string): Promise<boolean> {
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(path, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    if (bytesRead < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b) return false;
    const head = zlib
      .gunzipSync(buffer.subarray(0, bytesRead), { finishFlush: zlib.constants.Z_SYNC_FLUSH })
      .subarray(0, BUNDLE_SIGNATURE.length)
      .toString('utf8');
    return head === BUNDLE_SIGNATURE;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
