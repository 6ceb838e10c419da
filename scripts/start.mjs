// `npm start`: build the app and open it in Electron. Where Electron cannot run (its binary cannot
// be downloaded, as on machines that reach only the npm registry, or it fails to start), say so in
// one sentence and serve the same app through the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openInBrowser } from './browser.mjs';
import { buildElectron } from './build-electron.mjs';
import {
  electronSqliteIsCurrent,
  OUTPUT as ELECTRON_SQLITE,
  rebuildElectronSqlite,
} from './rebuild-electron-sqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = process.env.PORT || '5178';
const DOWNLOAD_TIMEOUT_MS = Number(process.env.ELECTRON_DOWNLOAD_TIMEOUT_MS || 120_000);
// An Electron that dies this fast (no display, missing system libraries) never showed a window.
const EARLY_EXIT_MS = 5_000;

const REASONS = {
  binary: ['không tải được tệp Electron', 'its binary could not be downloaded'],
  sqlite: [
    'không dựng được better-sqlite3 cho Electron',
    'better-sqlite3 could not be built for Electron',
  ],
  build: ['không đóng gói được mã Electron', 'the Electron code could not be bundled'],
  launch: ['Electron không khởi động được', 'Electron failed to start'],
};

function run(command, args) {
  return (
    spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
      .status === 0
  );
}

/** The Electron executable, downloading it if needed; null when it cannot be had. Never require('electron'): on a miss it downloads without a time limit. */
function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const nameFile = path.join(pkg, 'path.txt');
  const name = () => (fs.existsSync(nameFile) ? fs.readFileSync(nameFile, 'utf8') : 'electron');
  const locate = () => {
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
    const file = path.join(base, name());
    return fs.existsSync(file) ? file : null;
  };
  if (!fs.existsSync(pkg)) return null;
  const found = locate();
  if (found || process.env.ELECTRON_OVERRIDE_DIST_PATH) return found;
  console.log('Đang tải Electron… · Downloading Electron…');
  const result = spawnSync(process.execPath, [path.join(pkg, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  return result.status === 0 ? locate() : null;
}

function fallBackToBrowser(reason) {
  const url = `http://127.0.0.1:${PORT}`;
  const [vi, en] = REASONS[reason];
  console.log(
    `Không chạy được Electron trên máy này (${vi}); mở ứng dụng qua trình duyệt tại ${url} · ` +
      `Electron cannot run on this machine (${en}); open the app in a browser at ${url}`,
  );
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'archive-reader.mjs'), 'serve', '--port', PORT],
    {
      cwd: root,
      stdio: ['inherit', 'pipe', 'inherit'],
    },
  );
  // Once the host prints its address, the page opens where there is a screen (browser.mjs).
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const address = String(chunk).match(/http:\/\/[^\s]+/)?.[0];
    if (address && !opened) opened = openInBrowser(address) || true;
  });
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

async function main() {
  if (fs.existsSync(path.join(root, 'renderer', 'vite.config.ts'))) {
    if (!run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'])) process.exit(1);
  } else {
    console.log(
      'Bỏ qua giao diện: chưa có renderer/vite.config.ts · Skipping the renderer: renderer/vite.config.ts does not exist yet',
    );
  }

  try {
    await buildElectron();
  } catch (error) {
    console.error(error.message);
    return fallBackToBrowser('build');
  }

  const binary = electronBinary();
  if (!binary) return fallBackToBrowser('binary');

  if (!electronSqliteIsCurrent()) {
    try {
      await rebuildElectronSqlite();
    } catch (error) {
      console.error(error.message);
      return fallBackToBrowser('sqlite');
    }
  }

  const started = Date.now();
  const electron = spawn(binary, [root], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ARCHIVE_READER_NATIVE_BINDING: ELECTRON_SQLITE },
  });
  electron.on('error', () => fallBackToBrowser('launch'));
  electron.on('exit', (code, signal) => {
    if (code !== 0 && signal === null && Date.now() - started < EARLY_EXIT_MS)
      return fallBackToBrowser('launch');
    process.exit(code ?? 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => electron.kill(signal));
}

await main();
