/**
 * What the bad-input tests share: fixtures, a folder holding the reference article beside a bad
 * file, a fresh archive per folder, and checks that a file is listed with its sentence.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import type { ImportSummary } from '../../electron/api/contract';
import { UserError } from '../../electron/core/errors';
import type { MessageCode } from '../../electron/core/messages';
import { readFile, type DraftItem } from '../../electron/core/importers/index';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BAD = path.join(ROOT, 'tests/fixtures/bad');
export const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
export const SEED_TITLE = 'Bước tiến mới trong công tác dân vận ở Lạng Sơn';
/** The seed sorts after every bad file, so it proves the import went on past them. */
export const SEED_NAME = 'zz-bai-mau.txt';
export const ARTICLE_TITLE = 'Xã Tân Thành hoàn thành số hóa hồ sơ hộ tịch';

export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** A new folder holding the seed and whatever `fill` puts beside it. */
export function folderWithSeed(fill: (dir: string) => void): string {
  const dir = path.join(tmp, `case-${++folders}`);
  fs.mkdirSync(dir);
  fs.copyFileSync(SEED, path.join(dir, SEED_NAME));
  fill(dir);
  return dir;
}

export function copyFixtures(...names: string[]) {
  return (dir: string) =>
    names.forEach((n) => fs.copyFileSync(path.join(BAD, n), path.join(dir, n)));
}

export interface Outcome {
  summary: ImportSummary;
  rows: { title: string; date: string | null; url: string | null; source_id: string }[];
}

/** Import the folder into a fresh archive; the seed must be there afterwards, whatever else. */
export async function importFolder(dir: string): Promise<Outcome> {
  const archive = Archive.open(path.join(dir, '..', `${path.basename(dir)}.db`));
  try {
    const summary = await archive.importPaths([dir]);
    const rows = archive.db
      .prepare('SELECT title, date, url, source_id FROM articles ORDER BY rowid')
      .all() as Outcome['rows'];
    assert.ok(
      rows.some((r) => r.title === SEED_TITLE),
      `the seed beside the bad file was not imported: ${JSON.stringify(summary.failed)}`,
    );
    const hits = archive.search({ query: 'dan van lang son' }).hits;
    assert.equal(hits[0]?.title, SEED_TITLE, 'the seed is searchable');
    return { summary, rows };
  } finally {
    archive.close();
  }
}

/** The file is listed once with exactly this sentence (Vietnamese, the archive's language). */
export function assertListed(
  summary: ImportSummary,
  file: string,
  code: MessageCode,
  params: Record<string, string | number> = {},
) {
  const expected = new UserError(code, params).describe('vi');
  const entries = summary.failed.filter((f) => f.path === file);
  assert.deepEqual(
    entries.map((f) => f.error),
    [expected],
    `${file}: ${JSON.stringify(summary.failed)}`,
  );
}

/** One sentence in each language: no placeholder left, no stack, no line break. */
export function assertSentences(error: UserError) {
  for (const locale of ['vi', 'en'] as const) {
    const text = error.describe(locale);
    assert.ok(text.length > 5 && text.length < 400, `${locale}: ${text}`);
    assert.doesNotMatch(text, /[{}\n]|undefined|\bat \S+:\d+/, `${locale}: ${text}`);
  }
  assert.match(error.describe('vi'), /[ăâđêôơưạảấầậắặẹẻếềểệỉịọỏốồổộớờởợụủứừửữựỳỹ]/i);
}

export async function items(file: string): Promise<DraftItem[]> {
  const out: DraftItem[] = [];
  for await (const item of readFile(file)) out.push(item);
  return out;
}

/** The importer's own verdict on one file: the codes of its error items, each a sentence. */
export async function errorCodes(file: string): Promise<string[]> {
  const all = await items(file);
  const errors = all.filter((i): i is Extract<DraftItem, { ok: false }> => !i.ok);
  errors.forEach((e) => assertSentences(e.error));
  return errors.map((e) => e.error.code);
}
