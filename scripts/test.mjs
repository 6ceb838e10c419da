#!/usr/bin/env node
// `npm test`: type-check, lint, every Node test (unit, integration, Electron shell) and the
// end-to-end browser tests, then one closing line `N passed, N failed, N skipped`.
//   --only unit|node|e2e   run one part (type-check and lint are skipped then)
//   --only soak            the long tests of tests/soak/ (`npm run test:soak`), not part of `npm test`
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, options = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (options.capture) process.stdout.write(result.stdout ?? '');
  return result;
}

function check(label, command, args) {
  const ok = run(label, command, args).status === 0;
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(label);
  }
}

function findTests(dir, suffix) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(dir, f));
}

function nodeTests(dirs, label = 'node tests') {
  const files = dirs.flatMap((d) => findTests(d, '.test.ts'));
  if (!files.length) return;
  const result = run(`${label} (${files.length} files)`, process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ]);
  const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  totals.passed += count('pass');
  totals.failed += failed;
  totals.skipped += count('skipped') + count('todo');
  if (failed || (result.status !== 0 && !failed)) {
    failures.push(label);
    if (!failed) totals.failed++;
  }
}

function e2eTests() {
  const build = run('build the renderer', 'npx', [
    'vite',
    'build',
    '--config',
    'renderer/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  if (build.status !== 0) {
    totals.failed++;
    failures.push('renderer build');
    return;
  }
  // CHROMIUM_PATH, the system's Chromium or Chrome, Playwright's own; else installed (browser.mjs).
  const browser = ensureBrowser();
  process.stdout.write(`${browser.message}\n`);
  if (!browser.path) {
    totals.failed++;
    failures.push('browser for the end-to-end tests');
    return;
  }
  const jsonFile = path.join(tmp, 'playwright.json');
  const result = run(
    'end-to-end tests (Playwright, Chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile, CHROMIUM_PATH: browser.path } },
  );
  let stats = null;
  try {
    stats = JSON.parse(fs.readFileSync(jsonFile, 'utf8')).stats;
  } catch {
    /* no report: counted as one failure below */
  }
  if (!stats) {
    totals.failed++;
    failures.push('playwright (no report)');
    return;
  }
  totals.passed += stats.expected + (stats.flaky ?? 0);
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  if (stats.unexpected || result.status !== 0) failures.push('end-to-end tests');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-reader-test-'));
const tapFile = path.join(tmp, 'node.tap');

if (!only) {
  check('type-check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json']);
  check('lint (eslint, prettier)', 'npm', ['run', '-s', 'lint']);
}
// The command line the tests spawn runs the compiled runtime: built (or found current) once here.
if (only !== 'unit') check('build the runtime', process.execPath, ['scripts/build-runtime.mjs']);
if (!only || only === 'node') nodeTests(['tests/unit', 'tests/integration', 'tests/electron']);
if (only === 'unit') nodeTests(['tests/unit']);
if (only === 'soak') nodeTests(['tests/soak'], 'soak tests');
if (!only || only === 'e2e') e2eTests();

fs.rmSync(tmp, { recursive: true, force: true });
if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(totals.failed ? 1 : 0);
