// Bundles the Electron side into dist/electron/: the main process and the archive worker as ESM,
// the preload as ONE CommonJS file (a sandboxed preload cannot require anything but 'electron').
// better-sqlite3 stays external: it is native and is loaded from node_modules (or nativeBinding).
// So do the PDF and OCR packages: they load their own files at run time (pdfjs its fonts, maps
// and worker; tesseract.js its worker script, WebAssembly and the vie model; @napi-rs/canvas a
// native module).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (file) => path.join(root, 'dist', 'electron', file);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  // Electron 45 ships Node 22 and Chromium 141.
  target: ['node22', 'chrome141'],
  sourcemap: 'linked',
  external: [
    'electron',
    'better-sqlite3',
    'pdfjs-dist',
    'tesseract.js',
    '@tesseract.js-data/vie',
    '@napi-rs/canvas',
  ],
  logLevel: 'warning',
};

// ESM bundles that inline CommonJS packages (lunr, iconv-lite…) need a real `require` for Node's
// built-ins; esbuild's shim throws "Dynamic require … is not supported" without one.
const esmRequire = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/**
 * The preload needs only the contract's method names, not zod and the schemas (~750 kB it would
 * parse on every page load). So the names are read from the contract at build time and the
 * preload's import of the contract is replaced by that list.
 */
function contractNamesOnly() {
  const script =
    "const m = await import('./electron/api/contract.ts'); process.stdout.write(JSON.stringify(m.methodNames));";
  const names = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return {
    name: 'contract-method-names',
    setup(b) {
      b.onResolve({ filter: /\/api\/contract$/ }, () => ({ path: 'contract', namespace: 'names' }));
      b.onLoad({ filter: /.*/, namespace: 'names' }, () => ({
        contents: `export const methodNames = ${names};`,
        loader: 'js',
      }));
    },
  };
}

export async function buildElectron() {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: out('main/index.js'),
      format: 'esm',
      banner: esmRequire,
    }),
    build({
      ...common,
      entryPoints: ['electron/api/worker-entry.ts'],
      outfile: out('api/worker-entry.js'),
      format: 'esm',
      banner: esmRequire,
    }),
    // The catalog's builder thread, beside the worker that starts it (see core/util/thread.ts).
    build({
      ...common,
      entryPoints: ['electron/core/search/catalog-worker.ts'],
      outfile: out('api/catalog-worker.js'),
      format: 'esm',
      banner: esmRequire,
    }),
    // The tokenising thread of a large import, beside the worker that starts it.
    build({
      ...common,
      entryPoints: ['electron/core/archive/fts-worker.ts'],
      outfile: out('api/fts-worker.js'),
      format: 'esm',
      banner: esmRequire,
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: out('preload/index.cjs'),
      format: 'cjs',
      external: ['electron'],
      plugins: [contractNamesOnly()],
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildElectron();
    console.log(
      'Đã dựng Electron vào dist/electron/ · Built the Electron bundles into dist/electron/',
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
