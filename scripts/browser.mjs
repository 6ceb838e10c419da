// The Chromium (or Chrome) that the browser tests and `npm start`'s browser host use, found in
// this order: CHROMIUM_PATH, a Chromium or Chrome of the system, Playwright's own download. Where
// there is none, `npm test` installs one the way the machine allows (Debian as root: apt-get;
// elsewhere `npx playwright install chromium`, which needs to reach Playwright's download site)
// and says in one sentence what it did, or exactly what to run.
// Every decision reads the machine through `system`, so the tests give it another one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const COMMON_PATHS = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** The real machine. */
export function realSystem() {
  const require = createRequire(import.meta.url);
  return {
    env: process.env,
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    exists: (file) => fs.existsSync(file),
    /** The first bytes of a file, to tell a snap's stand-in script from a browser. */
    head: (file) => {
      try {
        const fd = fs.openSync(file, 'r');
        const buffer = Buffer.alloc(4096);
        const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
        fs.closeSync(fd);
        return buffer.subarray(0, n).toString('latin1');
      } catch {
        return '';
      }
    },
    which: (name) => {
      const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
      const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
      for (const dir of dirs)
        for (const ext of exts) {
          const file = path.join(dir, name + ext);
          if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
        }
      return null;
    },
    osRelease: () => {
      try {
        return fs.readFileSync('/etc/os-release', 'utf8');
      } catch {
        return '';
      }
    },
    playwrightChromium: () => {
      try {
        return require('playwright-core').chromium.executablePath() || null;
      } catch {
        return null;
      }
    },
    run: (command, args) =>
      spawnSync(command, args, {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        shell: process.platform === 'win32',
      }).status === 0,
  };
}

/** Ubuntu's chromium packages install a script that asks snapd for the browser: not a browser. */
function isSnapStandIn(system, file) {
  const script = system.head(file).split('\0')[0]; // a binary's header stops at its first NUL
  return file.startsWith('/snap/') || /\/snap\/bin\/|\bsnap (run|install)\b/.test(script);
}

/** `{ path, source: 'CHROMIUM_PATH' | 'system' | 'playwright' }`, or null when there is none. */
export function findBrowser(system = realSystem()) {
  const fromEnv = system.env.CHROMIUM_PATH;
  if (fromEnv) return system.exists(fromEnv) ? { path: fromEnv, source: 'CHROMIUM_PATH' } : null;
  const candidates = [
    ...NAMES.map((name) => system.which(name)).filter(Boolean),
    ...(COMMON_PATHS[system.platform] ?? []),
  ];
  for (const file of candidates) {
    if (system.exists(file) && !isSnapStandIn(system, file))
      return { path: file, source: 'system' };
  }
  const own = system.playwrightChromium();
  if (own && system.exists(own)) return { path: own, source: 'playwright' };
  return null;
}

function osId(system) {
  const text = system.osRelease();
  const field = (name) =>
    (text.match(new RegExp(`^${name}=("?)([^"\\n]*)\\1`, 'm'))?.[2] ?? '').toLowerCase();
  return { id: field('ID'), like: field('ID_LIKE').split(/\s+/) };
}

/**
 * How a browser can be had here: the steps to run (null when this process cannot run them) and
 * the one command to tell the user.
 */
const PLAYWRIGHT_INSTALL = {
  how: 'playwright',
  label: 'npx playwright install chromium',
  steps: [['npx', ['playwright', 'install', 'chromium']]],
};

export function installPlan(system = realSystem()) {
  const playwright = PLAYWRIGHT_INSTALL;
  if (system.platform !== 'linux') return playwright;
  const { id, like } = osId(system);
  // Ubuntu's `chromium` is a snap stand-in (no snapd in containers, no use to Playwright).
  const debian =
    id === 'debian' || (like.includes('debian') && id !== 'ubuntu' && !like.includes('ubuntu'));
  if (!debian) return playwright;
  if (system.uid === 0) {
    return {
      how: 'apt-get',
      label: 'apt-get update && apt-get install -y chromium',
      steps: [
        ['apt-get', ['update', '-qq']],
        ['apt-get', ['install', '-y', '-qq', 'chromium']],
      ],
    };
  }
  return { how: 'sudo', label: 'sudo apt-get install -y chromium', steps: null };
}

const say = {
  found: (b) => `Trình duyệt cho kiểm thử: ${b.path} · Browser for the tests: ${b.path}`,
  installed: (how, b) =>
    `Máy chưa có Chromium nên đã cài bằng ${how}: ${b.path} · There was no Chromium, so it was installed with ${how}: ${b.path}`,
  none: (label) =>
    `Không có Chromium hay Chrome và không tự cài được: hãy chạy \`${label}\` (hoặc đặt CHROMIUM_PATH) rồi chạy lại · ` +
    `No Chromium or Chrome, and none could be installed: run \`${label}\` (or set CHROMIUM_PATH), then try again`,
};

/**
 * The browser, installing one when there is none and `install` allows. Returns `{ path, message }`
 * or `{ path: null, message }`; `message` is the one sentence to show.
 */
export function ensureBrowser({ install = true, system = realSystem() } = {}) {
  const found = findBrowser(system);
  if (found) return { path: found.path, source: found.source, message: say.found(found) };
  const plan = installPlan(system);
  if (system.env.CHROMIUM_PATH) {
    const file = system.env.CHROMIUM_PATH;
    return {
      path: null,
      message: `CHROMIUM_PATH chỉ tới tệp không có: ${file} · CHROMIUM_PATH names a file that does not exist: ${file}`,
    };
  }
  if (install && plan.steps) {
    const done = plan.steps.every(([command, args]) => system.run(command, args));
    const after = done ? findBrowser(system) : null;
    if (after)
      return { path: after.path, source: after.source, message: say.installed(plan.label, after) };
    // apt-get failed or gave nothing usable: Playwright's download is the other way.
    if (plan.how === 'apt-get') {
      const other = PLAYWRIGHT_INSTALL;
      const ok = other.steps.every(([command, args]) => system.run(command, args));
      const got = ok ? findBrowser(system) : null;
      if (got)
        return { path: got.path, source: got.source, message: say.installed(other.label, got) };
    }
  }
  return { path: null, message: say.none(plan.label) };
}

/** Open `url` for the user where there is a screen: the system's opener, else a found browser. */
export function openInBrowser(url, system = realSystem()) {
  const screen =
    system.platform !== 'linux' || Boolean(system.env.DISPLAY || system.env.WAYLAND_DISPLAY);
  if (!screen) return false;
  const opener = { darwin: 'open', win32: 'explorer' }[system.platform] ?? system.which('xdg-open');
  const command = opener ?? findBrowser(system)?.path;
  if (!command) return false;
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
  return true;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
) {
  const result = ensureBrowser({ install: !process.argv.includes('--no-install') });
  console.log(result.message);
  process.exit(result.path ? 0 : 1);
}
