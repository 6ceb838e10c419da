/**
 * `archive-reader bundle export` and `bundle import`, spawned as a user runs them.
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
const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';

let dir: string;

function run(args: string[], lang = 'vi_VN.UTF-8') {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
  delete env.ARCHIVE_READER_DB;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[]): string {
  const r = run(args);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Exit status 1 and one sentence on stderr, without a stack trace. */
function oneLineError(r: ReturnType<typeof run>, pattern: RegExp): void {
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /^\s+at |Error:|\.ts:\d+/m);
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-cli-test-'));
  const records = [
    { id: 'r1', title: 'Đà Nẵng đón khách du lịch', body: 'Thành phố đón nhiều khách.' },
    { id: 'r2', title: 'Hội nghị dân vận khéo', body: 'Huyện biểu dương điển hình.' },
  ];
  fs.writeFileSync(path.join(dir, 'news.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  ok(['--db', path.join(dir, 'a.db'), 'import', SEED, path.join(dir, 'news.jsonl')]);
  ok(['--db', path.join(dir, 'b.db'), 'import', SEED]);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('archive-reader bundle', () => {
  test('export, then import into another archive: the report counts what was added', () => {
    const file = path.join(dir, 'a.arbundle');
    const exported = JSON.parse(
      ok(['--db', path.join(dir, 'a.db'), 'bundle', 'export', file, '--json']),
    );
    assert.equal(exported.counts.articles, 3);
    assert.equal(exported.path, file);
    assert.ok(fs.statSync(file).size === exported.bytes);

    const report = JSON.parse(
      ok(['--db', path.join(dir, 'b.db'), 'bundle', 'import', file, '--json']),
    );
    assert.deepEqual(report.articles, { added: 2, present: 1, refused: 0 });

    const text = ok(['--db', path.join(dir, 'b.db'), 'bundle', 'import', file]);
    assert.match(text, /Bài: 0 bài mới, 3 bài đã có, 0 bài bị từ chối\./);
    const english = run(['--db', path.join(dir, 'b.db'), 'bundle', 'import', file], 'en_GB.UTF-8');
    assert.match(english.stdout, /Articles: 0 added, 3 already here, 0 refused\./);
  });

  test('--since takes the dates the other commands take, and says when nothing matches', () => {
    const file = path.join(dir, 'since.arbundle');
    oneLineError(
      run(['--db', path.join(dir, 'a.db'), 'bundle', 'export', file, '--since', '01/01/2099']),
      /Không có bài nào phù hợp/,
    );
    oneLineError(
      run(['--db', path.join(dir, 'a.db'), 'bundle', 'export', file, '--since', '31/02/2024']),
      /Ngày “31\/02\/2024” không hợp lệ/,
    );
    assert.equal(fs.existsSync(file), false);
  });

  test('importing what is not a bundle is one sentence, exit status 1', () => {
    oneLineError(
      run(['--db', path.join(dir, 'b.db'), 'bundle', 'import', SEED]),
      /không phải là gói lưu trữ/,
    );
    oneLineError(
      run([
        '--db',
        path.join(dir, 'b.db'),
        'bundle',
        'import',
        path.join(dir, 'khong-co.arbundle'),
      ]),
      /Không tìm thấy tệp/,
    );
  });
});
