/**
 * What the inbox does with one complete file: a bundle is merged (bundle-import.ts), anything else
 * goes through the ordinary importers. A file from which nothing at all could be taken fails.
 */
import type { BundleImportReport, ImportSummary } from '../../api/contract';
import { UserError } from '../errors';
import type { Locale } from '../messages';
import type { BundleSource } from './bundle';

export interface InboxImporter {
  importBundle(source: BundleSource): Promise<BundleImportReport>;
  importPaths(paths: string[]): Promise<ImportSummary>;
}

const SAID = {
  vi: {
    bundle: (r: BundleImportReport) =>
      `Gói từ ${r.machine}: ${r.articles.added} bài mới, ${r.articles.present} bài đã có, ${r.articles.refused} bài bị từ chối; ${r.annotations.added + r.annotations.updated} ghi chú mới hoặc cập nhật.`,
    files: (s: ImportSummary) =>
      `${s.imported} bài mới, ${s.duplicates} bài đã có, ${s.failed.length} lỗi.`,
  },
  en: {
    bundle: (r: BundleImportReport) =>
      `Bundle from ${r.machine}: ${r.articles.added} new articles, ${r.articles.present} already here, ${r.articles.refused} refused; ${r.annotations.added + r.annotations.updated} annotations new or updated.`,
    files: (s: ImportSummary) =>
      `${s.imported} new articles, ${s.duplicates} already here, ${s.failed.length} failed.`,
  },
};

export function inboxHandler(archive: InboxImporter, locale: Locale) {
  return async (file: string): Promise<string> => {
    // Loaded on the first file (its validation library is not needed to open an archive).
    const { looksLikeBundle } = await import('./bundle');
    if (await looksLikeBundle(file))
      return SAID[locale].bundle(await archive.importBundle({ path: file }));
    const summary = await archive.importPaths([file]);
    // Cancelled part-way: the file goes to failed/ saying so (a re-import adds only the rest).
    if (summary.cancelled) throw new UserError('inbox.cancelled', { imported: summary.imported });
    if (!summary.imported && !summary.duplicates && summary.failed.length)
      throw new UserError('inbox.nothing-imported', { reason: summary.failed[0].error });
    return SAID[locale].files(summary);
  };
}
