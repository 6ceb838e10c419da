/**
 * Offline Vietnamese OCR of scans (tests/fixtures/pdf/make.sh: page 2 of a decree printed at
 * 200 dpi with noise and a 0.6° tilt): the recognised text reaches a stated character accuracy
 * against the page's known text, is marked as recognised, and is read with the network cut off.
 * Each recognition takes some seconds on this machine; speed is measured by bench/ocr.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFile, type DraftItem } from '../../../electron/core/importers/index';
import { blockText } from '../../../electron/core/archive/layout';
import { characterAccuracy, levenshtein } from '../../fixtures/pdf/accuracy';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/pdf');
const fixture = (name: string) => path.join(FIXTURES, name);
const KNOWN = fs.readFileSync(fixture('scan.txt'), 'utf8');
/**
 * The floor: Tesseract's `vie` model reads these scans at 99.7–99.9 %. The known text with its
 * diacritics dropped (what a model without Vietnamese letters gives) scores 78.6 %, and its two
 * halves swapped (a broken reading order) 23 %.
 */
const MIN_ACCURACY = 0.97;

async function draftOf(file: string, signal?: AbortSignal) {
  const all: DraftItem[] = [];
  for await (const item of readFile(file, { signal })) all.push(item);
  assert.equal(all.length, 1);
  return all[0];
}

const textOf = (item: DraftItem) => (item.ok ? item.draft.blocks.map(blockText).join('\n') : '');

test('the accuracy measure: Levenshtein over code points of NFC text', () => {
  assert.equal(levenshtein('kitten', 'sitting'), 3);
  assert.equal(levenshtein('Việt', 'Vie\u0302\u0323t'.normalize('NFC')), 0);
  assert.ok(Math.abs(characterAccuracy('Hà Nội', 'Ha Noi') - 4 / 6) < 1e-9);
  assert.equal(characterAccuracy('x'.repeat(50), 'abc'), 0);
});

describe('scans are recognised offline, off the engine thread, and marked as such', () => {
  for (const name of ['scan.pdf', 'scan.jpg', 'scan.png', 'scan.tif']) {
    test(`${name}: character accuracy ≥ ${MIN_ACCURACY * 100} %`, async () => {
      const item = await draftOf(fixture(name));
      assert.ok(item.ok, item.ok ? '' : item.error.describe('en'));
      const accuracy = characterAccuracy(textOf(item), KNOWN);
      assert.ok(accuracy >= MIN_ACCURACY, `accuracy ${accuracy.toFixed(4)}`);
      const { recognition, pageCount, blocks } = item.draft;
      assert.equal(recognition?.engine, 'tesseract');
      assert.deepEqual(recognition?.pages, [1]);
      assert.ok(recognition!.confidence > 80 && recognition!.confidence <= 100);
      assert.equal(pageCount, 1);
      assert.ok(blocks.every((b) => b.page === 1));
      assert.ok(!blocks.some((b) => blockText(b).trim() === '2'), 'the page number is furniture');
      const media = { 'scan.pdf': 'application/pdf', 'scan.jpg': 'image/jpeg' } as const;
      if (name in media) assert.equal(item.original?.mediaType, media[name as keyof typeof media]);
    });
  }

  test('a PDF whose fonts have no Unicode map is recognised instead of giving glyph numbers', async () => {
    const item = await draftOf(fixture('no-unicode.pdf'));
    assert.ok(item.ok, item.ok ? '' : item.error.describe('en'));
    assert.deepEqual(item.draft.recognition?.pages, [1, 2, 3, 4]);
    const text = textOf(item);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0008\u000e-\u001f]/);
    assert.match(text, /Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026/);
    assert.equal(item.draft.docNumber, '123/2026/NĐ-CP', 'the header read from the OCR text');
    assert.ok(!text.includes('CÔNG BÁO/Số 601'), 'the running header is removed from OCR text too');
  });

  test('cancelling stops the recognition and says so, before or during a page', async () => {
    // At once, and later (during the recognition of the page, or even before it starts on a
    // slow machine): the worker thread is terminated either way and the file says so.
    for (const delay of [0, 1500]) {
      const controller = new AbortController();
      const reading = draftOf(fixture('scan.jpg'), controller.signal);
      setTimeout(() => controller.abort(), delay);
      const item = await reading;
      assert.ok(!item.ok);
      assert.equal(item.error.code, 'import.cancelled');
      assert.equal(item.error.describe('en'), 'Importing this file was cancelled.');
    }
  });

  test('recognition works with every network call refused, in the worker thread too', () => {
    const guard = fixture('no-network.mjs');
    const script = [
      `import { readFile } from ${JSON.stringify(path.resolve('electron/core/importers/index.ts'))};`,
      `for await (const item of readFile(${JSON.stringify(fixture('scan.png'))}))`,
      `  console.log(JSON.stringify(item.ok ? item.draft.recognition : item.error.code));`,
    ].join('\n');
    // A file, not -e: worker threads inherit the flags, and -e's would not suit them.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-offline-')), 'read.mts');
    fs.writeFileSync(file, script);
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', guard, file], {
      encoding: 'utf8',
    });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    assert.equal(child.status, 0, child.stderr);
    assert.doesNotMatch(child.stderr, /network attempt/);
    // The guard ran in the main thread and in Tesseract's worker thread.
    const threads = [...child.stderr.matchAll(/offline guard in thread (\d+)/g)].map((m) => +m[1]);
    assert.ok(threads.includes(0) && threads.some((t) => t > 0), child.stderr);
    assert.equal(JSON.parse(child.stdout.trim()).engine, 'tesseract');
  });
});
