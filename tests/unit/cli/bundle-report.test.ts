/** The command line's lines for a bundle import, cancelled or not, in both languages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BundleImportReport } from '../../../electron/api/contract';
import { describeReport } from '../../../electron/cli/bundle';

const report: BundleImportReport = {
  file: 'ca-kho.arbundle',
  machine: 'may-xa',
  created: '2026-12-01T08:00:00Z',
  articles: { added: 40, present: 2, refused: 0 },
  annotations: { added: 3, updated: 0, kept: 0, unchanged: 0, skipped: 0 },
  revisions: 0,
  tags: 1,
  collections: 0,
  refused: [],
  articleIds: [],
};

test('a finished import says what it added, and nothing about cancelling', () => {
  const lines = describeReport(report, 'vi');
  assert.equal(lines[0], 'Gói từ máy may-xa, tạo lúc 2026-12-01T08:00:00Z.');
  assert.ok(!lines.some((l) => l.includes('hủy')));
});

test('a cancelled import says so first, then what it kept', () => {
  const lines = describeReport({ ...report, cancelled: true }, 'en');
  assert.match(lines[0], /^Cancelled: what was written before then is kept/);
  assert.equal(lines[2], 'Articles: 40 added, 2 already here, 0 refused.');
});

test('cancelled while it was checked, before the manifest was read: one sentence', () => {
  const early = { ...report, machine: '', created: '', cancelled: true };
  assert.deepEqual(describeReport(early, 'vi'), [
    'Đã hủy: những gì đã ghi trước lúc hủy được giữ lại, phần còn lại chưa nhập.',
  ]);
});
