/**
 * Importing a bundle (format: bundle.ts) in two passes over the file.
 *
 * 1. Check, writing nothing: the file decompresses to its end, every record is well formed, the
 *    end record and the manifest's counts match what is there, and each article's text hashes to
 *    the manifest's value. A damaged or cut file is refused here, whole, with one sentence; an
 *    article whose text does not match its hash is marked refused.
 * 2. Write, in batched transactions like any import (bundle-merge.ts has the SQL): new articles
 *    with their full-text rows, tags and collections added, annotations merged.
 */
import { createHash } from 'node:crypto';
import type { BundleImportReport, ImportProgress } from '../../api/contract';
import { UserError } from '../errors';
import type { Locale } from '../messages';
import { bumpCatalogGeneration } from '../search/catalog';
import type { ArticleStore } from '../store/articles';
import type { Db } from '../store/db';
import {
  readBundle,
  sourceName,
  type AnnotationRecord,
  type ArticleRecord,
  type BundleManifest,
  type BundleSource,
} from './bundle';
import { BundleMerge } from './bundle-merge';
import { articleDigest } from './ids';
// The same batches as any import: the same bound on how long one holds the engine's thread.
import { approximateChars, BATCH_ARTICLES, BATCH_CHARS, MAX_REPORTED_IDS } from './import';

const BATCH_ANNOTATIONS = 1000;
const MAX_REPORTED = 100;

export interface BundleImportContext {
  db: Db;
  articles: ArticleStore;
  locale: Locale;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborted: stop at the next record (the check writes nothing; the batch held is committed). */
  signal?: AbortSignal;
}

interface Checked {
  manifest: BundleManifest;
  /** Articles refused, by id, with the sentence that says why. */
  refused: Map<string, string>;
}

/** The reason an article cannot be taken from this bundle, or null when it can. */
function refusal(record: ArticleRecord, manifest: BundleManifest): UserError | null {
  const expected = manifest.hashes[record.id];
  const params = { id: record.id, title: record.title.slice(0, 120) };
  if (!expected) return new UserError('bundle.not-listed', params);
  const digest = articleDigest(record);
  if (digest !== expected || digest.slice(0, 16) !== record.id)
    return new UserError('bundle.hash-mismatch', params);
  const original = record.original;
  if (original) {
    const bytes = Buffer.from(original.base64, 'base64');
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== original.sha256 || bytes.length !== original.size)
      return new UserError('bundle.original-mismatch', { ...params, name: original.name });
  }
  return null;
}

async function check(
  source: BundleSource,
  locale: Locale,
  signal?: AbortSignal,
): Promise<Checked | null> {
  const file = sourceName(source);
  let manifest: BundleManifest | null = null;
  const refused = new Map<string, string>();
  const seen = new Set<string>();
  let articles = 0;
  let annotations = 0;
  for await (const item of readBundle(source)) {
    if (signal?.aborted) return null;
    if (item.kind === 'manifest') {
      manifest = item.manifest;
      const listed = Object.keys(manifest.hashes).length;
      if (listed !== manifest.counts.articles)
        throw mismatch(file, 'hashes', manifest.counts.articles, listed);
      continue;
    }
    const record = item.record;
    if (record.type === 'article') {
      articles++;
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      const reason = refusal(record, manifest!);
      if (reason) refused.set(record.id, reason.describe(locale));
    } else if (record.type === 'annotation') {
      annotations++;
    } else {
      if (record.articles !== articles) throw mismatch(file, 'end', record.articles, articles);
      if (record.annotations !== annotations)
        throw mismatch(file, 'end', record.annotations, annotations);
    }
  }
  const listed = Object.keys(manifest!.hashes);
  const present = listed.filter((id) => seen.has(id)).length;
  if (present !== listed.length) throw mismatch(file, 'articles', listed.length, present);
  return { manifest: manifest!, refused };
}

/** Cancelled while the bundle was still being checked: nothing was written. */
function cancelledBeforeWriting(file: string): BundleImportReport {
  return {
    file,
    machine: '',
    created: '',
    articles: { added: 0, present: 0, refused: 0 },
    annotations: { added: 0, updated: 0, kept: 0, unchanged: 0, skipped: 0 },
    revisions: 0,
    tags: 0,
    collections: 0,
    refused: [],
    articleIds: [],
    cancelled: true,
  };
}

