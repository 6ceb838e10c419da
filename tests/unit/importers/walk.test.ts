import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { walk } from '../../../electron/core/importers/index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'importers-walk-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function touch(rel: string) {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
}

async function list(paths: string[]) {
  const out: string[] = [];
  for await (const item of walk(paths)) {
    const rel = path.relative(dir, item.path);
    out.push('error' in item ? `${rel} !${item.error.code}` : rel);
  }
  return out;
}

test('walks sorted, skips hidden entries, reports loops and missing paths', async () => {
  touch('b/2.txt');
  touch('b/1.txt');
  touch('a/z.json');
  touch('a/sub/m.html');
  touch('.git/HEAD');
  touch('a/.DS_Store');
  touch('c.txt');
  fs.symlinkSync('..', path.join(dir, 'a/sub/up')); // back to a/: a loop
  fs.symlinkSync('self', path.join(dir, 'self')); // a link to itself: ELOOP
  fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'link-to-b')); // not a loop: followed

  const result = await list([dir, path.join(dir, 'missing')]);
  assert.deepEqual(result, [
    'a/sub/m.html',
    'a/sub/up !import.symlink-loop',
    'a/z.json',
    'b/1.txt',
    'b/2.txt',
    'c.txt',
    'link-to-b/1.txt',
    'link-to-b/2.txt',
    'self !import.symlink-loop',
    'missing !import.not-found',
  ]);
  // Deterministic: the same answer twice.
  assert.deepEqual(await list([dir, path.join(dir, 'missing')]), result);
});

test('a file path given directly is yielded as is', async () => {
  touch('solo.txt');
  assert.deepEqual(await list([path.join(dir, 'solo.txt')]), ['solo.txt']);
});
