// Whether the compiled runtime in dist/runtime/ is current, read on every start of the command
// line: one small JSON file and a stat of each source the last build read (no hashing, no
// esbuild). A build records the moment it began and the sources it bundled; a source changed
// since (an edit, a `git pull`) or gone makes the runtime stale. A new file only matters once an
// existing one imports it, which changes that one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * One folder three levels below the project, like dist/electron/main/: the engine finds the
 * project's files from there (core/archive/locations.ts), and every worker thread starts from a
 * file beside the code that starts it (core/util/thread.ts), so all bundles share this folder.
 */
export const RUNTIME_DIR = path.join(ROOT, 'dist', 'runtime', 'node');
export const CLI_ENTRY = path.join(RUNTIME_DIR, 'cli.js');

/** The stamp a build writes: `builtFrom` is when it began; `inputs` (from the project) and `outputs` (in the folder) are relative paths. */
export function readStamp(dir = RUNTIME_DIR) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, 'stamp.json'), 'utf8'));
    return Array.isArray(stamp.inputs) && Array.isArray(stamp.outputs) ? stamp : null;
  } catch {
    return null;
  }
}

/** Null when the runtime in `dir` is current, else why not: 'missing' or 'stale'. */
export function runtimeState(dir = RUNTIME_DIR, root = ROOT) {
  const stamp = readStamp(dir);
  if (!stamp) return 'missing';
  for (const output of stamp.outputs) {
    if (!output.endsWith('.map') && !fs.existsSync(path.join(dir, output))) return 'missing';
  }
  for (const input of stamp.inputs) {
    const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > stamp.builtFrom) return 'stale';
  }
  return null;
}
