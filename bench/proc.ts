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

/** Modes run from the bundle (bench/bundle.ts) once it is made: the cold starts. */
const BUNDLED_MODES = new Set(['cold', 'floor-cold']);
let bundled: string | null = null;

/** Run the cold-start modes from this bundle from now on. */
export function useBundledChild(file: string): void {
  bundled = file;
}

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
    const command = bundled && BUNDLED_MODES.has(mode) ? [bundled] : ['--import', 'tsx', CHILD];
    const child = spawn(process.execPath, [...command, mode, JSON.stringify(args)], {
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
    child.on('close', (code, signal) => {
      const exitMs = performance.now() - started;
      if (code === 0 && result !== undefined) resolve({ result, resultMs, firstMs, exitMs });
      else {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(
          new Error(`its process (${mode}) ${how}${result === undefined ? ', no result' : ''}`),
        );
      }
    });
  });
}
