/**
 * When bin/archive-reader.mjs rebuilds the compiled runtime: never built, a file of the build gone,
 * a source changed or removed since the build began. A real build into a temporary folder records
 * the sources it read, and what it wrote runs.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRuntime } from '../../../scripts/build-runtime.mjs';
import { readStamp, ROOT, runtimeState } from '../../../scripts/runtime-stamp.mjs';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-stamp-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** A project with two sources and a build of them, stamped at `builtFrom`. */
function project(name: string) {
  const root = path.join(temp, name);
  const dir = path.join(root, 'dist', 'runtime', 'node');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.mkdirSync(dir, { recursive: true });
  const builtFrom = Date.now() - 60_000;
  const past = new Date(builtFrom - 60_000);
  for (const file of ['src/a.ts', 'src/b.ts']) {
    fs.writeFileSync(path.join(root, file), '');
    fs.utimesSync(path.join(root, file), past, past);
  }
  for (const file of ['cli.js', 'chunk-X.js', 'cli.js.map'])
    fs.writeFileSync(path.join(dir, file), '');
  const stamp = {
    builtFrom,
    inputs: ['src/a.ts', 'src/b.ts'],
    outputs: ['chunk-X.js', 'cli.js', 'cli.js.map'],
  };
  fs.writeFileSync(path.join(dir, 'stamp.json'), JSON.stringify(stamp));
  return { root, dir, builtFrom };
}

describe('runtimeState', () => {
  test('current: every source older than the build, every file there', () => {
    const { root, dir } = project('current');
    assert.equal(runtimeState(dir, root), null);
  });

  test('never built, or the stamp unreadable: missing', () => {
    const { root, dir } = project('unbuilt');
    fs.writeFileSync(path.join(dir, 'stamp.json'), '{"builtFrom": 1');
    assert.equal(runtimeState(dir, root), 'missing');
    fs.rmSync(path.join(dir, 'stamp.json'));
    assert.equal(runtimeState(dir, root), 'missing');
  });

  test('a bundle of the build deleted: missing; a source map deleted does not count', () => {
    const { root, dir } = project('deleted');
    fs.rmSync(path.join(dir, 'cli.js.map'));
    assert.equal(runtimeState(dir, root), null);
    fs.rmSync(path.join(dir, 'chunk-X.js'));
    assert.equal(runtimeState(dir, root), 'missing');
  });

  test('a source edited after the build began: stale', () => {
    const { root, dir, builtFrom } = project('edited');
    const later = new Date(builtFrom + 1000);
    fs.utimesSync(path.join(root, 'src/b.ts'), later, later);
    assert.equal(runtimeState(dir, root), 'stale');
  });

  test('a source removed: stale', () => {
    const { root, dir } = project('removed');
    fs.rmSync(path.join(root, 'src/a.ts'));
    assert.equal(runtimeState(dir, root), 'stale');
  });
});

test('a real build: its stamp lists the sources it bundled, and the command line it wrote runs', async () => {
  // Inside the project, where the bundles find node_modules; not dist/runtime/, which may be in use.
  const dir = path.join(ROOT, 'dist', `runtime-test-${process.pid}`, 'node');
  after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
  const stamp = await buildRuntime(dir);
  assert.deepEqual(readStamp(dir), stamp);
  for (const source of [
    'electron/cli/index.ts',
    'electron/api/worker-entry.ts',
    'electron/core/search/catalog-worker.ts',
    'electron/core/archive/fts-worker.ts',
    'package.json',
    'scripts/build-runtime.mjs',
  ])
    assert.ok(stamp.inputs.includes(source), source);
  assert.ok(!stamp.inputs.some((file) => file.includes('node_modules')));
  for (const entry of ['cli.js', 'worker-entry.js', 'catalog-worker.js', 'fts-worker.js'])
    assert.ok(stamp.outputs.includes(entry), entry);
  assert.equal(runtimeState(dir), null);
  const help = spawnSync(process.execPath, [path.join(dir, 'cli.js'), '--help'], {
    encoding: 'utf8',
  });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: archive-reader/);
  // A second build over the first leaves no temporary files behind.
  await buildRuntime(dir);
  assert.deepEqual(
    fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
  );
});
