/**
 * Files under the paths a user picked, in a stable order (sorted names, depth first) so that two
 * imports of the same folder behave the same. Hidden entries (.git, .DS_Store) are skipped, and a
 * symbolic link back into a folder being walked is reported instead of looping for ever.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors';

export type WalkItem = { path: string } | { path: string; error: UserError };

/**
 * Control characters (a terminal escape, a line break, a bell) and the bidirectional overrides
 * that make "gpj.exe" read as "exe.jpg" are legal in file names. Wherever a name is shown — an
 * import summary, a terminal, an article's provenance — they appear as visible escapes instead.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function displayPath(path: string): string {
  return path.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`
      : `\\u${code.toString(16).toUpperCase()}`;
  });
}

function errorFor(path: string, error: unknown): WalkItem {
  const code = (error as NodeJS.ErrnoException)?.code;
  const shown = displayPath(path);
  if (code === 'ELOOP')
    return { path: shown, error: new UserError('import.symlink-loop', { path: shown }) };
  if (code === undefined) throw error;
  // ENOENT, a dangling link, EACCES: the user cannot get at it either way.
  return { path: shown, error: new UserError('import.not-found', { path: shown }) };
}

async function* visit(path: string, onPath: Set<string>): AsyncGenerator<WalkItem> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    yield errorFor(path, error);
    return;
  }
  if (stat.isFile()) {
    yield { path };
    return;
  }
  // Sockets, FIFOs and devices would block or never end: they are not documents.
  if (!stat.isDirectory()) {
    const shown = displayPath(path);
    yield { path: shown, error: new UserError('import.not-a-file', { path: shown }) };
    return;
  }
  let real: string;
  let names: string[];
  try {
    real = await fs.realpath(path);
    names = await fs.readdir(path);
  } catch (error) {
    yield errorFor(path, error);
    return;
  }
  if (onPath.has(real)) {
    const shown = displayPath(path);
    yield { path: shown, error: new UserError('import.symlink-loop', { path: shown }) };
    return;
  }
  onPath.add(real);
  names = names.filter((n) => !n.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) yield* visit(join(path, name), onPath);
  onPath.delete(real);
}

/** Each file under `paths` (a path given explicitly is read even if it is hidden). */
export async function* walk(paths: string[]): AsyncGenerator<WalkItem> {
  for (const path of paths) yield* visit(path, new Set());
}
