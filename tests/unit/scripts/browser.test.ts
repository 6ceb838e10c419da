/**
 * scripts/browser.mjs decides where the browser tests' Chromium comes from. Each case gives it a
 * machine (PATH lookups, files, uid, os-release, what an install does) and checks the decision;
 * nothing is ever installed: `run` only records the commands.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ensureBrowser,
  findBrowser,
  installPlan,
  type BrowserSystem,
} from '../../../scripts/browser.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const ELF = '\x7fELF\x02\x01\x01\0\0\0';
const SNAP_STUB = '#!/bin/sh\n# transitional package\nexec /snap/bin/chromium "$@"\n';
const DEBIAN_WRAPPER = '#!/bin/sh\n# Chromium launcher\nexec /usr/lib/chromium/chromium "$@"\n';

interface Machine {
  env?: Record<string, string>;
  platform?: string;
  uid?: number | null;
  files?: Record<string, string>; // path → first bytes
  path?: Record<string, string>; // command name → its file on PATH
  osRelease?: string;
  playwright?: string | null;
  /** What running an install puts on the machine: command line → files it creates. */
  installs?: Record<string, Record<string, string>>;
}

function machine(m: Machine): BrowserSystem & { ran: string[] } {
  const files = { ...m.files };
  const ran: string[] = [];
  return {
    ran,
    env: m.env ?? {},
    platform: m.platform ?? 'linux',
    uid: m.uid === undefined ? 1000 : m.uid,
    exists: (file) => file in files,
    head: (file) => files[file] ?? '',
    which: (name) => (m.path?.[name] && m.path[name] in files ? m.path[name] : null),
    osRelease: () => m.osRelease ?? '',
    playwrightChromium: () => m.playwright ?? null,
    run: (command, args) => {
      const line = [command, ...args].join(' ');
      ran.push(line);
      const made = m.installs?.[line];
      if (made) Object.assign(files, made);
      return made !== undefined;
    },
  };
}

