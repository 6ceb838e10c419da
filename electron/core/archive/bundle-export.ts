/**
 * Writing a bundle (format: bundle.ts). Two passes over the selected articles, page by page: the
 * first computes the manifest (hashes, counts), the second writes the records through gzip with
 * backpressure. Memory holds one page and the hash table, whatever the archive's size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import packageJson from '../../../package.json' with { type: 'json' };
import { UserError } from '../errors';
import type { ArticleRow, ArticleStore } from '../store/articles';
import type { Db } from '../store/db';
import { foldDiacritics } from '../text/vietnamese';
import {
  BUNDLE_EXTENSION,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type ArticleRecord,
  type BundleManifest,
} from './bundle';
import { toAnnotationRecord, type AnnotationRow, type RevisionRow } from './bundle-annotations';
import { articleDigest } from './ids';

const PAGE = 500;

export interface BundleSelection {
  /** Only the articles of this collection. */
  collection?: string;
  /**
   * Only what changed here on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): articles imported
   * since, and articles with an annotation created or edited since; each with all its annotations.
   */
  since?: string;
}

export interface BundleExportOptions extends BundleSelection {
  /** The exporting machine's name; os.hostname() by default. */
  machine?: string;
}

export interface BundleExportInfo {
  filename: string;
  manifest: Omit<BundleManifest, 'hashes'>;
  bytes: number;
}

class Selection {
  private readonly where: string;
  private readonly params: unknown[];

  constructor(
    private readonly db: Db,
    private readonly selection: BundleSelection,
  ) {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (selection.collection) {
      const found = db
        .prepare('SELECT id FROM collections WHERE name = ?')
        .get(selection.collection.normalize('NFC')) as { id: number } | undefined;
      if (!found) throw new UserError('bundle.no-collection', { name: selection.collection });
      parts.push('a.rowid IN (SELECT article FROM article_collections WHERE collection = ?)');
      params.push(found.id);
    }
    if (selection.since) {
      parts.push(
        '(a.imported_at >= ? OR EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.updated >= ?))',
      );
      params.push(selection.since, selection.since);
    }
    this.where = parts.length ? parts.join(' AND ') : '1';
    this.params = params;
  }

  /** Selected article rows in rowid order, one page at a time, up to the rowid seen at start. */
  *articles(maxRowid: number): Generator<ArticleRow[]> {
    const page = this.db.prepare(
      `SELECT a.* FROM articles a WHERE ${this.where} AND a.rowid > ? AND a.rowid <= ?
       ORDER BY a.rowid LIMIT ${PAGE}`,
    );
    for (let last = 0; ;) {
      const rows = page.all(...this.params, last, maxRowid) as ArticleRow[];
      if (!rows.length) return;
      yield rows;
      last = rows[rows.length - 1].rowid;
    }
  }

  /** Annotations of the selected articles, one page at a time. */
  *annotations(maxRowid: number): Generator<AnnotationRow[]> {
    const page = this.db.prepare(
      `SELECT n.rowid AS _rowid, n.* FROM annotations n JOIN articles a ON a.id = n.article_id
       WHERE ${this.where} AND a.rowid <= ? AND n.rowid > ? ORDER BY n.rowid LIMIT ${PAGE}`,
    );
    for (let last = 0; ;) {
      const rows = page.all(...this.params, maxRowid, last) as Array<
        AnnotationRow & { _rowid: number }
      >;
      if (!rows.length) return;
      yield rows;
      last = rows[rows.length - 1]._rowid;
    }
  }
}

function toArticleRecord(store: ArticleStore, row: ArticleRow): ArticleRecord {
  const a = store.hydrate(row);
  return {
    type: 'article',
    id: a.id,
    title: a.title,
    date: a.date,
    author: a.author,
    source: a.source,
    url: a.url,
    summary: a.summary,
    blocks: a.blocks,
    docNumber: a.docNumber,
    docType: a.docType,
    issuer: a.issuer,
    place: a.place,
    encoding: a.encoding,
    sourceId: a.sourceId,
    importedAt: a.importedAt,
    importedFrom: a.importedFrom,
    tags: a.tags,
    collections: a.collections,
    titleOrigin: a.titleOrigin ?? null,
    pageCount: a.pageCount ?? null,
    recognition: a.recognition ?? null,
    original: originalRecord(store, a.original?.sha256),
  };
}

/** The kept original file, base64, for the article's record (null when none is kept). */
function originalRecord(
  store: ArticleStore,
  sha256: string | undefined,
): ArticleRecord['original'] {
  const kept = sha256 ? store.originals.get(sha256) : null;
  if (!kept) return null;
  const { bytes, ...facts } = kept;
  return { ...facts, base64: bytes.toString('base64') };
}

