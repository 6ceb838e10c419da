/**
 * Bad input on purpose, the way an archivist meets it: each bad file sits in a folder beside the
 * reference article and the whole folder is imported into a fresh archive. Every time the article
 * is imported and the bad file is listed with its sentence, or imported safely. Fixtures:
 * tests/fixtures/bad/. File names, folders and large input: bad-input-paths.test.ts; 10,000 files
 * in one folder and 200 MB of JSON Lines take minutes: tests/soak/bad-input-large.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import type { MessageCode } from '../../electron/core/messages';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../../electron/core/importers/html-shape';
import { writeDeepHtml } from '../fixtures/bad/make-large';
import {
  ARTICLE_TITLE,
  assertListed,
  BAD,
  copyFixtures,
  errorCodes,
  folderWithSeed,
  importFolder,
  items,
  tmp,
} from './bad-input-helpers';

describe('files that are not articles get one sentence each; the seed beside them imports', () => {
  const cases: [string, MessageCode, Record<string, string | number>][] = [
    ['empty.txt', 'import.empty', {}],
    ['picture.png', 'import.binary', { kind: 'PNG' }],
    ['articles.zip', 'import.binary', { kind: 'ZIP' }],
    ['program.exe', 'import.binary', { kind: 'EXE' }],
    ['invalid-utf8.txt', 'import.undecodable', {}],
    ['nul-bytes.txt', 'import.nul-bytes', {}],
  ];
  for (const [name, code, params] of cases) {
    test(name, async () => {
      assert.deepEqual(await errorCodes(path.join(BAD, name)), [code]);
      const dir = folderWithSeed(copyFixtures(name));
      const { summary } = await importFolder(dir);
      assert.equal(summary.imported, 1);
      assertListed(summary, path.join(dir, name), code, params);
    });
  }

  test('NUL bytes after the first 64 KB of a text file', async () => {
    const dir = folderWithSeed((d) => {
      const text = fs.readFileSync(path.join(BAD, 'utf16le-no-bom.txt')).toString('utf16le');
      const long = text + '\n\n' + 'Đoạn văn bổ sung cho đủ dài.\n\n'.repeat(4000);
      fs.writeFileSync(
        path.join(d, 'zero-tail.txt'),
        Buffer.concat([Buffer.from(long), Buffer.alloc(4096)]),
      );
    });
    const { summary } = await importFolder(dir);
    assertListed(summary, path.join(dir, 'zero-tail.txt'), 'import.nul-bytes');
  });
});

describe('damaged but readable: what can be kept is kept', () => {
  test('a truncated .gz keeps its five whole records, then lists the file', async () => {
    const dir = folderWithSeed(copyFixtures('truncated.jsonl.gz'));
    const { summary, rows } = await importFolder(dir);
    assert.deepEqual(
      rows.filter((r) => r.source_id.startsWith('xa-')).map((r) => r.source_id),
      ['xa-01', 'xa-02', 'xa-03', 'xa-04', 'xa-05'],
    );
    assert.equal(summary.imported, 6);
    assertListed(summary, path.join(dir, 'truncated.jsonl.gz'), 'import.bad-gzip');
  });

  test('UTF-16 without a BOM, little- and big-endian, reads as the same article', async () => {
    for (const name of ['utf16le-no-bom.txt', 'utf16be-no-bom.txt']) {
      const [item] = await items(path.join(BAD, name));
      assert.ok(item.ok, name);
      assert.equal(item.draft.title, ARTICLE_TITLE, name);
      assert.equal(item.draft.date, '2024-03-12', name);
      assert.equal(item.draft.author, 'Minh Khôi', name);
      assert.doesNotMatch(JSON.stringify(item.draft), /\\u0000|\uFFFD/, name);
    }
    const dir = folderWithSeed(copyFixtures('utf16le-no-bom.txt', 'utf16be-no-bom.txt'));
    const { summary } = await importFolder(dir);
    assert.deepEqual([summary.imported, summary.duplicates, summary.failed], [2, 1, []]);
  });

  test('a few invalid UTF-8 bytes become U+FFFD; the rest of the article is intact', async () => {
    const [item] = await items(path.join(BAD, 'invalid-utf8-few-bytes.txt'));
    assert.ok(item.ok);
    assert.equal(item.draft.title, 'Xã Tân Thành hoàn thành đúng hạn số hóa hồ sơ hộ tịch');
    const text = JSON.stringify(item.draft.blocks);
    assert.equal(text.split('\uFFFD').length - 1, 1, 'one replacement character');
    assert.match(text, /ngh\uFFFDn trang sổ hộ tịch/);
  });

  test('JSON with wrong types and missing fields: one sentence per bad record', async () => {
    // A record with a body but no title (thieu-3, kieu-6) imports under a derived title.
    const dir = folderWithSeed(copyFixtures('wrong-types.jsonl', 'missing-fields.json'));
    const { summary, rows } = await importFolder(dir);
    const wrong = path.join(dir, 'wrong-types.jsonl');
    const missing = path.join(dir, 'missing-fields.json');
    assert.deepEqual(
      rows.map((r) => r.source_id).filter((id) => /^(kieu|thieu)-/.test(id)),
      ['thieu-1', 'thieu-3', 'kieu-6', 'kieu-12', 'kieu-15'],
    );
    const lines = summary.failed.filter((f) => f.path.startsWith(`${wrong}#line `));
    assert.deepEqual(
      lines.map((f) => Number(f.path.split('#line ')[1])),
      [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14],
    );
    for (const f of lines) {
      const n = f.path.split('#line ')[1];
      assert.match(f.error, new RegExp(`^(JSON không hợp lệ ở dòng ${n}: |Bản ghi ở dòng ${n} )`));
    }
    const records = summary.failed.filter((f) => f.path.startsWith(`${missing}#item `));
    assert.equal(records.length, 5);
    assert.equal(summary.failed.length, lines.length + records.length);
    for (const name of ['wrong-types.jsonl', 'missing-fields.json']) {
      const codes = await errorCodes(path.join(BAD, name));
      assert.ok(codes.every((c) => c === 'import.bad-json' || c === 'import.bad-record'));
    }
  });
});

describe('impossible dates become null, never a wrong date', () => {
  test('JSON Lines: 31/02, 30/02, 29/02 of a common year, day 0, month 13', async () => {
    const dir = folderWithSeed(copyFixtures('impossible-dates.jsonl'));
    const { summary, rows } = await importFolder(dir);
    assert.deepEqual(summary.failed, []);
    const dates = Object.fromEntries(
      rows.filter((r) => r.source_id.startsWith('ngay-')).map((r) => [r.source_id, r.date]),
    );
    assert.deepEqual(dates, {
      'ngay-1': null,
      'ngay-2': null,
      'ngay-3': null,
      'ngay-4': null,
      'ngay-5': null,
      'ngay-6': '2024-02-29',
      'ngay-7': '2024-02-29',
    });
  });

  test('a text article dated 31/02/2024 and a page published 2024-02-31', async () => {
    const dir = folderWithSeed(copyFixtures('impossible-date.txt', 'impossible-date.html'));
    const { summary, rows } = await importFolder(dir);
    assert.equal(summary.imported, 3);
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r.date]));
    assert.equal(byTitle['Thôn Bản Chang khánh thành nhà văn hóa mới'], null);
    assert.equal(byTitle['Xã Yên Lạc tổ chức ngày hội đọc sách'], null);
  });
});

describe('hostile HTML imports as text only', () => {
  test('scripts, handlers, javascript: links, frames, SVG and remote CSS leave nothing behind', async () => {
    const dir = folderWithSeed(copyFixtures('hostile.html'));
    const archive = Archive.open(path.join(tmp, 'hostile.db'));
    try {
      const summary = await archive.importPaths([dir]);
      assert.deepEqual([summary.imported, summary.failed], [2, []]);
      const hit = archive.search({ query: 'nam rom phu loc' }).hits[0];
      assert.equal(hit.title, 'Hợp tác xã nấm rơm ở Phú Lộc có lãi ngay vụ đầu');
      // The snippet is escaped text with <mark> only.
      assert.doesNotMatch(hit.snippet.replace(/<\/?mark>/g, ''), /[<>]/);
      const view = archive.view(hit.id);
      assert.equal(view.article.url, null, 'a javascript: canonical address is not kept');
      assert.equal(view.article.date, '2024-03-15');
      assert.equal(view.article.author, 'Thu Hà');
      assert.equal(view.article.summary?.startsWith('Tận dụng rơm rạ sau thu hoạch'), true);
      assert.deepEqual(
        view.blocks.map((b) => b.type),
        ['p', 'p', 'p'],
      );
      // What the reader shows: every field but the literal site name the page declared.
      const shown = JSON.stringify({ ...view, article: { ...view.article, source: null } });
      for (const trace of [
        'pwned',
        'evil.example',
        'javascript',
        'onerror',
        'onload',
        'url(',
        'alert',
        '<',
        'mật khẩu',
      ]) {
        assert.ok(!shown.includes(trace), `"${trace}" reached the article`);
      }
      assert.match(view.text, /Nay bà con thu gom rơm về ủ làm luống nấm/);
      // Text in an attribute stays text: the renderer shows it as such (see sanitize.test.ts).
      assert.equal(view.article.source, 'Bản tin xã <script>alert(1)</script>');
    } finally {
      archive.close();
    }
  });

  test('a page nested 100,000 deep is refused at once', async () => {
    const dir = folderWithSeed((d) => writeDeepHtml(path.join(d, 'deep.html'), 100_000));
    assert.deepEqual(await errorCodes(path.join(dir, 'deep.html')), ['import.html-too-deep']);
    const { summary } = await importFolder(dir);
    assertListed(summary, path.join(dir, 'deep.html'), 'import.html-too-deep', {
      limit: MAX_HTML_DEPTH,
    });
  });

  test('a page of 60,000 elements is refused; one nested 120 deep still imports', async () => {
    const dir = folderWithSeed((d) => {
      const spans = '<span>chữ</span> '.repeat(60_000);
      fs.writeFileSync(
        path.join(d, 'wide.html'),
        `<!doctype html><html><head><title>Rộng</title></head><body><p>${spans}</p></body></html>`,
      );
      const text =
        'Trang này lồng một trăm hai mươi tầng thẻ div nhưng vẫn là một bài báo đọc được, có tiêu đề và nội dung đầy đủ.';
      fs.writeFileSync(
        path.join(d, 'nested.html'),
        `<!doctype html><html><head><title>Bài lồng sâu vừa phải</title></head><body>${'<div>'.repeat(120)}<p>${text}</p><p>${text}</p>${'</div>'.repeat(120)}</body></html>`,
      );
    });
    const { summary, rows } = await importFolder(dir);
    assertListed(summary, path.join(dir, 'wide.html'), 'import.html-too-many-elements', {
      limit: MAX_HTML_ELEMENTS,
    });
    assert.ok(rows.some((r) => r.title === 'Bài lồng sâu vừa phải'));
  });
});

describe('PDFs and pictures that cannot be read: one sentence each; a good PDF beside them imports', () => {
  const PDF = path.join(BAD, '../pdf');
  const cases: [string, MessageCode, Record<string, string | number>][] = [
    ['encrypted.pdf', 'import.pdf-password', {}],
    ['truncated.pdf', 'import.pdf-damaged', {}],
    ['huge.png', 'import.image-too-large', { width: 20000, height: 20000, limit: 40 }],
  ];
  test(cases.map(([name]) => name).join(', '), async () => {
    const dir = folderWithSeed((d) => {
      for (const name of [...cases.map(([n]) => n), 'decree.pdf'])
        fs.copyFileSync(path.join(PDF, name), path.join(d, name));
    });
    for (const [name, code] of cases)
      assert.deepEqual(await errorCodes(path.join(dir, name)), [code]);
    const { summary, rows } = await importFolder(dir);
    for (const [name, code, params] of cases)
      assertListed(summary, path.join(dir, name), code, params);
    assert.equal(summary.imported, 2);
    assert.ok(rows.some((r) => r.title.startsWith('Nghị định 123/2026/NĐ-CP')));
  });
});

describe('office files: damaged, hostile or locked ones get one sentence; good ones import', () => {
  const OFFICE = path.join(BAD, '../office');
  const cases: [string, MessageCode, Record<string, string | number>][] = [
    [
      'corrupted.docx',
      'import.office-damaged',
      { kind: 'Word (.docx)', part: 'word/document.xml' },
    ],
    ['bomb.docx', 'import.zip-bomb', { kind: 'Word (.docx)', packed: '71 KB', size: '64.0 MB' }],
    // Its headers say 1,000 bytes; the part inflates on and is stopped as it passes them.
    [
      'lying-bomb.docx',
      'import.office-damaged',
      { kind: 'Word (.docx)', part: 'word/comments.xml' },
    ],
    ['truncated.docx', 'import.zip-damaged', {}],
    ['encrypted.doc', 'import.office-encrypted', {}],
    ['encrypted.docx', 'import.office-encrypted', {}],
    ['encrypted.odt', 'import.office-encrypted', {}],
  ];
  test('each beside the seed and two good documents, in one folder', async () => {
    const names = [...cases.map(([n]) => n), 'official.docx', 'tcvn3.odt'];
    for (const [name, code] of cases) {
      assert.deepEqual(await errorCodes(path.join(OFFICE, name)), [code], name);
    }
    const dir = folderWithSeed((d) =>
      names.forEach((n) => fs.copyFileSync(path.join(OFFICE, n), path.join(d, n))),
    );
    const { summary, rows } = await importFolder(dir);
    assert.equal(summary.imported, 3);
    for (const [name, code, params] of cases)
      assertListed(summary, path.join(dir, name), code, params);
    assert.ok(rows.some((r) => r.title.startsWith('Thông tư 09/2021/TT-BLĐTBXH')));
    assert.ok(rows.some((r) => r.title.startsWith('Quyết định 1373/QĐ-BKHĐT')));
  });
});
