/**
 * The inbox: a folder watched by a long-running host (desktop app, browser host), off by default.
 * Bundles and article files dropped into it — copied from a USB stick, or delivered by a sync tool
 * such as Syncthing — are imported once complete, then moved to `done/`; a file that cannot be
 * imported goes to `failed/` with a `NAME.reason.txt` beside it that says why, in one sentence.
 *
 * "Complete": sync tools write under a temporary name and rename at the end (Syncthing's
 * `.syncthing.NAME.tmp`, `~` backups, browsers' `.part`/`.crdownload`); such names are never
 * touched. A plain copy writes the final name while it grows, so a file is taken only once its
 * size and modification time have stayed the same for a settling time. fs.watch says when to
 * look; a periodic rescan covers the file systems where it says nothing (network shares, some
 * USB and FUSE mounts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InboxState } from '../../api/contract';
import { UserError, describeError } from '../errors';
import type { Locale } from '../messages';
import type { Db } from '../store/db';

export const DONE_DIR = 'done';
export const FAILED_DIR = 'failed';
const SETTING = 'inbox_dir';
const RECENT = 20;

/** Names a sync tool, a browser or an editor uses while a file is still being written. */
export function isTemporaryName(name: string): boolean {
  return (
    name.startsWith('.') || // .syncthing.*.tmp, .~lock, dot files
    name.startsWith('~') || // ~$office.docx, ~syncthing~ files
    name.endsWith('~') ||
    /\.(tmp|temp|part|partial|crdownload|download|swp|!sync|filepart)$/i.test(name) ||
    /-(wal|shm|journal)$/.test(name) || // SQLite's files beside a database being written
    /^(thumbs\.db|desktop\.ini)$/i.test(name)
  );
}

export interface InboxResult {
  name: string;
  ok: boolean;
  /** What was imported, or why nothing was. */
  message: string;
  at: string;
}

export interface InboxWatcherOptions {
  dir: string;
  /** Imports one complete file and returns a line saying what it added; throws to fail it. */
  handle: (file: string) => Promise<string>;
  locale?: Locale;
  /** How long a file's size and time must stay unchanged before it is taken (ms). */
  settleMs?: number;
  /** How often the folder is listed whatever fs.watch says (ms). */
  rescanMs?: number;
  onResult?: (result: InboxResult) => void;
}

/** Files still being written may be locked (Windows): try again later rather than fail them. */
const isBusy = (error: unknown) =>
  ['EBUSY', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException)?.code ?? '');

export class InboxWatcher {
  private readonly pending = new Map<string, { key: string; since: number }>();
  /** Files handled whose move failed: not taken again until they change. */
  private readonly handled = new Map<string, string>();
  private readonly queue: string[] = [];
  private watcher: fs.FSWatcher | null = null;
  private readonly rescanTimer: NodeJS.Timeout;
  private settleTimer: NodeJS.Timeout | null = null;
  private busy = false;
  private closed = false;
  private readonly settleMs: number;

  private constructor(private readonly options: InboxWatcherOptions) {
    this.settleMs = options.settleMs ?? 2000;
    this.rescanTimer = setInterval(() => this.rescan(), options.rescanMs ?? 10_000);
    this.rescanTimer.unref();
    try {
      this.watcher = fs.watch(options.dir, (_event, name) => {
        if (name) this.observe(name.toString());
      });
      // A watch that fails later (folder removed, too many watches) leaves the rescan to do it.
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      this.watcher = null;
    }
    this.rescan();
  }

  /** Starts watching; a folder that is missing or not a folder is a UserError. */
  static start(options: InboxWatcherOptions): InboxWatcher {
    const dir = path.resolve(options.dir);
    if (!isFolder(dir)) throw new UserError('inbox.not-folder', { dir });
    fs.mkdirSync(path.join(dir, DONE_DIR), { recursive: true });
    fs.mkdirSync(path.join(dir, FAILED_DIR), { recursive: true });
    return new InboxWatcher({ ...options, dir });
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Stops watching. A file being imported now is left where it is, to be taken next time. */
  close(): void {
    this.closed = true;
    this.watcher?.close();
    clearInterval(this.rescanTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
  }

  private rescan(): void {
    if (this.closed) return;
    let names: string[];
    try {
      names = fs.readdirSync(this.options.dir);
    } catch {
      return; // the folder is gone for now (unplugged drive): look again at the next rescan
    }
    for (const name of names) this.observe(name);
    for (const name of this.pending.keys()) if (!names.includes(name)) this.pending.delete(name);
  }

  private observe(name: string): void {
    if (this.closed || isTemporaryName(name) || this.queue.includes(name)) return;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.join(this.options.dir, name));
    } catch {
      this.pending.delete(name);
      return;
    }
    if (!stat.isFile()) return;
    const key = `${stat.size}:${stat.mtimeMs}`;
    if (this.handled.get(name) === key) return;
    const now = Date.now();
    const seen = this.pending.get(name);
    if (!seen || seen.key !== key) {
      this.pending.set(name, { key, since: now });
    } else if (now - seen.since >= this.settleMs) {
      this.pending.delete(name);
      this.queue.push(name);
      void this.drain();
      return;
    }
    this.scheduleSettle();
  }

