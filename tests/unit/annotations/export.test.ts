/** Markdown and CSV exports, and the files exportAnnotations makes (W3C: w3c.test.ts). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CSV_COLUMNS,
  exportAnnotations,
  toCsv,
  toMarkdown,
} from '../../../electron/core/annotations/export';
import {
  ARTICLE,
  bookmark,
  highlight,
  highlightWithNote,
  ITEMS,
  LATER,
  note,
  orphan,
  TIME,
} from './fixtures';

describe('Markdown export', () => {
  const md = toMarkdown(ITEMS, { generated: TIME });

  test('a title, then per article a heading with its source, date, number and tags', () => {
    assert.ok(md.startsWith('# Ghi chú\n\n*Xuất ngày 21/07/2024 · 5 ghi chú trong 1 bài*\n'), md);
    assert.ok(md.includes('\n## Bước tiến mới trong công tác dân vận ở Lạng Sơn\n'), md);
    assert.ok(md.includes('\n- **Nguồn:** Báo Lạng Sơn\n- **Ngày:** 21/07/2024\n'), md);
    assert.ok(md.includes('\n- **Địa chỉ:** <https://baolangson.vn/x>\n'), md);
    assert.ok(md.includes('\n- **Thẻ:** dân vận, Lạng Sơn\n'), md);
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });

  test('each highlight a block quote, its note beneath, line breaks kept', () => {
    assert.ok(md.includes('\n> công tác dân vận\n'), md);
    assert.ok(md.includes('\n> Lạng Sơn\n\nGhi chú: "quan trọng", xem lại  \ndòng hai\n'), md);
  });

  test('a note cannot turn into a heading or a list by accident', () => {
    assert.ok(md.includes('\n\\# không phải tiêu đề  \n\\- không phải danh sách\n'), md);
    assert.ok(!/^# không/m.test(md) && !/^- không/m.test(md));
  });

  test('bookmarks are listed; orphans are marked', () => {
    assert.ok(md.includes('\n**🔖 Đã đánh dấu bài này**\n'), md);
    assert.ok(
      md.includes('\n> đoạn không còn\n\n*⚠ Chưa gắn được: đoạn này không còn tìm thấy'),
      md,
    );
  });

  test('paragraphs of a quote stay in one block quote; HTML stays text', () => {
    const multi = { ...highlight, selector: { ...highlight.selector!, exact: 'một\n\nhai <b>' } };
    const out = toMarkdown([{ article: ARTICLE, annotations: [multi] }]);
    assert.ok(out.includes('\n> một\n>\n> hai \\<b\\>\n'), out);
  });

  test('a document number is shown; English labels for an English interface', () => {
    const out = toMarkdown(
      [{ article: { ...ARTICLE, docNumber: '45/2019/QH14' }, annotations: [bookmark] }],
      { locale: 'en' },
    );
    assert.ok(out.includes('- **Number:** 45/2019/QH14'), out);
    assert.ok(out.startsWith('# Notes\n'), out);
  });
});

describe('CSV export', () => {
  const csv = toCsv(ITEMS);
  const lines = csv.slice(1).split('\r\n');

  test('UTF-8 BOM, CRLF line ends, a header', () => {
    assert.ok(csv.startsWith('\uFEFFarticle_id,title,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(lines[0], CSV_COLUMNS.join(','));
    assert.equal(
      lines[0],
      'article_id,title,source,date,number,url,annotation_id,kind,tag,color,quote,note,start,end,orphaned,created,updated',
    );
  });

  test('one row per annotation and per tag', () => {
    // 5 annotations + 2 tags + header; the note's newline is inside a quoted cell.
    const rows = csv
      .slice(1)
      .trimEnd()
      .split(/\r\n(?=a1,)/);
    assert.equal(rows.length, 1 + 5 + 2);
  });

  test('cells with commas, quotes or newlines are quoted, quotes doubled', () => {
    const head =
      'a1,Bước tiến mới trong công tác dân vận ở Lạng Sơn,Báo Lạng Sơn,2024-07-21,,https://baolangson.vn/x';
    assert.equal(
      lines[1],
      `${head},${highlight.id},highlight,,yellow,công tác dân vận,,8,24,0,${TIME},${LATER}`,
    );
    assert.ok(
      csv.includes(
        `,${note.id},note,,green,Lạng Sơn,"Ghi chú: ""quan trọng"", xem lại\ndòng hai",30,38,0,`,
      ),
      csv,
    );
  });

  test('a bookmark has no quote or positions; an orphan is flagged; tags have their own rows', () => {
    assert.ok(csv.includes(`,${bookmark.id},bookmark,,,,,,,0,${TIME},${LATER}\r\n`), csv);
    assert.ok(
      csv.includes(`,${orphan.id},note,,blue,đoạn không còn,Đoạn này đã bị sửa,40,54,1,`),
      csv,
    );
    assert.ok(csv.includes(',https://baolangson.vn/x,,tag,dân vận,,,,,,0,,\r\n'), csv);
    assert.ok(csv.includes(`,${highlightWithNote.id},highlight,,pink,`), csv);
  });
});

describe('exportAnnotations', () => {
  test('file names, types and contents per format', () => {
    const c = exportAnnotations(ITEMS, 'csv', { generated: TIME });
    assert.equal(c.filename, 'ghi-chu-2024-07-21.csv');
    assert.match(c.mime, /^text\/csv/);
    const m = exportAnnotations(ITEMS, 'markdown', { generated: TIME, slug: 'dan-van' });
    assert.equal(m.filename, 'ghi-chu-dan-van-2024-07-21.md');
    assert.equal(m.content, toMarkdown(ITEMS, { generated: TIME }));
    const w = exportAnnotations(ITEMS, 'w3c', { generated: TIME });
    assert.equal(w.filename, 'ghi-chu-2024-07-21.jsonld');
    assert.equal(w.mime, 'application/ld+json');
    assert.equal(JSON.parse(w.content).type, 'AnnotationCollection');
  });

  test('json is still accepted, as the same W3C export', () => {
    const json = exportAnnotations(ITEMS, 'json', { generated: TIME });
    assert.equal(json.content, exportAnnotations(ITEMS, 'w3c', { generated: TIME }).content);
  });
});
