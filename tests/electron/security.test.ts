/**
 * The window's security settings, read from the data window.ts applies (security.ts imports no
 * Electron, so this runs under plain Node): node:test, `node --import tsx --test tests/electron/*.test.ts`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  contentSecurityPolicy,
  isAppUrl,
  isBlockedRequestUrl,
  isExternalWebUrl,
  isTrustedSender,
  windowSecurity,
} from '../../electron/main/security';

const directives = new Map(
  contentSecurityPolicy.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('window webPreferences', () => {
  const prefs = windowSecurity.webPreferences as Record<string, unknown>;

  it('isolates and sandboxes the page, with no Node anywhere', () => {
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
  });

  it('keeps web security on and the risky features off', () => {
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.experimentalFeatures, false);
    assert.equal(prefs.navigateOnDragDrop, false);
    assert.equal('enableRemoteModule' in prefs, false);
    assert.equal('enableBlinkFeatures' in prefs, false);
    assert.equal('preload' in prefs, false, 'the preload path is added by window.ts, not here');
  });

  it('makes no network request of its own (spellchecker dictionaries come from a CDN)', () => {
    assert.equal(prefs.spellcheck, false);
  });
});

describe('content security policy', () => {
  it('names no remote origin in any directive', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        assert.doesNotMatch(source, /^(https?|wss?|ftp):/i, `${name} allows ${source}`);
        assert.doesNotMatch(source, /\*/, `${name} allows a wildcard`);
        assert.doesNotMatch(source, /^[a-z0-9-]+(\.[a-z0-9-]+)+/i, `${name} allows host ${source}`);
      }
    }
  });

  it('denies by default and runs only our own scripts', () => {
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.equal(contentSecurityPolicy.includes("'unsafe-eval'"), false);
    assert.equal(directives.has('script-src-attr') || directives.has('script-src-elem'), false);
    assert.deepEqual(directives.get('connect-src'), ["'self'"]);
  });

  it('allows no plugins, frames, base rewriting or form posts', () => {
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.deepEqual(directives.get('frame-src'), ["'none'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(directives.get('base-uri'), ["'none'"]);
    assert.deepEqual(directives.get('form-action'), ["'none'"]);
  });

  it('is the policy the app actually sends', () => {
    assert.equal(windowSecurity.csp, contentSecurityPolicy);
  });
});

describe('URLs', () => {
  it('recognises only our renderer as the app', () => {
    assert.equal(isAppUrl('app://archive/index.html'), true);
    assert.equal(isAppUrl('app://archive/'), true);
    assert.equal(isAppUrl('app://other/index.html'), false);
    assert.equal(isAppUrl('file:///tmp/index.html'), false);
    assert.equal(isAppUrl('https://archive/index.html'), false);
    assert.equal(isAppUrl('not a url'), false);
  });

  it('offers only plain web links to the system browser', () => {
    assert.equal(isExternalWebUrl('https://baolangson.vn/bai-viet'), true);
    assert.equal(isExternalWebUrl('http://example.org/'), true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pw@example.org/',
      'app://archive/index.html',
      '',
    ]) {
      assert.equal(isExternalWebUrl(url), false, url);
    }
  });

  it('cancels every request that would leave the machine or read local files', () => {
    for (const url of [
      'https://fonts.googleapis.com/css',
      'http://127.0.0.1/',
      'wss://x/',
      'file:///etc/hosts',
    ]) {
      assert.equal(isBlockedRequestUrl(url), true, url);
    }
    for (const url of [
      'app://archive/assets/index.js',
      'data:image/png;base64,AA==',
      'blob:app://archive/1',
    ]) {
      assert.equal(isBlockedRequestUrl(url), false, url);
    }
  });
});

describe('IPC trusted sender', () => {
  const ok = { senderId: 7, windowId: 7, isMainFrame: true, frameUrl: 'app://archive/index.html' };

  it('accepts our window top frame showing our renderer', () => {
    assert.equal(isTrustedSender(ok), true);
  });

  it('refuses another window, an iframe, a foreign page, a closed window', () => {
    assert.equal(isTrustedSender({ ...ok, senderId: 8 }), false);
    assert.equal(isTrustedSender({ ...ok, isMainFrame: false }), false);
    assert.equal(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' }), false);
    assert.equal(isTrustedSender({ ...ok, frameUrl: 'file:///tmp/x.html' }), false);
    assert.equal(isTrustedSender({ ...ok, frameUrl: null }), false);
    assert.equal(isTrustedSender({ ...ok, windowId: null }), false);
  });
});

describe('one place for window security', () => {
  const mainDir = path.resolve(import.meta.dirname, '../../electron/main');
  const sources = fs
    .readdirSync(mainDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f, fs.readFileSync(path.join(mainDir, f), 'utf8')] as const);

  it('creates windows only in window.ts, with the shared webPreferences', () => {
    const creators = sources.filter(([, text]) => /new BrowserWindow\(/.test(text)).map(([f]) => f);
    assert.deepEqual(creators, ['window.ts']);
    const windowTs = sources.find(([f]) => f === 'window.ts')![1];
    assert.match(windowTs, /webPreferences: \{ \.\.\.windowSecurity\.webPreferences, preload/);
  });

  it('denies every permission and new window', () => {
    const windowTs = sources.find(([f]) => f === 'window.ts')![1];
    assert.match(
      windowTs,
      /setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/,
    );
    assert.match(windowTs, /setPermissionCheckHandler\(\(\) => false\)/);
    assert.match(windowTs, /return \{ action: 'deny' \}/);
  });

  it('keeps security.ts free of Electron so it stays testable', () => {
    const security = sources.find(([f]) => f === 'security.ts')![1];
    assert.doesNotMatch(security, /from 'electron'/);
  });
});