  private scheduleSettle(): void {
    if (this.settleTimer || this.closed) return;
    this.settleTimer = setTimeout(
      () => {
        this.settleTimer = null;
        for (const name of [...this.pending.keys()]) this.observe(name);
      },
      Math.max(50, this.settleMs / 2),
    );
    this.settleTimer.unref();
  }

  /** One file at a time, in the order they became complete. */
  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length && !this.closed) {
        const name = this.queue.shift()!;
        const file = path.join(this.options.dir, name);
        if (!fs.existsSync(file)) continue;
        let message: string;
        let ok: boolean;
        try {
          message = await this.options.handle(file);
          ok = true;
        } catch (error) {
          if (this.closed) break;
          if (isBusy(error)) continue; // seen again at the next rescan, once unlocked
          message = describeError(error, this.options.locale);
          ok = false;
        }
        if (this.closed) break;
        this.settle(name, file, ok, message);
      }
    } finally {
      this.busy = false;
    }
  }

  private settle(name: string, file: string, ok: boolean, message: string): void {
    const folder = path.join(this.options.dir, ok ? DONE_DIR : FAILED_DIR);
    try {
      fs.mkdirSync(folder, { recursive: true });
      const target = freeName(folder, name);
      fs.renameSync(file, target);
      if (!ok) fs.writeFileSync(`${target}.reason.txt`, `${message}\n`);
    } catch {
      try {
        const stat = fs.statSync(file);
        this.handled.set(name, `${stat.size}:${stat.mtimeMs}`);
      } catch {
        // gone meanwhile: nothing to remember
      }
    }
    this.options.onResult?.({ name, ok, message, at: new Date().toISOString() });
  }
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** `name`, or `name (2)`, `name (3)`… when a file of that name is already in the folder. */
function freeName(folder: string, name: string): string {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  let candidate = path.join(folder, name);
  for (let n = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.reason.txt`); n++)
    candidate = path.join(folder, `${base} (${n})${ext}`);
  return candidate;
}

/**
 * The inbox of one archive: its folder is a setting kept in the archive (so the desktop app and
 * the browser host find it at their next start), watched only by hosts that call `start`.
 */
export class Inbox {
  private watcher: InboxWatcher | null = null;
  private started = false;
  private override: string | null = null;
  private error: string | null = null;
  private readonly recent: InboxResult[] = [];

  constructor(
    private readonly db: Db,
    private readonly handle: (file: string) => Promise<string>,
    private readonly locale: Locale,
    /** The archive's own file: its folder is never an inbox (the archive would be "imported"). */
    private readonly archiveFile: string,
    private readonly timing: { settleMs?: number; rescanMs?: number } = {},
  ) {}

  private check(dir: string): string {
    const resolved = path.resolve(dir);
    if (!isFolder(resolved)) throw new UserError('inbox.not-folder', { dir: resolved });
    if (
      this.archiveFile !== ':memory:' &&
      path.dirname(path.resolve(this.archiveFile)) === resolved
    )
      throw new UserError('inbox.archive-folder', { dir: resolved });
    return resolved;
  }

  /** The folder set in the archive, or null (off). */
  setting(): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(SETTING) as
      { value: string } | undefined;
    return row?.value || null;
  }

  /** Long-running hosts: watch the folder given (for this run only) or the one set. */
  start(override?: string | null): void {
    this.started = true;
    this.override = override ? path.resolve(override) : null;
    this.restart();
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    this.started = false;
  }

  /** Turn the inbox on with a folder, or off with null; kept in the archive. */
  set(dir: string | null): InboxState {
    if (dir !== null) {
      const resolved = this.check(dir);
      this.db
        .prepare(
          'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        )
        .run(SETTING, resolved);
    } else {
      this.db.prepare('DELETE FROM meta WHERE key = ?').run(SETTING);
    }
    this.override = null;
    if (this.started) this.restart();
    return this.state();
  }

  state(): InboxState {
    return {
      dir: this.override ?? this.setting(),
      watching: this.watcher !== null,
      error: this.error,
      recent: this.recent.map((r) => ({ ...r })),
    };
  }

  private restart(): void {
    this.watcher?.close();
    this.watcher = null;
    this.error = null;
    const dir = this.override ?? this.setting();
    if (!dir) return;
    try {
      this.watcher = InboxWatcher.start({
        dir: this.check(dir),
        handle: this.handle,
        locale: this.locale,
        ...this.timing,
        onResult: (result) => {
          this.recent.unshift(result);
          this.recent.length = Math.min(this.recent.length, RECENT);
        },
      });
    } catch (error) {
      this.error = describeError(error, this.locale);
    }
  }
}
