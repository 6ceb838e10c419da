/**
 * `archive-reader backup [FILE]` and `archive-reader restore [FILE]`: a backup made now (into the
 * archive's `backups/` folder, or FILE), and the archive replaced by a backup (the newest, or
 * FILE) after checking it is sound. The replaced file is kept as `<archive>.before-restore`.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Command } from 'commander';
import { describeError, format, UserError } from '../core/errors';
import { messages, type Locale } from '../core/messages';
import type { ApiEvents, Envelope } from '../api/contract';
import type { WorkerHost } from '../api/worker-host';

export interface BackupCommandsContext {
  dbPath: () => string;
  locale: Locale;
  out: (line: string) => void;
}

export function registerBackupCommands(program: Command, context: BackupCommandsContext): void {
  const { locale, out } = context;
  program
    .command('backup')
    .description('back the archive up now (into backups/ beside it, seven kept), or to FILE')
    .argument('[file]', 'where to write the backup')
    .action(async (file: string | undefined) => {
      // The file as it is, whatever its schema: no migration, nothing written to it.
      const source = context.dbPath();
      if (!fs.existsSync(source)) throw new UserError('import.not-found', { path: source });
      const { backupArchive, translateOpenError, Sqlite } = await engineModules();
      let db: Database.Database;
      try {
        db = new Sqlite(source, { readonly: true, fileMustExist: true });
      } catch (error) {
        throw translateOpenError(error, source);
      }
      try {
        const made = await backupArchive(db, source, { destination: file });
        out(locale === 'en' ? `Backed up to ${made.path}` : `Đã sao lưu vào ${made.path}`);
      } catch (error) {
        throw translateOpenError(error, source);
      } finally {
        db.close();
      }
    });

  program
    .command('restore')
    .description('replace the archive with a backup (the newest automatic one, or FILE)')
    .argument('[file]', 'the backup to restore')
    .action(async (file: string | undefined) => {
      const target = context.dbPath();
      const { restoreBackup, Archive } = await engineModules();
      const { restored, keptAside } = restoreBackup(target, file);
      out(
        locale === 'en'
          ? `Restored ${target} from ${restored}.`
          : `Đã khôi phục ${target} từ ${restored}.`,
      );
      if (keptAside) {
        out(
          locale === 'en'
            ? `The replaced file is kept as ${keptAside}`
            : `Tệp bị thay được giữ lại ở ${keptAside}`,
        );
      }
      // The catalog is derived data: rebuilt now rather than at the next start.
      const archive = Archive.open(target, { locale });
      try {
        await archive.warmCatalog();
      } finally {
        archive.close();
      }
    });
}

/** What these commands need of the engine, loaded when one runs (not for `--help`). */
async function engineModules() {
  const [sqlite, { Archive }, { backupArchive, restoreBackup }, { translateOpenError }] =
    await Promise.all([
      import('better-sqlite3'),
      import('../core/archive/archive'),
      import('../core/store/backup'),
      import('../core/store/db'),
    ]);
  return { Sqlite: sqlite.default, Archive, backupArchive, restoreBackup, translateOpenError };
}

/** For a damaged archive with a backup: the command that restores it, as a second line. */
export function restoreHint(error: unknown, locale: Locale): string | null {
  if (!(error instanceof UserError) || error.code !== 'db.damaged-backup') return null;
  const { file, backup } = error.params;
  const command = `archive-reader --db ${quote(String(file))} restore ${quote(String(backup))}`;
  return format(messages[locale]['cli.restore-hint'], { backup, command });
}

function quote(value: string): string {
  return /^[\w./:@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** What `serve` needs of the engine: the worker, or a stand-in while the archive is damaged. */
export interface Engine {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  on<E extends keyof ApiEvents>(event: E, callback: (data: ApiEvents[E]) => void): () => void;
  close(): Promise<void>;
}

/**
 * Start the engine; when the archive turns out damaged and a backup exists, a local writable host
 * still serves the interface: every call answers with the damage sentence (the page shows it with
 * a button), and `restoreBackup` restores the newest backup and starts the engine on it.
 */
export async function startOrRecover(
  start: () => Promise<WorkerHost>,
  options: { file: string; locale: Locale; canRestore: boolean },
): Promise<Engine> {
  try {
    return await start();
  } catch (error) {
    if (!options.canRestore || (error as { code?: string }).code !== 'db.damaged-backup')
      throw error;
    process.stderr.write(`${(error as Error).message}\n`);
    const damaged: Envelope<never> = {
      ok: false,
      error: { code: 'db.damaged-backup', message: (error as Error).message },
    };
    const relay = new EventEmitter();
    let engine: WorkerHost | null = null;
    let restoring: Promise<Envelope<unknown>> | null = null;
    const restore = async (): Promise<Envelope<unknown>> => {
      try {
        const { restoreBackup } = await engineModules();
        const { restored } = restoreBackup(options.file);
        const started = await start();
        for (const event of ['importProgress', 'indexProgress'] as const)
          started.on(event, (data) => relay.emit(event, data));
        engine = started;
        return { ok: true, result: { restored } };
      } catch (restoreError) {
        const code = restoreError instanceof UserError ? restoreError.code : 'internal';
        return { ok: false, error: { code, message: describeError(restoreError, options.locale) } };
      }
    };
    return {
      async call(method, input) {
        if (engine) return engine.call(method, input);
        if (method !== 'restoreBackup') return damaged;
        restoring ??= restore().finally(() => (restoring = null)); // a second click waits for the first
        return restoring;
      },
      on(event, callback) {
        relay.on(event, callback);
        return () => void relay.off(event, callback);
      },
      close: () => engine?.close() ?? Promise.resolve(),
    };
  }
}
