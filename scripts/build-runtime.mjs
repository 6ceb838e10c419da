// Bundles the command line (with the browser host, its `serve` command) and the worker threads it
// starts into dist/runtime/node/ as ESM, so no start pays for compiling TypeScript. Dependencies
// stay in node_modules but the few that every start loads (BUNDLED): better-sqlite3 is native, and
// a package the command line does not need for a given command is never read. The command line's heavy modules
// are imported where they are used, so esbuild splits them into chunks that `--help` never loads.
// bin/archive-reader.mjs runs this when the runtime is missing or stale (scripts/runtime-stamp.mjs).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStamp, ROOT, RUNTIME_DIR } from './runtime-stamp.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/**
 * Bundled: the pure-JavaScript packages every search or `--help` loads. zod's ESM build is ~95
 * modules that Node would resolve and link one by one; commander and lunr are CommonJS, which Node
 * scans for export names before an ESM import. Every other package stays in node_modules.
 */
const BUNDLED = new Set(['zod', 'commander', 'lunr']);
const EXTERNAL = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => !BUNDLED.has(name),
);
// Bundled CommonJS calls `require` for Node's built-ins; esbuild's ESM shim would throw without one.
const esmRequire = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/**
 * The command line, and every worker thread the engine starts: each `sibling(import.meta.url,
 * 'name.ts')` in electron/ (core/util/thread.ts), bundled as `name.js` beside the rest. A worker
 * added later is found the same way (one the bundle lacked would still start, through tsx).
 */
export function entryPoints(root = ROOT) {
  const entries = { cli: 'electron/cli/index.ts' };
  const electron = path.join(root, 'electron');
  for (const file of fs.readdirSync(electron, { recursive: true }).map(String)) {
    if (!file.endsWith('.ts') || file.startsWith('main') || file.startsWith('preload')) continue;
    const text = fs.readFileSync(path.join(electron, file), 'utf8');
    for (const [, name] of text.matchAll(/sibling\(\s*import\.meta\.url,\s*'([\w-]+)\.ts'\s*\)/g)) {
      const source = path.join('electron', path.dirname(file), `${name}.ts`);
      if (fs.existsSync(path.join(root, source))) entries[name] = source.split(path.sep).join('/');
    }
  }
  return entries;
}

/** Build into `dir` (dist/runtime/node/ unless told); returns the stamp it wrote. */
export async function buildRuntime(dir = RUNTIME_DIR) {
  const builtFrom = Date.now(); // before any source is read: an edit during the build counts
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entryPoints(),
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    banner: esmRequire,
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  // Several processes may find the runtime stale at once (parallel tests): each file is written
  // under a temporary name and renamed, so a reader sees a whole file of one build or another, and
  // the stamp comes last.
  fs.mkdirSync(dir, { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  const outputs = result.outputFiles.map((f) => path.relative(dir, f.path)).sort();
  const previous = readStamp(dir);
  for (const old of previous?.outputs ?? []) {
    if (!outputs.includes(old)) fs.rmSync(path.join(dir, old), { force: true });
  }
  // The project's own sources, this script and package.json (a bundled package's version changes
  // only with it); the inputs inside node_modules are never stat'ed.
  const inputs = [
    ...new Set([
      ...Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/')),
      path.relative(ROOT, fileURLToPath(import.meta.url)),
      'package.json',
    ]),
  ].sort();
  const stamp = { builtFrom, inputs, outputs };
  writeAtomically(path.join(dir, 'stamp.json'), `${JSON.stringify(stamp, null, 1)}\n`);
  return stamp;
}

function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { outputs } = await buildRuntime();
    console.log(
      `Đã dựng mã chạy vào dist/runtime/ (${outputs.length} tệp) · Built the runtime into dist/runtime/ (${outputs.length} files)`,
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
