#!/usr/bin/env node
// The `archive-reader` command. It runs the compiled engine in dist/runtime/, built here on first
// use after `npm install` and again whenever a source is newer than the build (one line on a
// terminal then), so `npx archive-reader` needs no build step and no start compiles TypeScript.
// ARCHIVE_READER_TSX=1 runs the TypeScript sources through tsx instead (development), as does a
// project folder this user cannot write to.
import { pathToFileURL } from 'node:url';
import { CLI_ENTRY, runtimeState } from '../scripts/runtime-stamp.mjs';

async function runSources() {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}

async function build() {
  // Said on a terminal only: a script or a test reading stderr gets the command's own lines.
  if (process.stderr.isTTY) process.stderr.write('Đang dựng mã chạy… · Building the runtime…\n');
  const { buildRuntime } = await import('../scripts/build-runtime.mjs');
  try {
    await buildRuntime();
    return true;
  } catch (error) {
    if (['EACCES', 'EPERM', 'EROFS'].includes(error.code)) {
      process.stderr.write(
        `Không ghi được dist/runtime/ (${error.code}): chạy thẳng mã nguồn, chậm hơn · ` +
          `dist/runtime/ cannot be written (${error.code}): running the sources, more slowly\n`,
      );
      return false;
    }
    // A source that does not compile: esbuild's own report names the file and line.
    process.stderr.write(
      `Không dựng được mã chạy · The runtime could not be built:\n${error.message}\n`,
    );
    process.exit(1);
  }
}

if (process.env.ARCHIVE_READER_TSX === '1') await runSources();
else if (!runtimeState() || (await build())) await import(pathToFileURL(CLI_ENTRY).href);
else await runSources();
