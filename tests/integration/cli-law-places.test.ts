/**
 * `archive-reader search` on the bundled sample (copied to a temp folder; it holds laws), spawned as
 * a user runs it: a hit inside a law names its Điều and khoản on the hit's line, and a citation
 * query prints the place it names before the results.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SAMPLE = path.join(ROOT, 'resources/sample/archive.db');

let dir: string;
let db: string;

function search(args: string[], lang = 'vi_VN.UTF-8') {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
  delete env.ARCHIVE_READER_DB;
  const r = spawnSync(process.execPath, [BIN, '--db', db, 'search', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** The first line of each hit (`ID  title …`), by id. */
function hitLines(stdout: string): Map<string, string> {
  const lines = stdout.split('\n').filter((l) => /^[0-9a-f]{16} {2}/.test(l));
  return new Map(lines.map((l) => [l.slice(0, 16), l]));
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-law-places-'));
  db = path.join(dir, 'archive.db');
  fs.copyFileSync(SAMPLE, db);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('archive-reader search: places in laws', () => {
  test('a hit inside a law names its Điều and khoản on its line, as --json gives them', () => {
    const query = 'người chưa thành niên nơi cư trú';
    const hits = search([query, '--json'])
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; section?: { label: string; anchor: string } });
    const placed = hits.filter((h) => h.section);
    assert.ok(placed.length > 0, 'some hit lies inside a law');
    assert.match(placed[0].section!.label, /^Điều \d+[a-z]?\. /);
    assert.match(placed[0].section!.anchor, /^dieu-\d+[a-z]?(-khoan-\d+)?/);

    const lines = hitLines(search([query]));
    assert.equal(lines.size, hits.length);
    for (const h of hits) {
      const line = lines.get(h.id);
      assert.ok(line, `${h.id} is printed`);
      if (h.section) {
        assert.ok(
          line.endsWith(`› ${h.section.label} (#${h.section.anchor})`),
          `the place ends the hit's line: ${line}`,
        );
      } else assert.doesNotMatch(line, /›/);
    }
  });

  test('a citation query prints the place it names first', () => {
    const out = search(['Điều 12 Luật Cư trú']);
    const first = out.split('\n')[0];
    assert.match(first, /^→ Mở Điều 12 Luật Cư trú số 68\/2020\/QH14: [0-9a-f]{16}#dieu-12$/);
    const id = first.match(/([0-9a-f]{16})#/)![1];
    assert.ok(hitLines(out).has(id), 'the law itself is among the results');

    const khoan = search(['khoan 2 dieu 12 luat cu tru'], 'en_US.UTF-8').split('\n')[0];
    assert.equal(
      khoan,
      `→ Open Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14: ${id}#dieu-12-khoan-2`,
    );
  });

  test('a query that cites nothing prints no place first', () => {
    const out = search(['dân vận']);
    assert.match(out.split('\n')[0], /^\d+ kết quả/);
  });
});
