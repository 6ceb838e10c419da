/**
 * `archive-reader [--db FILE] COMMAND`: the archive engine for archivists and scripts.
 * Errors: exit status 1 and one sentence on stderr, in the terminal's language.
 */
import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Archive } from '../core/archive/archive';
import { defaultArchivePath, RENDERER_DIR, SAMPLE_ARCHIVE } from '../core/archive/locations';
import { describeError, format, localeFromEnv, UserError } from '../core/errors';
import { messages } from '../core/messages';
import type { Block, SearchRequest } from '../core/model';
import { blockText } from '../core/archive/layout';
import type { InboxState } from '../api/contract';
import { ensureArchive } from '../api/first-run';
import { registerAnnotationCommands } from './annotations';
import { registerBundleCommands } from './bundle';
import { registerBackupCommands, restoreHint, startOrRecover } from './backup';
import { parseCount, parseDate, parseDay } from './options';
import { progressReporter } from './progress';
import { boundHeapGrowth } from '../core/util/heap';
import { drained, endQuietlyOnClosedOutput, OutputClosed, writeLine } from './closed-output';

boundHeapGrowth();
endQuietlyOnClosedOutput();

const locale = localeFromEnv();
const out = (line: string): void => writeLine(line);
const json = (value: unknown): void => out(JSON.stringify(value));

const program = new Command()
  .name('archive-reader')
  .description(
    'Kho lưu trữ bài báo và văn bản ngoại tuyến / Offline archive of articles and documents',
  )
  .option('--db <file>', 'archive file (default: the desktop app’s archive, or ARCHIVE_READER_DB)')
  .showHelpAfterError()
  .exitOverride();

function dbPath(): string {
  return program.opts<{ db?: string }>().db ?? defaultArchivePath();
}

// The engine, the worker host and the browser host are imported by the commands that use them, so
// `--help` and a mistyped option load none of them (see scripts/build-runtime.mjs).
async function withArchive<T>(
  fn: (archive: Archive) => Promise<T> | T,
  readOnly = false,
): Promise<T> {
  const { Archive } = await import('../core/archive/archive');
  const archive = Archive.open(dbPath(), { readOnly, locale });
  return Promise.resolve()
    .then(() => fn(archive))
    .finally(() => archive.close());
}

/** A block as the terminal shows it: headings in capitals, a figure in brackets, a table's cells by tabs. */
function plainBlock(b: Block): string {
  if (b.type === 'figure') return `[${b.caption}${b.credit ? ` — Ảnh: ${b.credit}` : ''}]`;
  if (b.type === 'footnote') return `[${b.label}] ${b.text}`;
  if (b.type === 'li') return `${'  '.repeat(b.depth)}${b.text}`;
  return blockText(b);
}

program
  .command('import')
  .description('import files and folders (text, HTML, JSON Lines, JSON, .gz)')
  .argument('<paths...>')
  .option('--json', 'print one JSON object')
  .action((paths: string[], opts: { json?: boolean }) =>
    withArchive(async (archive) => {
      const bar = progressReporter(!opts.json && process.stderr.isTTY === true);
      archive.events.on('importProgress', bar.update);
      // Ctrl-C stops at the next article: what was read is committed, every batch before it
      // kept. A second Ctrl-C ends at once; the transaction in flight rolls back with the process.
      const interrupt = () => {
        if (archive.cancelImports() === 0) process.exit(130);
        process.once('SIGINT', () => process.exit(130));
      };
      process.once('SIGINT', interrupt);
      const summary = await archive
        .importPaths(paths)
        .finally(() => (process.off('SIGINT', interrupt), bar.stop()));
      if (summary.cancelled) process.exitCode = 130;
      if (opts.json) {
        json({
          imported: summary.imported,
          duplicates: summary.duplicates,
          failed: summary.failed,
          ...(summary.cancelled && { cancelled: true }),
        });
      } else if (summary.cancelled) {
        out(
          format(messages[locale]['import.cancelled-summary'], {
            imported: summary.imported,
            duplicates: summary.duplicates,
            failed: summary.failed.length,
          }),
        );
        for (const f of summary.failed) out(`  ✗ ${f.path}: ${f.error}`);
      } else {
        out(
          locale === 'en'
            ? `Imported ${summary.imported}, duplicates ${summary.duplicates}, failed ${summary.failed.length}.`
            : `Đã nhập ${summary.imported} bài, ${summary.duplicates} bài trùng, ${summary.failed.length} lỗi.`,
        );
        for (const f of summary.failed) out(`  ✗ ${f.path}: ${f.error}`);
      }
    }),
  );

