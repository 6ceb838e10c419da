/** The plain-Node pieces of the desktop shell: window state, renderer file mapping, paths, first run, bridge names. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { methodNames } from '../../electron/api/contract';
import { ensureArchive } from '../../electron/api/first-run';
import { bridgeEventNames, channelFor, isBridgeEventName } from '../../electron/main/bridge';
import { localeFromLanguages, resolveAppPaths } from '../../electron/main/paths';
import { contentTypeFor, resolveRendererFile } from '../../electron/main/renderer-files';
import {
  DEFAULT_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../electron/main/window-state';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-shell-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('window state', () => {
  it('round-trips and falls back to the default on missing or broken files', () => {
    const file = path.join(tmp, 'state', 'window-state.json');
    assert.deepEqual(loadWindowState(file), DEFAULT_STATE);
    saveWindowState(file, { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true });
    assert.deepEqual(loadWindowState(file), {
      bounds: { x: 10, y: 20, width: 900, height: 700 },
      maximized: true,
    });
    fs.writeFileSync(file, '{"bounds": {"width": "huge"}}');
    assert.deepEqual(loadWindowState(file), DEFAULT_STATE);
    fs.writeFileSync(file, 'not json');
    assert.deepEqual(loadWindowState(file), DEFAULT_STATE);
  });

  it('forgets a position on a screen that is gone, and shrinks to fit', () => {
    const screen = { x: 0, y: 0, width: 1366, height: 728 };
    const offScreen = { bounds: { x: 3000, y: 100, width: 1600, height: 900 }, maximized: false };
    assert.deepEqual(fitToDisplays(offScreen, [screen]).bounds, { width: 1366, height: 728 });
    const onScreen = { bounds: { x: 50, y: 40, width: 800, height: 600 }, maximized: false };
    assert.deepEqual(fitToDisplays(onScreen, [screen]), onScreen);
  });
});

describe('renderer files', () => {
  const root = path.join(tmp, 'renderer');

  it('maps URL paths inside the renderer folder, routes to index.html', () => {
    assert.equal(resolveRendererFile(root, '/'), path.join(root, 'index.html'));
    assert.equal(resolveRendererFile(root, '/assets/app.js'), path.join(root, 'assets', 'app.js'));
    assert.equal(resolveRendererFile(root, '/search'), path.join(root, 'index.html'));
    assert.equal(
      resolveRendererFile(root, '/fonts/B%C3%A8%20Vietnam.woff2'),
      path.join(root, 'fonts', 'Bè Vietnam.woff2'),
    );
  });

  it('never leaves the renderer folder', () => {
    for (const p of [
      '/../secret.db',
      '/%2e%2e/secret.db',
      '/assets/..%2f..%2fsecret.db',
      '/a%5c..%5c..%5cx.db',
      '/%00.js',
      '/%E0%A4%A',
    ]) {
      const file = resolveRendererFile(root, p);
      assert.ok(file === null || file.startsWith(root + path.sep), `${p} → ${file}`);
    }
  });

  it('serves scripts and fonts with their types', () => {
    assert.match(contentTypeFor('a/index-abc.js'), /^text\/javascript/);
    assert.equal(contentTypeFor('x.woff2'), 'font/woff2');
    assert.equal(contentTypeFor('x.unknown'), 'application/octet-stream');
  });
});

describe('app paths', () => {
  const facts = {
    appPath: '/opt/app/resources/app.asar',
    userData: '/home/u/.config/Archive Reader',
    resourcesPath: '/opt/app/resources',
    isPackaged: true,
    env: {},
  };

  it('keeps the archive in userData and takes the sample from the installed resources', () => {
    const paths = resolveAppPaths(facts);
    assert.equal(paths.dbPath, path.join(facts.userData, 'archive.db'));
    assert.equal(paths.samplePath, path.join('/opt/app/resources', 'sample', 'archive.db'));
    assert.equal(paths.nativeBinding, undefined, 'installed apps use the rebuilt node_modules');
  });

  it('honours the archive and native binding overrides', () => {
    const paths = resolveAppPaths({
      ...facts,
      env: { ARCHIVE_READER_DB: '/x/a.db', ARCHIVE_READER_NATIVE_BINDING: '/x/b.node' },
    });
    assert.equal(paths.dbPath, '/x/a.db');
    assert.equal(paths.nativeBinding, '/x/b.node');
  });

  it('follows the system language, Vietnamese unless English', () => {
    assert.equal(localeFromLanguages(['en-US']), 'en');
    assert.equal(localeFromLanguages(['vi-VN', 'en-US']), 'vi');
    assert.equal(localeFromLanguages(['fr-FR']), 'vi');
    assert.equal(localeFromLanguages([]), 'vi');
  });
});

describe('first run', () => {
  it('copies the sample once, writable, into a new folder', () => {
    const sample = path.join(tmp, 'sample.db');
    fs.writeFileSync(sample, 'sample');
    fs.chmodSync(sample, 0o444);
    const target = path.join(tmp, 'profile', 'nested', 'archive.db');
    assert.deepEqual(ensureArchive(target, sample), { created: true });
    assert.equal(fs.readFileSync(target, 'utf8'), 'sample');
    assert.ok(fs.statSync(target).mode & 0o200, 'the copy is writable by its owner');
    fs.writeFileSync(target, 'user data');
    assert.deepEqual(ensureArchive(target, sample), { created: false });
    assert.equal(fs.readFileSync(target, 'utf8'), 'user data');
  });

  it('creates only the folder when there is no sample', () => {
    const target = path.join(tmp, 'empty', 'archive.db');
    assert.deepEqual(ensureArchive(target, path.join(tmp, 'missing.db')), { created: false });
    assert.equal(fs.existsSync(path.dirname(target)), true);
    assert.equal(fs.existsSync(target), false);
  });
});

describe('bridge', () => {
  it('has one distinct channel per contract method', () => {
    const channels = new Set(methodNames.map(channelFor));
    assert.equal(channels.size, methodNames.length);
  });

  it('lets the page subscribe only to known events', () => {
    assert.equal(isBridgeEventName('importProgress'), true);
    assert.equal(isBridgeEventName('menu:theme'), true);
    assert.equal(isBridgeEventName('archive:search'), false);
    assert.equal(isBridgeEventName('__proto__'), false);
    assert.equal(new Set(bridgeEventNames).size, bridgeEventNames.length);
  });
});