describe('findBrowser', () => {
  test('CHROMIUM_PATH first, even with a system Chromium', () => {
    const m = machine({
      env: { CHROMIUM_PATH: '/opt/my/chrome' },
      files: { '/opt/my/chrome': ELF, '/usr/bin/chromium': DEBIAN_WRAPPER },
      path: { chromium: '/usr/bin/chromium' },
    });
    assert.deepEqual(findBrowser(m), { path: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
  });

  test('a CHROMIUM_PATH that does not exist is not replaced by a guess', () => {
    const m = machine({
      env: { CHROMIUM_PATH: '/nowhere/chrome' },
      files: { '/usr/bin/chromium': DEBIAN_WRAPPER },
    });
    assert.equal(findBrowser(m), null);
    const r = ensureBrowser({ system: m });
    assert.equal(r.path, null);
    assert.match(r.message, /CHROMIUM_PATH .*\/nowhere\/chrome/);
    assert.deepEqual(m.ran, []);
  });

  test('on PATH in order: chromium before google-chrome', () => {
    const m = machine({
      files: { '/usr/local/bin/chromium': ELF, '/usr/bin/google-chrome': ELF },
      path: { chromium: '/usr/local/bin/chromium', 'google-chrome': '/usr/bin/google-chrome' },
    });
    assert.deepEqual(findBrowser(m), { path: '/usr/local/bin/chromium', source: 'system' });
  });

  test('a common install path when PATH has none', () => {
    const m = machine({ files: { '/opt/google/chrome/chrome': ELF } });
    assert.deepEqual(findBrowser(m), { path: '/opt/google/chrome/chrome', source: 'system' });
  });

  test("Debian's launcher script is a browser; Ubuntu's snap stand-in is not", () => {
    assert.equal(
      findBrowser(machine({ files: { '/usr/bin/chromium': DEBIAN_WRAPPER } }))?.path,
      '/usr/bin/chromium',
    );
    const ubuntu = machine({
      files: { '/usr/bin/chromium-browser': SNAP_STUB },
      path: { 'chromium-browser': '/usr/bin/chromium-browser' },
    });
    assert.equal(findBrowser(ubuntu), null);
  });

  test("Playwright's own Chromium when the system has none, only if it was downloaded", () => {
    const own = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    assert.deepEqual(findBrowser(machine({ playwright: own, files: { [own]: ELF } })), {
      path: own,
      source: 'playwright',
    });
    assert.equal(findBrowser(machine({ playwright: own })), null);
  });

  test('macOS: the Chrome application', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    assert.equal(
      findBrowser(machine({ platform: 'darwin', files: { [chrome]: 'x' } }))?.path,
      chrome,
    );
  });
});

describe('installPlan', () => {
  test('Debian as root: apt-get update, then install chromium', () => {
    const plan = installPlan(machine({ uid: 0, osRelease: DEBIAN }));
    assert.equal(plan.how, 'apt-get');
    assert.deepEqual(plan.steps, [
      ['apt-get', ['update', '-qq']],
      ['apt-get', ['install', '-y', '-qq', 'chromium']],
    ]);
  });

  test('Debian as a user: nothing run, the sudo command told', () => {
    const plan = installPlan(machine({ uid: 1000, osRelease: DEBIAN }));
    assert.equal(plan.how, 'sudo');
    assert.equal(plan.steps, null);
    assert.equal(plan.label, 'sudo apt-get install -y chromium');
  });

  test("Ubuntu and its derivatives, even as root: Playwright's download, not the snap", () => {
    for (const osRelease of [UBUNTU, MINT]) {
      assert.equal(installPlan(machine({ uid: 0, osRelease })).how, 'playwright');
    }
  });

  test('other systems: Playwright', () => {
    assert.equal(installPlan(machine({ uid: 0, osRelease: FEDORA })).how, 'playwright');
    assert.equal(installPlan(machine({ platform: 'win32', uid: null })).how, 'playwright');
    assert.equal(
      installPlan(machine({ platform: 'darwin' })).label,
      'npx playwright install chromium',
    );
  });
});

describe('ensureBrowser', () => {
  test('found: nothing is run, the message names it', () => {
    const m = machine({ files: { '/usr/bin/chromium': DEBIAN_WRAPPER } });
    const r = ensureBrowser({ system: m });
    assert.equal(r.path, '/usr/bin/chromium');
    assert.match(r.message, /Browser for the tests: \/usr\/bin\/chromium/);
    assert.deepEqual(m.ran, []);
  });

  test('Debian as root with none: installs with apt-get and says so in one sentence', () => {
    const m = machine({
      uid: 0,
      osRelease: DEBIAN,
      installs: {
        'apt-get update -qq': {},
        'apt-get install -y -qq chromium': { '/usr/bin/chromium': DEBIAN_WRAPPER },
      },
    });
    const r = ensureBrowser({ system: m });
    assert.deepEqual(m.ran, ['apt-get update -qq', 'apt-get install -y -qq chromium']);
    assert.equal(r.path, '/usr/bin/chromium');
    assert.match(r.message, /installed with apt-get update && apt-get install -y chromium/);
    assert.equal(r.message.split('\n').length, 1);
  });

  test('apt-get fails: Playwright is tried next', () => {
    const own = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    const m = machine({
      uid: 0,
      osRelease: DEBIAN,
      playwright: own,
      installs: {
        'apt-get update -qq': {},
        'npx playwright install chromium': { [own]: ELF },
      },
    });
    const r = ensureBrowser({ system: m });
    assert.deepEqual(m.ran, [
      'apt-get update -qq',
      'apt-get install -y -qq chromium',
      'npx playwright install chromium',
    ]);
    assert.equal(r.path, own);
    assert.match(r.message, /npx playwright install chromium/);
  });

  test('nothing can be installed: exactly what to run', () => {
    const m = machine({ uid: 0, osRelease: UBUNTU }); // the download fails: no `installs`
    const r = ensureBrowser({ system: m });
    assert.deepEqual(m.ran, ['npx playwright install chromium']);
    assert.equal(r.path, null);
    assert.match(r.message, /run `npx playwright install chromium` \(or set CHROMIUM_PATH\)/);
  });

  test('a Debian user without root: told the sudo command, nothing run', () => {
    const m = machine({ uid: 1000, osRelease: DEBIAN });
    const r = ensureBrowser({ system: m });
    assert.deepEqual(m.ran, []);
    assert.match(r.message, /run `sudo apt-get install -y chromium`/);
  });

  test('install: false only finds', () => {
    const m = machine({ uid: 0, osRelease: DEBIAN });
    assert.equal(ensureBrowser({ install: false, system: m }).path, null);
    assert.deepEqual(m.ran, []);
  });
});