program
  .command('search')
  .description('search the archive')
  .argument('[query]')
  .option('--limit <n>', 'hits to show', parseCount('--limit'), 10)
  .option('--offset <n>', 'hits to skip', parseCount('--offset'), 0)
  .option('--from <date>', 'from date (YYYY-MM-DD or DD/MM/YYYY)', parseDate)
  .option('--to <date>', 'to date', parseDate)
  .option('--type <type>', 'document type (Luật, Nghị định, …)')
  .option('--issuer <issuer>', 'issuing body (Quốc hội, Bộ Tài chính, …)')
  .option('--source <source>', 'source')
  .option('--tag <tag>', 'tag')
  .option('--collection <name>', 'collection')
  .option(
    '--in-force <date>',
    'official documents in force on that day, as far as the archive knows',
    parseDay,
  )
  .addOption(
    new Option('--sort <order>', 'order').choices(['relevance', 'date']).default('relevance'),
  )
  .option('--queries <file>', 'run one query per line of FILE')
  .option('--json', 'JSON output, one object a line')
  .action((query: string | undefined, opts) =>
    withArchive(async (archive) => {
      const base: Omit<SearchRequest, 'query'> = {
        limit: Math.min(500, Math.max(1, opts.limit)),
        offset: opts.offset,
        from: opts.from,
        to: opts.to,
        type: opts.type,
        issuer: opts.issuer,
        source: opts.source,
        tag: opts.tag,
        collection: opts.collection,
        inForce: opts.inForce,
        sort: opts.sort,
      };
      if (opts.queries) {
        let lines: string[];
        try {
          lines = fs
            .readFileSync(opts.queries, 'utf8')
            .split(/\r?\n/)
            .filter((l) => l.trim());
        } catch {
          throw new UserError('cli.missing-file', { file: opts.queries });
        }
        for (const q of lines) {
          const result = archive.search({ ...base, query: q });
          json({
            query: q,
            hits: result.hits.map((h) => ({
              id: h.id,
              sourceId: h.sourceId,
              title: h.title,
              score: h.score,
            })),
          });
          await drained(); // `| head` closes early: stop searching then
        }
        return;
      }
      const request = { ...base, query: query ?? '' };
      const result = archive.search(request);
      if (opts.json) {
        for (const h of result.hits) {
          json({
            id: h.id,
            sourceId: h.sourceId,
            title: h.title,
            date: h.date,
            source: h.source,
            score: h.score,
            snippet: h.snippet,
            ...(h.section ? { section: { label: h.section.label, anchor: h.section.anchor } } : {}),
          });
        }
        return;
      }
      // A citation query ("Điều 12 Luật Cư trú") names a place: it comes first, as in the app.
      const goto = archive.citationGoto(request);
      if (goto) {
        out(
          locale === 'en'
            ? `→ Open ${goto.label}: ${goto.articleId}#${goto.anchor}\n`
            : `→ Mở ${goto.label}: ${goto.articleId}#${goto.anchor}\n`,
        );
      }
      out(
        locale === 'en'
          ? `${result.totalCapped ? 'more than ' : ''}${result.total} results (${result.tookMs} ms)`
          : `${result.totalCapped ? 'hơn ' : ''}${result.total} kết quả (${result.tookMs} ms)`,
      );
      for (const h of result.hits) {
        // A hit inside a law names its Điều (and khoản) and the reader's anchor for it.
        const place = h.section ? `  › ${h.section.label} (#${h.section.anchor})` : '';
        out(`\n${h.id}  ${h.title}${place}`);
        out(`  ${[h.date, h.source, h.docNumber].filter(Boolean).join(' · ')}`);
        out(`  ${plain(h.snippet)}`);
      }
    }, true),
  );

