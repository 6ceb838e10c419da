import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accentFreeForm, foldText, foldWithMap } from '../../../renderer/src/search/fold';
import { findAll } from '../../../renderer/src/reader/findInText';

test('foldText drops tones and vowel marks, maps đ by hand, lower-cases', () => {
  assert.equal(foldText('Dân vận Lạng Sơn'), 'dan van lang son');
  assert.equal(foldText('ĐOÀN KẾT'), 'doan ket');
  assert.equal(foldText('Thuỷ lợi hoà bình'), 'thuy loi hoa binh');
  assert.equal(foldText('da\u0302n va\u0323\u0302n'), 'dan van', 'NFD input');
});

test('foldWithMap maps every folded character back to its source index', () => {
  const nfd = 'Đa\u0301 ba';
  const { folded, map } = foldWithMap(nfd);
  assert.equal(folded, 'da ba');
  assert.deepEqual(map, [0, 1, 3, 4, 5, 6]);
});

test('accentFreeForm offers the plain form only when the query has accents', () => {
  assert.equal(accentFreeForm('dân vận'), 'dan van');
  assert.equal(accentFreeForm('Đà Nẵng'), 'Da Nang');
  assert.equal(accentFreeForm('dan van'), null);
});

test('findAll is accent- and case-insensitive and returns ranges of the original text', () => {
  const text = 'Công tác dân vận; DÂN VẬN khéo; dan van.';
  const ranges = findAll(text, 'dan van');
  assert.deepEqual(
    ranges.map((r) => text.slice(r.start, r.end)),
    ['dân vận', 'DÂN VẬN', 'dan van'],
  );
  assert.deepEqual(findAll(text, 'vận').length, 3);
  assert.deepEqual(findAll(text, '   '), []);
});

test('findAll covers trailing combining marks of NFD text', () => {
  const text = 'ca\u0301c ba\u0300n';
  const [r] = findAll(text, 'ban');
  assert.equal(text.slice(r.start, r.end), 'ba\u0300n');
  const [c] = findAll(text, 'cá');
  assert.equal(text.slice(c.start, c.end), 'ca\u0301');
});

test('findAll matches across a non-breaking space', () => {
  const text = 'Chủ nhật,\u00a021/07/2024';
  assert.equal(findAll(text, 'nhật, 21').length, 1);
});
