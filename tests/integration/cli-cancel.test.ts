/**
 * Ctrl-C during `archive-reader import`, spawned as a user runs it, on a big input (the 40,000
 * VietNews articles): once the archive holds a first batch, SIGINT; the command keeps what it
 * committed, says so in one sentence with the counts, and ends with status 130; the archive
 * passes integrity_check. A second Ctrl-C ends at once, the transaction in flight rolled back.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const BIG = path.resolve(ROOT, '../shared/corpus/vietnews-train-40k.jsonl.gz');
const TOTAL = 40_000;

let dir: string;
before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-cancel-'))));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Articles in the archive, read beside the writer (WAL); 0 while it has none or no table yet. */
function articles(db: string): number {
  if (!fs.existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } catch {
    return 0; // the schema is still being created
  } finally {
    conn.close();
  }
}

function integrity(db: string): string {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

/** Starts the import; once its first batch is committed sends `interrupts` SIGINTs; its end. */
async function interruptedImport(db: string, interrupts: number, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, '--db', db, 'import', BIG], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let exited = false;
  void ended.then(() => (exited = true));
  // Waits for a condition (the first committed batch), not for a time.
  while (!exited && articles(db) === 0) await delay(50);
  assert.ok(!exited, `the import ran until interrupted: ${stderr}`);
  for (let i = 0; i < interrupts; i++) child.kill('SIGINT');
  return { status: await ended, stdout, stderr };
}

describe('Ctrl-C during archive-reader import', () => {
  test('keeps what was committed, says so in one sentence, and exits with 130', async () => {
    const db = path.join(dir, 'once.db');
    const r = await interruptedImport(db, 1);
    assert.equal(r.status, 130, r.stdout + r.stderr);
    const lines = r.stdout.split('\n').filter((l) => l.trim());
    assert.equal(lines.length, 1, r.stdout);
    const said = /^Đã hủy nhập; giữ lại (\d+) bài đã nhập \((\d+) bài trùng, 0 lỗi\)\.$/.exec(
      lines[0],
    );
    assert.ok(said, lines[0]);
    const kept = Number(said[1]);
    assert.ok(kept > 0 && kept < TOTAL, `${kept} kept`);
    assert.equal(articles(db), kept, 'the sentence counts what the archive holds');
    assert.equal(integrity(db), 'ok');
    assert.doesNotMatch(r.stderr, /^\s+at |Error:/m);
  });

  test('says it in English where the terminal is English', async () => {
    const db = path.join(dir, 'english.db');
    const r = await interruptedImport(db, 1, { LANG: 'en_US.UTF-8' });
    assert.equal(r.status, 130, r.stderr);
    assert.match(r.stdout, /^Import cancelled; kept \d+ articles already imported \(/);
  });

  test('a second Ctrl-C ends at once, and the archive is sound', async () => {
    const db = path.join(dir, 'twice.db');
    const r = await interruptedImport(db, 2);
    assert.equal(r.status, 130, r.stderr);
    assert.equal(integrity(db), 'ok');
    const kept = articles(db);
    assert.ok(kept > 0 && kept < TOTAL, `${kept} kept`);
  });
});
