/**
 * Cold starts are measured on the engine as the app ships it: one esbuild bundle, as
 * `npm run build:electron` makes for the desktop's engine worker, not TypeScript compiled module
 * by module at load time (tsx sends every module through its loader thread: ~0.3 s of a cold
 * start). The floor's cold child is bundled the same way, so the two stay comparable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './proc';

/** Written under the project's node_modules, where the bundle's `better-sqlite3` resolves. */
export async function bundleChild(): Promise<string> {
  const outdir = path.join(ROOT, 'node_modules/.cache/archive-reader-bench');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { child: path.join(ROOT, 'bench/child.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    // What a mode loads with import() stays in its own file, read only by the modes that need it.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The native module is loaded from node_modules at run time, as the app loads it.
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return path.join(outdir, 'child.mjs');
}
