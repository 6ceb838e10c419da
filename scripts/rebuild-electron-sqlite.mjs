// better-sqlite3 is native, and Node and Electron need different builds of it (different ABIs).
// The coexistence rule: node_modules always holds the NODE build (what `npm install` produces, used
// by tests, the CLI and the web host); the ELECTRON build lives apart, in
// dist/native/electron/better_sqlite3.node, and the desktop app loads it through better-sqlite3's
// `nativeBinding` option (electron/main/paths.ts). This script makes that Electron build from a
// copy of the package, so node_modules is never touched. Installers are different again:
// electron-builder (`npmRebuild: true`) rebuilds the packaged copy for Electron.
//
// Needs what @electron/rebuild needs: the internet (Electron headers or a prebuilt binary) and,
// without a prebuilt, a C++ toolchain.
import { rebuild } from '@electron/rebuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(root, 'dist', 'native', 'electron', 'better_sqlite3.node');
const STAMP = path.join(path.dirname(OUTPUT), 'versions.json');

function versions() {
  return {
    electron: require('electron/package.json').version,
    betterSqlite3: require('better-sqlite3/package.json').version,
  };
}

/** True when the Electron build exists and matches the installed Electron and better-sqlite3. */
export function electronSqliteIsCurrent() {
  try {
    return (
      fs.existsSync(OUTPUT) &&
      JSON.stringify(JSON.parse(fs.readFileSync(STAMP, 'utf8'))) === JSON.stringify(versions())
    );
  } catch {
    return false;
  }
}

export async function rebuildElectronSqlite() {
  const wanted = versions();
  // The staging folder sits inside the project so the copy still resolves its own dependencies
  // (bindings, prebuild-install) from the project's node_modules.
  const stage = path.join(root, '.cache', 'electron-sqlite');
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const copy = path.join(stage, 'node_modules', 'better-sqlite3');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.cpSync(source, copy, {
    recursive: true,
    filter: (file) => !file.startsWith(path.join(source, 'build')),
  });
  fs.writeFileSync(
    path.join(stage, 'package.json'),
    JSON.stringify({
      name: 'electron-sqlite-stage',
      private: true,
      dependencies: { 'better-sqlite3': wanted.betterSqlite3 },
    }),
  );
  try {
    await rebuild({
      buildPath: stage,
      electronVersion: wanted.electron,
      onlyModules: ['better-sqlite3'],
      force: true,
    });
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    fs.copyFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), OUTPUT);
    fs.writeFileSync(STAMP, JSON.stringify(wanted));
    return OUTPUT;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const out = await rebuildElectronSqlite();
    console.log(
      `Đã dựng better-sqlite3 cho Electron · Built better-sqlite3 for Electron: ${path.relative(root, out)}`,
    );
  } catch (error) {
    console.error(
      'Không dựng được better-sqlite3 cho Electron (cần Internet để tải header hoặc bản dựng sẵn, và trình biên dịch C++) · ' +
        `Could not build better-sqlite3 for Electron (needs the internet for headers or a prebuilt binary, and a C++ toolchain): ${error.message}`,
    );
    process.exit(1);
  }
}