/** The records of a bundle, as text lines, manifest first and end last. */
async function* bundleText(
  db: Db,
  store: ArticleStore,
  options: BundleExportOptions,
  onManifest: (manifest: BundleManifest) => void,
): AsyncGenerator<string> {
  const selection = new Selection(db, options);
  const maxRowid =
    (db.prepare('SELECT max(rowid) AS m FROM articles').get() as { m: number | null }).m ?? 0;
  const revisionsOf = db.prepare(
    'SELECT * FROM annotation_revisions WHERE annotation_id = ? ORDER BY updated, id',
  );

  // Pass 1: the manifest.
  const hashes: Record<string, string> = {};
  const tags = new Set<string>();
  const collections = new Set<string>();
  let articles = 0;
  for (const rows of selection.articles(maxRowid)) {
    for (const row of rows) {
      const record = toArticleRecord(store, row);
      hashes[record.id] = articleDigest(record);
      record.tags.forEach((t) => tags.add(t));
      record.collections.forEach((c) => collections.add(c));
      articles++;
    }
    await yieldToEventLoop();
  }
  if (!articles) throw new UserError('bundle.nothing-selected');
  let annotations = 0;
  let revisions = 0;
  for (const rows of selection.annotations(maxRowid)) {
    annotations += rows.length;
    for (const row of rows) revisions += revisionsOf.all(row.id).length;
  }
  const manifest: BundleManifest = {
    type: 'manifest',
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    created: new Date().toISOString(),
    machine: options.machine ?? os.hostname(),
    app: { name: packageJson.name, version: packageJson.version },
    selection: { collection: options.collection ?? null, since: options.since ?? null },
    counts: { articles, annotations, revisions, tags: tags.size, collections: collections.size },
    hashes,
  };
  onManifest(manifest);
  yield `${JSON.stringify(manifest)}\n`;

  // Pass 2: the records.
  let written = 0;
  for (const rows of selection.articles(maxRowid)) {
    const lines: string[] = [];
    for (const row of rows) {
      if (!(row.id in hashes)) continue; // selected since the manifest was made
      lines.push(JSON.stringify(toArticleRecord(store, row)));
      written++;
    }
    if (lines.length) yield `${lines.join('\n')}\n`;
  }
  let annotated = 0;
  for (const rows of selection.annotations(maxRowid)) {
    const lines = rows.map((row) =>
      JSON.stringify(toAnnotationRecord(row, revisionsOf.all(row.id) as RevisionRow[])),
    );
    annotated += rows.length;
    yield `${lines.join('\n')}\n`;
  }
  yield `${JSON.stringify({ type: 'end', articles: written, annotations: annotated })}\n`;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function bundleFilename(machine: string, selection: BundleSelection, now = new Date()) {
  const slug = (s: string) =>
    foldDiacritics(s)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
  const parts = ['archive', slug(machine), now.toISOString().slice(0, 10)];
  if (selection.collection) parts.push(slug(selection.collection));
  return `${parts.filter(Boolean).join('-')}${BUNDLE_EXTENSION}`;
}

function info(manifest: BundleManifest, bytes: number, filename: string): BundleExportInfo {
  const { hashes: _hashes, ...rest } = manifest;
  return { filename, manifest: rest, bytes };
}

/**
 * Write a bundle to a file: into a temporary file beside it, renamed into place once complete,
 * so a failed or interrupted export never leaves a half bundle under the chosen name.
 */
export async function exportBundleToFile(
  db: Db,
  store: ArticleStore,
  file: string,
  options: BundleExportOptions = {},
): Promise<BundleExportInfo> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let manifest: BundleManifest | null = null;
  try {
    await pipeline(
      Readable.from(
        bundleText(db, store, options, (m) => (manifest = m)),
        { objectMode: false },
      ),
      zlib.createGzip(),
      fs.createWriteStream(tmp),
    );
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    if (error instanceof UserError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError('bundle.write-failed', { file, reason });
  }
  return info(manifest!, fs.statSync(file).size, path.basename(file));
}

/** Make a bundle in memory (for a download), refusing one larger than `limit` bytes. */
export async function exportBundleToBytes(
  db: Db,
  store: ArticleStore,
  options: BundleExportOptions,
  limit: number,
): Promise<BundleExportInfo & { content: Buffer }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let manifest: BundleManifest | null = null;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) {
        const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
        return done(
          new UserError('bundle.too-large', { size: `> ${mb(limit)}`, limit: mb(limit) }),
        );
      }
      chunks.push(chunk);
      done();
    },
  });
  await pipeline(
    Readable.from(
      bundleText(db, store, options, (m) => (manifest = m)),
      { objectMode: false },
    ),
    zlib.createGzip(),
    sink,
  );
  const m = manifest! as BundleManifest;
  const filename = bundleFilename(m.machine, options);
  return { ...info(m, size, filename), content: Buffer.concat(chunks) };
}
