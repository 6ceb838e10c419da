/**
 * Starting a worker thread from a TypeScript entry, wherever the code runs: a bundled `.js` next
 * to the caller (the Electron build; the command line and browser host in dist/runtime/), or the
 * `.ts` source under tsx (tests, ARCHIVE_READER_TSX=1). Node 20 workers do not inherit tsx's loader, so a two-line bootstrap registers it first.
 */
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `entry` is a `.ts` path; its compiled `.js` sibling is preferred when it exists. */
export function startThread(entry: string, options: WorkerOptions = {}): Worker {
  const js = entry.replace(/\.ts$/, '.js');
  if (fs.existsSync(js)) return new Worker(js, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const url = pathToFileURL(entry).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** The path of a module beside the caller: `sibling(import.meta.url, 'x.ts')`. */
export function sibling(callerUrl: string, name: string): string {
  return fileURLToPath(new URL(name, callerUrl));
}
