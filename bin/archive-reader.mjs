#!/usr/bin/env node
// The `archive-reader` command. It runs the compiled engine in dist/runtime/, built here on first
// use after `npm install` and again whenever a source is newer than the build (one line on stderr
// then), so `npx archive-reader` needs no build step and no start pays for compiling TypeScript.
// ARCHIVE_READER_TSX=1 runs the TypeScript sources through tsx instead (development).
import { pathToFileURL } from 'node:url';
import { CLI_ENTRY, runtimeState } from '../scripts/runtime-stamp.mjs';

if (process.env.ARCHIVE_READER_TSX === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
} else {
  if (runtimeState()) {
    // Said on a terminal only: a script or a test reading stderr gets the command's own lines.
    if (process.stderr.isTTY) process.stderr.write('Đang dựng mã chạy… · Building the runtime…\n');
    const { buildRuntime } = await import('../scripts/build-runtime.mjs');
    try {
      await buildRuntime();
    } catch (error) {
      process.stderr.write(
        `Không dựng được mã chạy: ${error.message} · The runtime could not be built: ${error.message}\n`,
      );
      process.exit(1);
    }
  }
  await import(pathToFileURL(CLI_ENTRY).href);
}
