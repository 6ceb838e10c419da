/** The place in a legal document a route names: `#/article/ID/dieu-12`, and links to it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleHref, parseRoute } from '../../../renderer/src/app/route';

test('an article route may name a section', () => {
  assert.deepEqual(parseRoute('#/article/abc/dieu-12-khoan-2'), {
    screen: 'article',
    id: 'abc',
    annotation: null,
    section: 'dieu-12-khoan-2',
  });
  assert.deepEqual(parseRoute(articleHref('a b', undefined, 'dieu-5a')), {
    screen: 'article',
    id: 'a b',
    annotation: null,
    section: 'dieu-5a',
  });
  assert.equal(articleHref('x', undefined, 'chuong-ii-muc-1'), '#/article/x/chuong-ii-muc-1');
  assert.equal(articleHref('x'), '#/article/x');
  assert.equal(parseRoute('#/article/x').screen, 'article');
  assert.equal((parseRoute('#/article/x') as { section?: string | null }).section ?? null, null);
});
