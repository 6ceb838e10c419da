/**
 * PDFs with a text layer, made by LibreOffice from a real decree of the corpus
 * (tests/fixtures/pdf/make.sh): every paragraph of the source comes back, on its page, without
 * the running header and page numbers; bad PDFs are one sentence each. OCR: ocr.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFile, type DraftItem } from '../../../electron/core/importers/index';
import { blockText } from '../../../electron/core/archive/layout';
import { Archive } from '../../../electron/core/archive/archive';
import type { ImportProgress } from '../../../electron/api/contract';
import {
  fontEncoding,
  isGarbage,
  MAX_PDF_PAGES,
} from '../../../electron/core/importers/pdf/document';
import { isPageNumber, removeFurniture } from '../../../electron/core/importers/pdf/furniture';
import {
  joinLines,
  pageLines,
  pageParagraphs,
  readingOrder,
  type TextRun,
} from '../../../electron/core/importers/pdf/layout';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/pdf');
const fixture = (name: string) => path.join(FIXTURES, name);
const source = JSON.parse(fs.readFileSync(fixture('decree.json'), 'utf8')) as {
  number: string;
  paragraphs: string[];
};
const popplerPages = JSON.parse(fs.readFileSync(fixture('decree-pages.json'), 'utf8')) as string[];
const norm = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'importers-pdf-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

async function items(file: string, onPage?: (done: number, total: number) => void) {
  const out: DraftItem[] = [];
  for await (const item of readFile(file, { onPage })) out.push(item);
  return out;
}

async function draftOf(file: string) {
  const all = await items(file);
  assert.equal(all.length, 1);
  const [item] = all;
  assert.ok(item.ok, item.ok ? '' : item.error.describe('en'));
  return item;
}

async function refusal(file: string) {
  const all = await items(file);
  assert.equal(all.length, 1);
  const [item] = all;
  assert.ok(!item.ok, 'expected the file to be refused');
  for (const locale of ['vi', 'en'] as const) {
    const sentence = item.error.describe(locale);
    assert.match(sentence, /^[^\n]+[.)]$/u, `one sentence: ${sentence}`);
    assert.doesNotMatch(sentence, /\{\w+\}|Error|at \//);
  }
  return item.error;
}

describe('a typed PDF (LibreOffice, 4 pages, running header, page numbers)', async () => {
  const item = await draftOf(fixture('decree.pdf'));
  const { draft } = item;
  const texts = draft.blocks.map((b) => norm(blockText(b)));

  test('every paragraph of the source is one paragraph of the article', () => {
    const missing = source.paragraphs.map(norm).filter((p) => !texts.includes(p));
    // The two-column header and the signature block share lines with their neighbours.
    assert.ok(missing.length <= 3, `not found whole:\n${missing.join('\n')}`);
    const lost = missing.filter((p) => !texts.some((t) => t.includes(p)));
    assert.deepEqual(lost, [], 'every paragraph is found, at least inside a longer one');
  });

  test('each block carries the page it starts on', () => {
    assert.equal(draft.pageCount, 4);
    const pages = popplerPages.map(norm);
    for (const block of draft.blocks) {
      const start = norm(blockText(block)).slice(0, 30);
      assert.ok(pages[block.page! - 1]?.includes(start), `“${start}” is on page ${block.page}`);
    }
    assert.deepEqual([...new Set(draft.blocks.map((b) => b.page))], [1, 2, 3, 4]);
  });

  test('no running header, no page number, no paragraph split by a page break', () => {
    assert.ok(!texts.some((t) => t.includes('CÔNG BÁO/Số 601')), 'the running header is gone');
    assert.ok(!texts.some((t) => /^\d{1,3}$/.test(t)), 'no lone page number');
    const carried = source.paragraphs.map(norm).find((p) => p.startsWith('Chúng tôi hoàn toàn'));
    const block = draft.blocks.find((b) => norm(blockText(b)) === carried);
    assert.ok(block, 'the paragraph running from page 3 to page 4 is whole');
    assert.equal(block.page, 3);
  });

  test('the official header gives the facts and the title; the file goes with the draft', () => {
    assert.equal(draft.docNumber, '123/2026/NĐ-CP');
    assert.equal(draft.docType, 'Nghị định');
    assert.equal(draft.issuer, 'Chính phủ');
    assert.equal(draft.place, 'Hà Nội');
    assert.equal(draft.date, '2026-04-04');
    assert.match(draft.title, /^Nghị định 123\/2026\/NĐ-CP quy định chi tiết một số điều Luật/);
    assert.equal(draft.recognition, null, 'a text layer is not OCR');
    assert.equal(item.ok && item.original?.mediaType, 'application/pdf');
    assert.ok(
      item.ok && Buffer.from(item.original!.bytes).equals(fs.readFileSync(fixture('decree.pdf'))),
    );
  });

  test('progress is reported after each page', async () => {
    const seen: string[] = [];
    await items(fixture('decree.pdf'), (done, total) => seen.push(`${done}/${total}`));
    assert.deepEqual(seen, ['1/4', '2/4', '3/4', '4/4']);
  });
});

test('a PDF typed in VNI-Windows under VNI-Times reads as Unicode', async () => {
  const { draft } = await draftOf(fixture('vni.pdf'));
  assert.equal(draft.encoding, 'vni');
  const texts = draft.blocks.map((b) => norm(blockText(b)));
  const expected = JSON.parse(fs.readFileSync(fixture('vni.json'), 'utf8')) as string[];
  assert.deepEqual(
    expected.map(norm).filter((p) => !texts.includes(p)),
    [],
  );
});

test("an archive's import reports the pages of the PDF it is reading", async () => {
  const archive = Archive.open(path.join(dir, 'progress.db'));
  try {
    const seen: string[] = [];
    archive.events.on('importProgress', (p: ImportProgress) => {
      if (p.pages)
        seen.push(`${p.current && path.basename(p.current)} ${p.pages.done}/${p.pages.total}`);
    });
    const summary = await archive.importPaths([fixture('decree.pdf')]);
    assert.equal(summary.imported, 1);
    // Each page once as it is read, again with the batch's commit; nothing after the file.
    const distinct = seen.filter((s, k) => s !== seen[k - 1]);
    assert.deepEqual(
      distinct,
      [1, 2, 3, 4].map((n) => `decree.pdf ${n}/4`),
    );
  } finally {
    archive.close();
  }
});

test('VNI-Windows text in a font that does not say so is recognised by its text', async () => {
  // The same file with the font renamed (same length, so the cross-reference table holds).
  const bytes = fs.readFileSync(fixture('vni.pdf'));
  const renamed = Buffer.from(
    bytes.toString('latin1').replaceAll('VNI-Times', 'LibSerifX'),
    'latin1',
  );
  assert.ok(!renamed.includes('VNI-Times'));
  const file = path.join(dir, 'unnamed-vni.pdf');
  fs.writeFileSync(file, renamed);
  const { draft } = await draftOf(file);
  assert.equal(draft.encoding, 'vni');
  const texts = draft.blocks.map((b) => norm(blockText(b)));
  const expected = JSON.parse(fs.readFileSync(fixture('vni.json'), 'utf8')) as string[];
  assert.deepEqual(
    expected.map(norm).filter((p) => !texts.includes(p)),
    [],
  );
});

describe('bad PDFs: one sentence each', () => {
  test('password-protected', async () => {
    assert.equal((await refusal(fixture('encrypted.pdf'))).code, 'import.pdf-password');
  });

  test('truncated', async () => {
    assert.equal((await refusal(fixture('truncated.pdf'))).code, 'import.pdf-damaged');
  });

  test('2,000 pages: refused from the page count, before a page is read', async () => {
    const big = path.join(dir, 'two-thousand.pdf');
    const pages = Array.from({ length: 2000 }, () => '4').join(',');
    execFileSync('qpdf', ['--empty', '--pages', fixture('decree.pdf'), pages, '--', big]);
    const seen: number[] = [];
    const all = await items(big, (done) => seen.push(done));
    assert.ok(!all[0].ok);
    assert.equal(all[0].error.code, 'import.pdf-too-many-pages');
    assert.deepEqual(all[0].error.params, { pages: 2000, limit: MAX_PDF_PAGES });
    assert.deepEqual(seen, []);
  });

  test('a picture whose header claims 20000 × 20000 pixels', async () => {
    const error = await refusal(fixture('huge.png'));
    assert.equal(error.code, 'import.image-too-large');
    assert.equal(error.params.width, 20000);
  });

  test('a picture cut short after its header', async () => {
    const cut = path.join(dir, 'cut.png');
    fs.writeFileSync(cut, fs.readFileSync(fixture('scan.png')).subarray(0, 20_000));
    assert.equal((await refusal(cut)).code, 'import.image-damaged');
  });

  test('a 1-pixel PNG is still a binary file, not a page', async () => {
    const error = await refusal(path.join(FIXTURES, '../bad/picture.png'));
    assert.equal(error.code, 'import.binary');
  });
});

describe('layout pieces', () => {
  const run = (text: string, x: number, y: number, size = 12): TextRun => ({
    text,
    x,
    y,
    width: text.length * size * 0.5,
    size,
  });

  test('end-of-line hyphenation is joined back; a dash between words is kept', () => {
    assert.equal(joinLines('a docu-', 'ment'), 'a document');
    assert.equal(joinLines('Độc lập - Tự do -', 'Hạnh phúc'), 'Độc lập - Tự do - Hạnh phúc');
    assert.equal(joinLines('Hà Nội-', 'Hải Phòng'), 'Hà Nội- Hải Phòng');
  });

  test('two columns side by side are read column by column', () => {
    const lines = pageLines([
      run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 300, 760),
      run('ỦY BAN NHÂN DÂN', 60, 760),
      run('TỈNH LAI CHÂU', 70, 746),
      run('VIỆT NAM', 340, 746),
      run('QUYẾT ĐỊNH', 200, 700),
    ]);
    const order = readingOrder(lines).map((s) => s.text);
    assert.deepEqual(order, [
      'ỦY BAN NHÂN DÂN',
      'TỈNH LAI CHÂU',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA',
      'VIỆT NAM',
      'QUYẾT ĐỊNH',
    ]);
    const paragraphs = pageParagraphs(readingOrder(lines)).map((p) => p.text);
    assert.ok(paragraphs.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), paragraphs.join(' | '));
  });

  test('a two-column page: each column read whole, its lines joined into paragraphs', () => {
    const column = (x: number, words: string[]) =>
      words.map((w, k) =>
        run(`${w} ${'chữ '.repeat(8)}`.trim() + (k === 2 ? '.' : ''), x, 700 - k * 14),
      );
    const segments = readingOrder(
      pageLines([
        ...column(50, ['Cột trái một', 'Cột trái hai', 'Cột trái ba']),
        ...column(360, ['Cột phải một', 'Cột phải hai', 'Cột phải ba']),
      ]),
    );
    const paragraphs = pageParagraphs(segments).map((p) => p.text);
    assert.equal(paragraphs.length, 2, paragraphs.join(' | '));
    assert.match(paragraphs[0], /^Cột trái một .* Cột trái hai .* Cột trái ba .*\.$/);
    assert.match(paragraphs[1], /^Cột phải một/);
  });

  test('a line ends a paragraph when the next word would have fitted', () => {
    const width = 60; // characters a line holds
    const segments = readingOrder(
      pageLines([
        run('x'.repeat(width - 10) + ' wrapped', 50, 700),
        run('because the next word is long', 50, 686),
        run('Short last line.', 50, 672),
        run('Next paragraph starts here.', 50, 658),
      ]),
    );
    const paragraphs = pageParagraphs(segments).map((p) => p.text);
    assert.equal(paragraphs.length, 3, paragraphs.join(' | '));
  });

  test('running headers and lone page numbers are furniture; the body is not', () => {
    const line = (text: string) => [{ text, x0: 0, x1: 1, y: 0, size: 12, bold: false, em: 6 }];
    const words = ['Phạm vi điều chỉnh', 'Đối tượng áp dụng', 'Giải thích từ ngữ'];
    const page = (n: number) => [
      line(`CÔNG BÁO/Số ${600 + n}/Ngày 10-4-2026`),
      line(`Điều ${n}. ${words[n - 1]}`),
      line('Đoạn văn thân bài lặp lại ở giữa trang'),
      line('Đoạn văn thân bài lặp lại ở giữa trang'),
      line(`Khoản ${n}: ${words[3 - n]}`),
      line(`- ${n} -`),
    ];
    const kept = removeFurniture([page(1), page(2), page(3)]);
    for (const lines of kept) {
      assert.equal(lines.length, 4);
      assert.match(lines[0][0].text, /^Điều/);
    }
    assert.ok(isPageNumber('Trang 3/40') && isPageNumber('12') && !isPageNumber('12 tháng'));
  });

  test('legacy fonts by name; glyph numbers are garbage, Vietnamese is not', () => {
    assert.equal(fontEncoding('ABCDEF+.VnTime'), 'tcvn3');
    assert.equal(fontEncoding('.VnArialH'), 'tcvn3');
    assert.equal(fontEncoding('VNI-Times'), 'vni');
    assert.equal(fontEncoding('LiberationSerif-Bold'), null);
    assert.ok(isGarbage('\u0001\u0002\u0003\u0004\u0005 \u0006\u0007'));
    assert.ok(!isGarbage('Cộng hòa xã hội chủ nghĩa Việt Nam'));
    assert.ok(!isGarbage(''));
  });
});
