/**
 * What a start of the command line reads: `--help` (and a mistyped command) loads the compiled
 * command line and nothing of the engine, the worker host, the browser host or node_modules; a
 * search loads the engine. Every module Node loads is logged by a loader hook.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SAMPLE = path.join(ROOT, 'resources/sample/archive.db');
// esbuild names a chunk split at a dynamic import after the module it holds.
const ENGINE = /\/dist\/runtime\/node\/(archive|worker-host|server)-[A-Z0-9]+\.js$/;

let dir: string;
let register: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-startup-'));
  const hook = path.join(dir, 'hook.mjs');
  fs.writeFileSync(
    hook,
    `import fs from 'node:fs';
export async function load(url, context, next) {
  fs.appendFileSync(process.env.LOADED_LOG, url + '\\n');
  return next(url, context);
}`,
  );
  register = path.join(dir, 'register.mjs');
  fs.writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`,
  );
  fs.copyFileSync(SAMPLE, path.join(dir, 'archive.db'));
  const warm = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  assert.equal(warm.status, 0, warm.stderr); // the runtime built or found current
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

function loaded(args: string[]): { status: number | null; urls: string[] } {
  const log = path.join(dir, `loaded-${args[0].replace(/\W/g, '')}.txt`);
  fs.rmSync(log, { force: true });
  const result = spawnSync(process.execPath, ['--import', register, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOADED_LOG: log, ARCHIVE_READER_TSX: '' },
  });
  return { status: result.status, urls: fs.readFileSync(log, 'utf8').trim().split('\n') };
}

test('--help loads the command line only', () => {
  const { status, urls } = loaded(['--help']);
  assert.equal(status, 0);
  assert.ok(
    urls.some((u) => u.endsWith('/dist/runtime/node/cli.js')),
    urls.join('\n'),
  );
  assert.deepEqual(
    urls.filter((u) => ENGINE.test(u) || u.includes('/node_modules/') || u.endsWith('.ts')),
    [],
  );
});

test('a mistyped command loads no more than --help', () => {
  const { status, urls } = loaded(['serach', 'x']);
  assert.equal(status, 1);
  assert.deepEqual(
    urls.filter((u) => ENGINE.test(u) || u.includes('/node_modules/')),
    [],
  );
});

test('a search loads the engine and better-sqlite3', () => {
  const { status, urls } = loaded(['--db', path.join(dir, 'archive.db'), 'search', 'dân vận']);
  assert.equal(status, 0);
  assert.ok(
    urls.some((u) => ENGINE.test(u)),
    urls.join('\n'),
  );
  assert.ok(
    urls.some((u) => u.includes('/node_modules/better-sqlite3/')),
    urls.join('\n'),
  );
});
