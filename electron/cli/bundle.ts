/**
 * `archive-reader bundle export FILE [--collection C] [--since DATE]` and
 * `archive-reader bundle import FILE`: archive bundles for passing an archive between offices
 * (format: electron/core/archive/bundle.ts, docs/bundle-format.md).
 */
import type { Command } from 'commander';
import type { BundleImportReport } from '../api/contract';
import type { Archive } from '../core/archive/archive';
import type { Locale } from '../core/messages';
import { parseDate } from './options';
import { progressReporter } from './progress';

export interface BundleCommandContext {
  withArchive<T>(fn: (archive: Archive) => Promise<T> | T, readOnly?: boolean): Promise<T>;
  locale: Locale;
  out(line: string): void;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function registerBundleCommands(program: Command, ctx: BundleCommandContext): void {
  const { withArchive, locale, out } = ctx;
  const en = locale === 'en';
  const bundle = program
    .command('bundle')
    .description('archive bundles: one file to carry articles and notes to another archive');

  bundle
    .command('export')
    .description('write a bundle of the archive, one collection, or what changed since a date')
    .argument('<file>')
    .option('--collection <name>', 'only this collection')
    .option('--since <date>', 'only articles imported or annotated since DATE', parseDate)
    .option('--json', 'print one JSON object')
    .action((file: string, opts: { collection?: string; since?: string; json?: boolean }) =>
      withArchive(async (archive) => {
        const result = await archive.exportBundle(
          { collection: opts.collection, since: opts.since },
          file,
        );
        if (opts.json) return out(JSON.stringify(result));
        const c = result.counts;
        out(
          en
            ? `Wrote ${file} (${mb(result.bytes)}): ${c.articles} articles, ${c.annotations} annotations, ${c.tags} tags, ${c.collections} collections.`
            : `Đã ghi ${file} (${mb(result.bytes)}): ${c.articles} bài, ${c.annotations} ghi chú, ${c.tags} thẻ, ${c.collections} bộ sưu tập.`,
        );
      }, true),
    );

  bundle
    .command('import')
    .description('merge a bundle into the archive: checked, without duplicates')
    .argument('<file>')
    .option('--json', 'print one JSON object')
    .action((file: string, opts: { json?: boolean }) =>
      withArchive(async (archive) => {
        const bar = progressReporter(!opts.json && process.stderr.isTTY === true);
        archive.events.on('importProgress', bar.update);
        // Ctrl-C stops at the next record, as in `import`: the batches written are kept.
        const interrupt = () => {
          if (archive.cancelImports() === 0) process.exit(130);
          process.once('SIGINT', () => process.exit(130));
        };
        process.once('SIGINT', interrupt);
        const report = await archive
          .importBundle({ path: file })
          .finally(() => (process.off('SIGINT', interrupt), bar.stop()));
        if (report.cancelled) process.exitCode = 130;
        if (opts.json) return out(JSON.stringify(report));
        for (const line of describeReport(report, locale)) out(line);
      }),
    );
}

/** A bundle import's report as lines for a terminal. */
export function describeReport(r: BundleImportReport, locale: Locale): string[] {
  const a = r.articles;
  const n = r.annotations;
  const cancelled =
    locale === 'en'
      ? 'Cancelled: what was written before then is kept; the rest was not imported.'
      : 'Đã hủy: những gì đã ghi trước lúc hủy được giữ lại, phần còn lại chưa nhập.';
  if (r.cancelled && !r.machine) return [cancelled];
  const lines =
    locale === 'en'
      ? [
          `Bundle from ${r.machine}, made ${r.created}.`,
          `Articles: ${a.added} added, ${a.present} already here, ${a.refused} refused.`,
          `Annotations: ${n.added} added, ${n.updated} updated, ${n.kept} kept as revisions, ${n.unchanged} unchanged${n.skipped ? `, ${n.skipped} skipped (article not here)` : ''}.`,
          `Tags added: ${r.tags}; collections added: ${r.collections}.`,
        ]
      : [
          `Gói từ máy ${r.machine}, tạo lúc ${r.created}.`,
          `Bài: ${a.added} bài mới, ${a.present} bài đã có, ${a.refused} bài bị từ chối.`,
          `Ghi chú: ${n.added} mới, ${n.updated} được cập nhật, ${n.kept} giữ làm bản cũ, ${n.unchanged} không đổi${n.skipped ? `, ${n.skipped} bỏ qua (không có bài)` : ''}.`,
          `Thẻ thêm: ${r.tags}; bộ sưu tập thêm: ${r.collections}.`,
        ];
  for (const refused of r.refused) lines.push(`  ✗ ${refused.reason}`);
  if (r.cancelled) lines.unshift(cancelled);
  return lines;
}
