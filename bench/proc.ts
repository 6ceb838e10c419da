/** Running a measurement in a fresh Node process (`node --import tsx bench/child.ts MODE ARGS`). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULT_MARK = '@@RESULT ';
/** A child prints this the moment its first search result exists (cold start). */
export const FIRST_MARK = '@@FIRST';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
const CHILD = path.join(here, 'child.ts');

export interface ChildRun<T> {
  result: T;
  /** From just before spawn() to the moment the result line arrived on our side. */
  resultMs: number;
  /** From just before spawn() to the child's FIRST_MARK line, if it printed one. */
  firstMs: number;
  /** From just before spawn() to the process's exit. */
  exitMs: number;
}

export function runChild<T>(mode: string, args: object): Promise<ChildRun<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let resultMs = NaN;
    let firstMs = NaN;
    let result: T | undefined;
    let buffered = '';
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, JSON.stringify(args)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line === FIRST_MARK) {
          firstMs = performance.now() - started;
        } else if (line.startsWith(RESULT_MARK)) {
          resultMs = performance.now() - started;
          result = JSON.parse(line.slice(RESULT_MARK.length)) as T;
        } else if (line.trim()) {
          process.stderr.write(`    [${mode}] ${line}\n`);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      if (code === 0 && result !== undefined) resolve({ result, resultMs, firstMs, exitMs });
      else reject(new Error(`bench child '${mode}' exited with ${code} and no result`));
    });
  });
}
