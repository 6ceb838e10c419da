import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePlainText } from '../../../electron/core/importers/plaintext';
import { blockText } from '../../../electron/core/archive/layout';
import { decodeText } from '../../../electron/core/text/decode';
import { leadRepeatsBody } from '../../../electron/core/text/lead';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';

test('the reference article: its lead is a cut-off copy of the first two paragraphs', () => {
  const draft = parsePlainText(decodeText(readFileSync(SEED)), SEED);
  const body = draft.blocks.map(blockText);
  assert.ok(draft.summary?.endsWith(';...'), 'the stored lead is kept as it was');
  assert.equal(leadRepeatsBody(draft.summary, body), true);
  // One paragraph is not enough to hold it: the copy runs into the second.
  assert.equal(leadRepeatsBody(draft.summary, body.slice(0, 1)), false);
});

const BODY = [
  'Sáng 20/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm.',
  'Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ và đề ra phương hướng cho thời gian tới.',
];

test('a lead that is its own text stays', () => {
  const own = 'Công tác dân vận được triển khai đồng bộ, nhiều mô hình hay được nhân rộng...';
  assert.equal(leadRepeatsBody(own, BODY), false);
  assert.equal(leadRepeatsBody(null, BODY), false);
});

test('a copy without an ellipsis is a lead of its own (the importer decides that case)', () => {
  assert.equal(leadRepeatsBody(BODY[0], BODY), false);
});

test('a copy is recognised across spacing, dashes, quotes, case, NFD and accents', () => {
  const lead = `${BODY[0].replace(/ /g, '  ')}${BODY[1].slice(0, 30)}…`;
  assert.equal(leadRepeatsBody(lead, BODY), true);
  assert.equal(leadRepeatsBody(lead.normalize('NFD').toUpperCase(), BODY), true);
  assert.equal(leadRepeatsBody(lead.replace('Dân vận', 'Dan van'), BODY), true);
  const dashed = ['Kinh tế – xã hội “phát triển” ổn định trong sáu tháng đầu năm nay.'];
  assert.equal(
    leadRepeatsBody('Kinh tế - xã hội "phát triển" ổn định trong sáu tháng...', dashed),
    true,
  );
});

test('a lead that departs from the body after a shared opening stays', () => {
  const lead = `${BODY[0].slice(0, 50)} và các đoàn thể chính trị - xã hội...`;
  assert.equal(leadRepeatsBody(lead, BODY), false);
});

test('a very short lead is no evidence', () => {
  assert.equal(leadRepeatsBody('Sáng 20/7...', BODY), false);
});

test('the reader leaves out a repeated lead unless the reader marked it', async () => {
  const { hiddenLead, blankRange } = await import('../../../renderer/src/reader/repeatedLead');
  const { layoutArticle } = await import('../../../electron/core/archive/layout');
  const draft = parsePlainText(decodeText(readFileSync(SEED)), SEED);
  const layout = layoutArticle(draft.summary, draft.blocks);
  const view = { ...layout, article: {} as never, annotations: [] };
  const lead = hiddenLead(view, []);
  assert.deepEqual(lead, layout.summaryRange);
  const shown = blankRange(layout.text, lead);
  assert.equal(shown.length, layout.text.length);
  assert.equal(shown.split('Nhận thức rõ tầm quan trọng').length - 1, 1);
  // A highlight on the lead keeps it on the page.
  assert.equal(hiddenLead(view, [{ start: 5, end: 20 }]), null);
  // A lead of its own stays.
  const own = layoutArticle(
    'Tóm tắt riêng của bài, không lặp lại thân bài, dài đủ để so sánh…',
    draft.blocks,
  );
  assert.equal(hiddenLead({ ...own, article: {} as never, annotations: [] }, []), null);
});
