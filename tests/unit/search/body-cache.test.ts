/** The decoded bodies of recent hits: least recently used dropped first, bounded by characters. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BodyCache } from '../../../electron/core/search/hits';

const body = (chars: number) => ({ blocks: [], texts: ['x'.repeat(chars)], chars });

test('the cache keeps at most its limit of characters, dropping the least recently used', () => {
  const cache = new BodyCache(100);
  cache.set('a', body(40));
  cache.set('b', body(40));
  assert.ok(cache.get('a'), 'a is used again: b is now the oldest');
  cache.set('c', body(40));
  assert.equal(cache.get('b'), undefined);
  assert.ok(cache.get('a'));
  assert.ok(cache.get('c'));
  assert.equal(cache.size, 2);
  // A body larger than the whole cache is not kept, and pushes nothing out.
  cache.set('huge', body(101));
  assert.equal(cache.get('huge'), undefined);
  assert.equal(cache.size, 2);
});
