import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToBase64, planBatches } from '../../../renderer/src/library/batches';
import { parseRoute, articleHref } from '../../../renderer/src/app/route';
import { activeFilters, summaryToHit } from '../../../renderer/src/search/state';
import { addRecent } from '../../../renderer/src/search/recent';
import { parseSseChunk } from '../../../renderer/src/api/events';
import { readToken } from '../../../renderer/src/api/client';
import { formatBytes, formatDate } from '../../../renderer/src/app/format';
import { sanitizeDisplay, stepFontSize } from '../../../renderer/src/settings/display';

test('base64 matches Node for text and large binary input', () => {
  const text = new TextEncoder().encode('Dân vận khéo');
  assert.equal(bytesToBase64(text), Buffer.from(text).toString('base64'));
  const big = new Uint8Array(100_000).map((_, i) => i % 256);
  assert.equal(bytesToBase64(big), Buffer.from(big).toString('base64'));
});

test('imports are split by encoded size and count, in order', () => {
  assert.deepEqual(planBatches([3, 3, 3], 8, 10), [[0, 1], [2]]);
  assert.deepEqual(planBatches([100, 1], 8, 10), [[0], [1]], 'a large file travels alone');
  assert.deepEqual(planBatches([1, 1, 1], 1000, 2), [[0, 1], [2]]);
  assert.deepEqual(planBatches([]), []);
});

test('hash routes', () => {
  assert.deepEqual(parseRoute(''), { screen: 'search' });
  assert.deepEqual(parseRoute('#/library'), { screen: 'library' });
  assert.deepEqual(parseRoute(articleHref('a b', 'n1').slice(0)), {
    screen: 'article',
    id: 'a b',
    annotation: 'n1',
    section: null,
  });
  // A search hit in a law opens at its Điều: `#/article/ID/dieu-12-khoan-2`.
  assert.deepEqual(parseRoute(articleHref('a/b', undefined, 'dieu-12-khoan-2')), {
    screen: 'article',
    id: 'a/b',
    annotation: null,
    section: 'dieu-12-khoan-2',
  });
  assert.deepEqual(parseRoute('#/article/'), { screen: 'search' });
  assert.deepEqual(parseRoute('#/nowhere'), { screen: 'search' });
});

test('empty filters never reach the host; browsing hits carry an escaped snippet', () => {
  assert.deepEqual(activeFilters({ from: '', type: ' Luật ', tag: undefined }), { type: 'Luật' });
  const hit = summaryToHit({
    id: '1',
    title: 'T',
    date: null,
    source: null,
    docNumber: null,
    docType: null,
    summary: '<script>alert(1)</script> & co',
  });
  assert.equal(hit.snippet, '&#60;script&#62;alert(1)&#60;/script&#62; &#38; co');
});

test('recent searches: newest first, no duplicates, bounded', () => {
  assert.deepEqual(addRecent(['a', 'b'], ' b '), ['b', 'a']);
  assert.deepEqual(addRecent(['a'], '   '), ['a']);
  assert.equal(addRecent(['1', '2', '3'], '4', 3).join(), '4,1,2');
  assert.deepEqual(addRecent([], 'da\u0302n'), ['dân'], 'stored as NFC');
});

test('server-sent events are parsed across chunk boundaries', () => {
  const seen: [string, unknown][] = [];
  const emit = (e: string, d: unknown) => seen.push([e, d]);
  let rest = parseSseChunk(': hi\n\nevent: importProgress\ndata: {"files":2', emit);
  assert.equal(seen.length, 0);
  rest = parseSseChunk(
    rest + ',"filesDone":1}\n\nevent: indexProgress\ndata: {"state":"ready"}\r\n\r\n',
    emit,
  );
  assert.equal(rest, '');
  assert.deepEqual(seen, [
    ['importProgress', { files: 2, filesDone: 1 }],
    ['indexProgress', { state: 'ready' }],
  ]);
});

test('the access token comes from the page address', () => {
  assert.equal(readToken('?token=abc123'), 'abc123');
  assert.equal(readToken('?x=1'), null);
  assert.equal(readToken('?token='), null);
});

test('dates and sizes read naturally in each language', () => {
  assert.equal(formatDate('2024-07-21', 'vi'), '21/07/2024');
  assert.equal(formatDate('2024-07', 'vi'), '07/2024');
  assert.equal(formatDate('2024-07-21', 'en'), '21 Jul 2024');
  assert.equal(formatDate(null, 'vi'), '');
  assert.equal(formatBytes(1536, 'en'), '1.5 KB');
  assert.equal(formatBytes(10, 'vi'), '10 B');
});

test('display settings are sanitised and font size steps through the scale', () => {
  assert.deepEqual(sanitizeDisplay({ theme: 'neon' as never, fontSize: 99 }), {
    theme: 'light',
    fontSize: 18,
    lineWidth: 'medium',
  });
  assert.equal(stepFontSize(18, 1), 20);
  assert.equal(stepFontSize(18, -1), 17);
  assert.equal(stepFontSize(27, 1), 27);
});
