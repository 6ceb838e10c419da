/**
 * The annotation commands of `archive-reader`: annotate, list (orphans too), re-attach, export in
 * open formats, and `import annotations FILE` for W3C Web Annotations.
 */
import fs from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import type { AnnotationImportReport } from '../api/contract';
import type { Archive } from '../core/archive/archive';
import { UserError } from '../core/errors';
import type { Locale } from '../core/messages';

export interface CliContext {
  locale: Locale;
  out(line: string): void;
  json(value: unknown): void;
  withArchive<T>(fn: (archive: Archive) => Promise<T> | T, readOnly?: boolean): Promise<T>;
}

const COLORS = ['yellow', 'green', 'blue', 'pink'];

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError('cli.missing-file', { file });
  }
}

function writeText(file: string, content: string): void {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError('cli.cannot-write', { file, reason });
  }
}

function summary(r: AnnotationImportReport, locale: Locale): string {
  return locale === 'en'
    ? `Annotations: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.orphaned} orphaned (not attached), ${r.skipped} skipped (article not in this archive), ${r.failed.length} failed.`
    : `Chú thích: thêm ${r.added}, cập nhật ${r.updated}, không đổi ${r.unchanged}, ${r.orphaned} chưa gắn được, bỏ qua ${r.skipped} (bài không có trong kho), lỗi ${r.failed.length}.`;
}

export function registerAnnotationCommands(program: Command, cli: CliContext): void {
  const { locale, out, json, withArchive } = cli;
  const orphanMark = locale === 'en' ? '⚠ orphaned' : '⚠ chưa gắn được';

  program
    .command('annotate')
    .description('highlight a passage of an article, with an optional note')
    .argument('<id>')
    .requiredOption('--quote <text>', 'the exact passage')
    .option('--note <text>')
    .addOption(new Option('--color <color>').choices(COLORS).default('yellow'))
    .option('--json')
    .action((id: string, opts) =>
      withArchive((archive) => {
        const a = archive.annotate({
          articleId: id,
          kind: opts.note ? 'note' : 'highlight',
          color: opts.color,
          note: opts.note ?? null,
          selector: { exact: opts.quote },
        });
        if (opts.json) return json(a);
        out(`${a.id}  [${a.selector!.start}–${a.selector!.end}] “${a.selector!.exact}”`);
      }),
    );

  program
    .command('annotations')
    .description('list annotations, of one article or all (--orphaned: those not attached)')
    .argument('[id]')
    .option('--orphaned', 'only imported annotations whose passage was not found')
    .option('--json')
    .action((id: string | undefined, opts: { json?: boolean; orphaned?: boolean }) =>
      withArchive((archive) => {
        const { items } = archive.listAnnotations({
          articleId: id,
          orphaned: opts.orphaned ? true : undefined,
          limit: Number.MAX_SAFE_INTEGER,
        });
        if (opts.json) return items.forEach((i) => json(i));
        for (const a of items) {
          out(`${a.id}  ${a.articleTitle}${a.orphaned ? `  ${orphanMark}` : ''}`);
          if (a.selector) out(`  “${a.selector.exact}”`);
          if (a.note) out(`  ✎ ${a.note}`);
        }
      }, true),
    );

  program
    .command('reattach')
    .description('attach an annotation (an orphan) to a passage of its article')
    .argument('<annotation-id>')
    .requiredOption('--quote <text>', 'the passage to attach it to')
    .option('--json')
    .action((id: string, opts: { quote: string; json?: boolean }) =>
      withArchive((archive) => {
        const a = archive.annotations.reattach(id, { exact: opts.quote });
        if (opts.json) return json(a);
        out(`${a.id}  [${a.selector!.start}–${a.selector!.end}] “${a.selector!.exact}”`);
      }),
    );

  program
    .command('export')
    .description('export annotations: W3C Web Annotation JSON-LD, Markdown or CSV')
    .addArgument(new Argument('<what>').choices(['annotations']))
    .addOption(
      new Option('--format <format>', 'json is the earlier name of w3c')
        .choices(['w3c', 'json', 'markdown', 'csv'])
        .default('markdown'),
    )
    .option('--article <id>', 'only this article')
    .option('--collection <name>', 'only the articles of this collection')
    .option('--out <file>', 'write to FILE instead of the standard output')
    .action((_what: string, opts) =>
      withArchive((archive) => {
        const file = archive.exportAnnotations(opts.format, {
          articleId: opts.article,
          collection: opts.collection,
        });
        if (opts.out) writeText(opts.out, file.content);
        else process.stdout.write(file.content);
      }, true),
    );

  // `import annotations FILE` is a subcommand of the article import (defined before this runs):
  // commander takes it when the first operand is `annotations` (a file of that name: ./annotations).
  const importCommand = program.commands.find((c) => c.name() === 'import');
  if (!importCommand) throw new Error('register the import command before the annotation ones');
  importCommand
    .command('annotations')
    .description('import W3C Web Annotations (as exported with --format w3c)')
    .argument('<file>')
    .option('--json', 'print one JSON object')
    .action((file: string, opts: { json?: boolean }) =>
      withArchive(async (archive) => {
        const report = await archive.importAnnotations(readText(file));
        if (opts.json || importCommand.opts<{ json?: boolean }>().json) return json(report);
        out(summary(report, locale));
        if (report.skippedArticles.length) {
          out(
            `  ${locale === 'en' ? 'articles not in this archive' : 'bài không có trong kho'}: ${report.skippedArticles.join(', ')}`,
          );
        }
        for (const f of report.failed) out(`  ✗ ${f.id ?? ''}: ${f.error}`);
      }),
    );
}
