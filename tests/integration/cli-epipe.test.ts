/**
 * `archive-reader search … | head -n 1`: the command line writing into a reader that closes after
 * one line ends quietly, with exit status 0 and nothing on stderr (no EPIPE stack trace). The
 * output is far larger than a pipe holds, so the command is still writing when the reader goes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SAMPLE = path.join(ROOT, 'resources/sample/archive.db');

let dir: string;
let args: string[];

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-epipe-'));
  const db = path.join(dir, 'archive.db');
  fs.copyFileSync(SAMPLE, db);
  // 900 queries × 20 hits: megabytes of JSON lines, against a pipe buffer of 64 KiB.
  const queries = path.join(dir, 'queries.txt');
  fs.writeFileSync(queries, 'dân\nnghị định\nxã\n'.repeat(300));
  args = [BIN, '--db', db, 'search', '--queries', queries, '--json', '--limit', '20'];
  // Built (or found current) once here, so the runs below only run it.
  const warm = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  assert.equal(warm.status, 0, warm.stderr);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a reader that closes after the first line: exit 0, nothing on stderr', async () => {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let first = '';
  await new Promise<void>((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      first += chunk;
      if (first.includes('\n')) {
        child.stdout.destroy(); // the reader goes away, as `head -n 1` does
        resolve();
      }
    });
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  assert.equal(JSON.parse(first.split('\n')[0]).query, 'dân');
  assert.equal(signal, null);
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
});

test('`| head -n 1` in a shell with pipefail: the pipeline succeeds, nothing on stderr', () => {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${quoted} | head -n 1`], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.equal(result.stdout.trim().split('\n').length, 1);
  assert.doesNotMatch(result.stderr, /EPIPE|^\s+at /m);
});