/** A snippet on a terminal: matches in bold, entities decoded. */
function plain(snippet: string): string {
  const bold = process.stdout.isTTY ? ['\x1b[1m', '\x1b[22m'] : ['', ''];
  return snippet
    .replace(/<mark>/g, bold[0])
    .replace(/<\/mark>/g, bold[1])
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

program
  .command('show')
  .description('show an article with all its fields')
  .argument('<id>')
  .option('--json')
  .action((id: string, opts: { json?: boolean }) =>
    withArchive((archive) => {
      const view = archive.view(id);
      if (opts.json) return json({ ...view.article, annotations: view.annotations });
      const a = view.article;
      out(a.title);
      out(
        [a.date, a.author, a.source, a.docNumber, a.docType, a.issuer, a.place]
          .filter(Boolean)
          .join(' · '),
      );
      if (a.url) out(a.url);
      if (a.summary) out(`\n${a.summary}`);
      for (const b of a.blocks) out(`\n${plainBlock(b)}`);
      if (a.tags.length) out(`\n#${a.tags.join(' #')}`);
    }, true),
  );

program
  .command('list')
  .description('list articles, newest first')
  .option('--limit <n>', 'how many', parseCount('--limit'), 50)
  .option('--offset <n>', 'skip', parseCount('--offset'), 0)
  .option('--type <type>')
  .option('--json')
  .action((opts) =>
    withArchive((archive) => {
      const { total, items } = archive.list({
        limit: Math.max(1, opts.limit),
        offset: opts.offset,
        type: opts.type,
      });
      if (opts.json) return items.forEach((i) => json(i));
      out(locale === 'en' ? `${total} articles` : `${total} bài`);
      for (const i of items) out(`${i.id}  ${i.date ?? '          '}  ${i.title}`);
    }, true),
  );

program
  .command('stats')
  .description('counts, sizes and index state')
  .option('--json')
  .action((opts: { json?: boolean }) =>
    withArchive((archive) => {
      const s = archive.stats();
      if (opts.json) return json(s);
      out(
        `${s.path}\n  bài viết / articles: ${s.articles}\n  ghi chú / annotations: ${s.annotations}`,
      );
      out(
        `  dung lượng / size: ${(s.databaseBytes / 1e6).toFixed(1)} MB, lược đồ / schema ${s.schemaVersion}`,
      );
    }, true),
  );

registerAnnotationCommands(program, { locale, out, json, withArchive });
registerBundleCommands(program, { locale, out, withArchive });
registerBackupCommands(program, { dbPath, locale, out });

program
  .command('reindex')
  .description('rebuild derived search data from the articles')
  .action(() =>
    withArchive((archive) => {
      const n = archive.reindex();
      out(locale === 'en' ? `Reindexed ${n} articles.` : `Đã lập lại chỉ mục cho ${n} bài.`);
    }),
  );

program
  .command('serve')
  .description('serve the app to a browser on this machine')
  .option('--port <n>', 'port', parseCount('--port'), 5178)
  .option('--host <address>', 'address to bind', '127.0.0.1')
  .option('--read-only', 'refuse changes')
  .option('--writable', 'allow changes when bound to a non-local address')
  .option('--no-sample', 'start from an empty archive instead of the bundled sample')
  .option('--inbox <dir>', 'import bundles and articles dropped into DIR (this run only)')
  .action(async (opts) => {
    const [
      { WorkerHost },
      { poolDispatch, readDelay, readerCount, ReadPool },
      { isLoopback, startWebHost },
    ] = await Promise.all([
      import('../api/worker-host'),
      import('../api/read-pool'),
      import('../web/server'),
    ]);
    const file = dbPath();
    const { created } = opts.sample ? ensureArchive(file, SAMPLE_ARCHIVE) : { created: false };
    const remote = !isLoopback(opts.host);
    // The engine runs in a worker thread, so a large import or a catalog build never stalls the
    // server's own event loop; every call still passes the same dispatch guard there.
    const readOnly = Boolean(opts.readOnly || (remote && !opts.writable));
    const readers = readerCount(); // a wrong ARCHIVE_READER_READERS is said before anything starts
    // A damaged archive with a backup: the page says so and offers to restore it (cli/backup.ts).
    const engine = await startOrRecover(
      () => WorkerHost.start({ dbPath: file, locale, remote, readOnly, inbox: opts.inbox }),
      { file, locale, canRestore: !remote && !readOnly },
    );
    // Reads (search, articles, type-ahead) on threads of their own, so an office searches at once.
    // (Not while a damaged archive waits to be restored: the page offers only that then.)
    const pool =
      readers && engine instanceof WorkerHost
        ? await ReadPool.start({
            dbPath: file,
            locale,
            remote,
            size: readers,
            delayMs: readDelay(),
          }).catch((error) => {
            console.error(describeError(error, locale)); // served by the one engine thread instead
            return null;
          })
        : null;
    if (!fs.existsSync(RENDERER_DIR)) {
      console.error(
        locale === 'en'
          ? 'The interface is not built yet: run `npm run build:renderer` first (npm run serve does it for you).'
          : 'Giao diện chưa được dựng: hãy chạy `npm run build:renderer` trước (npm run serve tự làm việc này).',
      );
    }
    const host = await startWebHost({
      dispatch:
        engine instanceof WorkerHost
          ? poolDispatch(engine, pool)
          : (method, input) => engine.call(method, input),
      subscribe: (event, listener) => engine.on(event, listener),
      load: () => ({ pool: pool?.load ?? null }),
      staticDir: RENDERER_DIR,
      host: opts.host,
      port: opts.port,
      locale,
    });
    if (created) {
      out(
        locale === 'en'
          ? `New archive from the sample: ${file}`
          : `Đã tạo kho mới từ kho mẫu: ${file}`,
      );
    }
    out(locale === 'en' ? `Archive: ${file}` : `Kho lưu trữ: ${file}`);
    const threads = pool?.size ?? 0;
    out(
      locale === 'en'
        ? `Search threads: ${threads} beside the writer (ARCHIVE_READER_READERS)`
        : `Luồng tìm kiếm: ${threads} bên cạnh luồng ghi (ARCHIVE_READER_READERS)`,
    );
    if (opts.inbox) {
      const inbox = await engine.call('getInbox', {});
      const state = inbox.ok ? (inbox.result as InboxState) : null;
      if (state?.error) console.error(state.error);
      else if (state) out(locale === 'en' ? `Inbox: ${state.dir}` : `Thư mục nhận: ${state.dir}`);
    }
    out(
      locale === 'en'
        ? `Open ${host.url} in a browser (Ctrl+C to stop).`
        : `Mở ${host.url} trong trình duyệt (Ctrl+C để dừng).`,
    );
    const stop = () =>
      void host
        .close()
        .then(() => pool?.close())
        .then(() => engine.close())
        .then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof OutputClosed) {
    process.exitCode = 0; // the reader has what it wanted (`| head`)
  } else {
    process.stderr.write(`${describeError(error, locale)}\n`);
    const hint = restoreHint(error, locale); // a damaged archive: the command that restores it
    if (hint) process.stderr.write(`${hint}\n`);
    if (!(error instanceof UserError) && process.env.ARCHIVE_READER_DEBUG) console.error(error);
    process.exitCode = 1;
  }
}
