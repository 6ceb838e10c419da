/** Facts about the machine a run came from, printed above every table. */
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

export interface MachineFacts {
  cpu: string;
  cores: number;
  ramBytes: number;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  platform: string;
  date: string;
  /** The code measured: commit, and how many engine files differed from it. */
  commit: string;
  engineFilesChanged: number;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // not Linux: fall through
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return '';
  }
}

export function machineFacts(root: string): MachineFacts {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  const pkg = require('better-sqlite3/package.json') as { version: string };
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    ramBytes: os.totalmem(),
    node: process.version,
    sqlite,
    betterSqlite3: pkg.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD'], root).trim() || 'unknown',
    engineFilesChanged: git(['status', '--porcelain', '--', 'electron/core'], root)
      .split('\n')
      .filter(Boolean).length,
  };
}
