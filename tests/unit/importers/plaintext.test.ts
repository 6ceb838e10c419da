import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Block } from '../../../electron/core/model';
import { decodeText } from '../../../electron/core/text/decode';
import { dateLine, isByline, parsePlainText } from '../../../electron/core/importers/plaintext';
import { creditLine, splitCaption } from '../../../electron/core/importers/credit';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'p' ? [b.text] : []));

test('the reference article: date, title, lead, figure, byline', () => {
  const draft = parsePlainText(decodeText(readFileSync(SEED)), SEED);
  assert.equal(draft.sourceId, SEED);
  assert.equal(draft.date, '2024-07-21');
  assert.equal(draft.title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
  assert.equal(draft.author, 'Trung Xuân');

  const figures = draft.blocks.filter((b) => b.type === 'figure');
  assert.deepEqual(figures, [
    {
      type: 'figure',
      caption: 'Bộ CHQS tỉnh trao nhà tình nghĩa tại xã Hồ Sơn, huyện Hữu Lũng',
      credit: 'Dương Nguyên',
    },
  ]);
  // The figure stays where it was: after the second paragraph.
  assert.equal(draft.blocks[2].type, 'figure');

  const summary = draft.summary ?? '';
  assert.ok(summary.startsWith('Nhận thức rõ tầm quan trọng'));
  assert.ok(summary.endsWith(';...'));
  assert.ok(summary.includes('kinh tế - xã hội'));

  const body = paragraphs(draft.blocks);
  assert.ok(body[0].startsWith('Nhận thức rõ'));
  assert.ok(body[0].endsWith('nâng cao đời sống mọi mặt của nhân dân.'));
  assert.ok(body[0].includes('kinh tế – xã hội'));
  // The lead appears once in the article: as the summary, not again as a paragraph.
  assert.ok(!body.includes(summary));
  const bodyText = body.join('\n');
  const opening = 'Nhận thức rõ tầm quan trọng của công tác dân vận';
  assert.equal(bodyText.split(opening).length - 1, 1);
  assert.ok(body[body.length - 1].endsWith('tỉnh nhà.'));
  assert.ok(!bodyText.includes('Trung Xuân'));
  assert.ok(!bodyText.includes('Ảnh:'));
  assert.equal(body.length, 6);
});

test('date lines: weekdays in any case, optional time, NBSP', () => {
  assert.equal(dateLine('Chủ nhật,\u00a0 21/07/2024'), '2024-07-21');
  assert.equal(dateLine('THỨ HAI, 22/07/2024 08:30'), '2024-07-22');
  assert.equal(dateLine('thứ bảy 3/8/2024 - 15:10 (GMT+7)'), '2024-08-03');
  assert.equal(dateLine('08:30 Thứ Tư, 24/07/2024'), '2024-07-24');
  assert.equal(dateLine('21/07/2024'), '2024-07-21');
  assert.equal(dateLine('Thứ hai, 31/02/2024'), null);
  assert.equal(dateLine('Bước tiến mới trong công tác dân vận ở Lạng Sơn'), undefined);
  assert.equal(dateLine('Ngày 21/07/2024 tỉnh tổ chức hội nghị'), undefined);
});

test('credit variants', () => {
  assert.equal(creditLine('Ảnh: Dương Nguyên'), 'Dương Nguyên');
  assert.equal(creditLine('(Ảnh: TTXVN)'), 'TTXVN');
  assert.equal(creditLine('Nguồn ảnh: Internet'), 'Internet');
  assert.equal(creditLine('Ảnh minh họa'), 'Ảnh minh họa');
  assert.equal(creditLine('Ảnh hưởng của mưa lũ rất lớn.'), null);
  assert.deepEqual(splitCaption('Người dân thu hoạch na (Ảnh: Hà Phương)'), {
    caption: 'Người dân thu hoạch na',
    credit: 'Hà Phương',
  });
  assert.deepEqual(splitCaption('Quang cảnh hội nghị. Ảnh: Minh Anh'), {
    caption: 'Quang cảnh hội nghị.',
    credit: 'Minh Anh',
  });
});

test('bylines are short capitalised names without a final period', () => {
  assert.ok(isByline('Trung Xuân'));
  assert.ok(isByline('Minh Anh - Hoàng Long (TTXVN)'));
  assert.ok(!isByline('Cảm ơn bạn đọc.'));
  assert.ok(!isByline('tỉnh nhà'));
});

test('a file without a date line: title is the first line, inline credit makes a figure', () => {
  const path = 'tests/fixtures/import/article-no-date.txt';
  const draft = parsePlainText(decodeText(readFileSync(path)), path);
  assert.equal(draft.date, null);
  assert.equal(draft.title, 'Huyện Chi Lăng ra quân làm thủy lợi');
  assert.equal(draft.author, 'Lan Hương');
  assert.equal(draft.summary, null); // the first paragraph is not a repeated lead
  assert.deepEqual(draft.blocks[1], {
    type: 'figure',
    caption: 'Người dân xã Quang Lang nạo vét kênh mương',
    credit: 'Lan Hương',
  });
  assert.equal(paragraphs(draft.blocks).length, 2);
});

test('a lead ending in an ellipsis is a summary even when not a copy', () => {
  const text =
    'Thứ sáu, 02/08/2024\n\nTiêu đề bài\n\nMột đoạn mở đầu khác hẳn phần thân bài…\n\nĐoạn thân bài thứ nhất.\n\nĐoạn thân bài thứ hai.';
  const draft = parsePlainText(text, 'x.txt');
  assert.equal(draft.summary, 'Một đoạn mở đầu khác hẳn phần thân bài…');
  assert.deepEqual(paragraphs(draft.blocks), ['Đoạn thân bài thứ nhất.', 'Đoạn thân bài thứ hai.']);
  assert.equal(draft.author, null);
});

test('a title with no body is import.no-body', () => {
  assert.throws(() => parsePlainText('Chỉ có tiêu đề', 'x.txt'), { code: 'import.no-body' });
});