function mismatch(file: string, what: string, expected: number, found: number): UserError {
  return new UserError('bundle.count-mismatch', { file, what, expected, found });
}

export async function importBundle(
  ctx: BundleImportContext,
  source: BundleSource,
): Promise<BundleImportReport> {
  const file = sourceName(source);
  const checked = await check(source, ctx.locale, ctx.signal);
  if (!checked) return cancelledBeforeWriting(file);
  const { manifest, refused } = checked;
  const merge = new BundleMerge(ctx.db, ctx.articles, manifest.machine, file);
  const importedAt = new Date().toISOString();
  const report: BundleImportReport = {
    file,
    machine: manifest.machine,
    created: manifest.created,
    articles: { added: 0, present: 0, refused: refused.size },
    annotations: { added: 0, updated: 0, kept: 0, unchanged: 0, skipped: 0 },
    revisions: 0,
    tags: 0,
    collections: 0,
    refused: [...refused].slice(0, MAX_REPORTED).map(([id, reason]) => ({ id, reason })),
    articleIds: [],
  };
  const progress: ImportProgress = {
    files: 1,
    filesDone: 0,
    imported: 0,
    duplicates: 0,
    failed: refused.size,
    current: file,
  };
  const done = new Set<string>();

  const writeArticles = ctx.db.transaction((batch: ArticleRecord[]) => {
    const before = { ...merge.counts };
    for (const record of batch) {
      if (refused.has(record.id) || done.has(record.id)) continue;
      const late = refusal(record, manifest); // the file changed since it was checked
      if (late) {
        refused.set(record.id, late.describe(ctx.locale));
        report.articles.refused++;
        continue;
      }
      done.add(record.id);
      let rowid = merge.insertArticle(record, importedAt);
      if (rowid === null) {
        report.articles.present++;
        rowid = merge.rowidOf(record.id)!;
      } else {
        report.articles.added++;
        if (report.articleIds.length < MAX_REPORTED_IDS) report.articleIds.push(record.id);
      }
      merge.addNames(rowid, record);
    }
    if (merge.counts.tags !== before.tags || merge.counts.collections !== before.collections)
      bumpCatalogGeneration(ctx.db);
  });

  const writeAnnotations = ctx.db.transaction((batch: AnnotationRecord[]) => {
    let changed = false;
    for (const record of batch) {
      if (refused.has(record.articleId) || merge.rowidOf(record.articleId) === null) {
        report.annotations.skipped++;
        continue;
      }
      const outcome = merge.mergeAnnotation(record);
      report.annotations[outcome]++;
      if (outcome === 'added' || outcome === 'updated') changed = true;
    }
    if (changed) bumpCatalogGeneration(ctx.db);
  });

  let articles: ArticleRecord[] = [];
  let chars = 0;
  let annotations: AnnotationRecord[] = [];
  const flush = () => {
    if (articles.length) writeArticles(articles);
    if (annotations.length) writeAnnotations(annotations);
    articles = [];
    annotations = [];
    chars = 0;
    progress.imported = report.articles.added;
    progress.duplicates = report.articles.present;
    progress.failed = report.articles.refused;
    ctx.onProgress?.({ ...progress });
  };
  for await (const item of readBundle(source)) {
    if (ctx.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    if (item.kind !== 'record') continue;
    const record = item.record;
    if (record.type === 'article') {
      articles.push(record);
      // A carried original file counts too: a few large PDFs make a batch.
      chars += approximateChars(record) + (record.original?.base64.length ?? 0);
      if (articles.length >= BATCH_ARTICLES || chars >= BATCH_CHARS) flush();
    } else if (record.type === 'annotation') {
      if (articles.length) flush(); // an annotation's article is written before it
      annotations.push(record);
      if (annotations.length >= BATCH_ANNOTATIONS) flush();
    }
  }
  flush();
  report.revisions = merge.counts.revisions;
  report.tags = merge.counts.tags;
  report.collections = merge.counts.collections;
  report.refused = [...refused].slice(0, MAX_REPORTED).map(([id, reason]) => ({ id, reason }));
  progress.filesDone = 1;
  progress.current = null;
  ctx.onProgress?.({ ...progress });
  return report;
}
