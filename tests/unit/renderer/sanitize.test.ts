/**
 * The renderer's one door for markup: search snippets, which the host sends as escaped text with
 * `<mark>`. Whatever arrives there (a host bug, a hostile article, a tampered response), only
 * `<mark>` without attributes may reach the page. Everything else the renderer shows is React
 * text, and a guard below keeps it that way. DOMPurify runs in jsdom here, in Chromium in the app.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { makeSnippet } from '../../../electron/core/search/snippet';
import { parseQuery } from '../../../electron/core/search/query-parser';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
let sanitizeSnippet: (html: string) => string;
let Snippet: (props: { html: string }) => unknown;

before(async () => {
  // DOMPurify binds to the global window when its module loads, as it does in the browser.
  (globalThis as { window?: unknown }).window = dom.window;
  ({ sanitizeSnippet, Snippet } = await import('../../../renderer/src/search/Snippet'));
});

/** Every element and attribute the markup would create in a real DOM. */
function shape(html: string): { tags: string[]; attributes: string[]; text: string } {
  const box = dom.window.document.createElement('div');
  box.innerHTML = html;
  const elements = [...box.querySelectorAll('*')];
  return {
    tags: [...new Set(elements.map((e) => e.tagName.toLowerCase()))],
    attributes: elements.flatMap((e) => [...e.attributes].map((a) => a.name)),
    text: box.textContent ?? '',
  };
}

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"><circle r="4"/></svg>',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:window.__pwned = 4">xem</a>',
  '<mark onclick="window.__pwned = 5" style="background:url(https://evil.example/x.png)">dân</mark>',
  '<style>@import url(https://evil.example/a.css)</style>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="https://evil.example"><input autofocus onfocus="alert(1)"></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
];

describe('sanitizeSnippet', () => {
  test('keeps <mark> and the text', () => {
    const clean = sanitizeSnippet('công tác <mark>dân vận</mark> ở Lạng Sơn…');
    assert.equal(clean, 'công tác <mark>dân vận</mark> ở Lạng Sơn…');
  });

  for (const markup of HOSTILE) {
    test(`leaves only bare <mark> of ${markup.slice(0, 40)}`, () => {
      const result = shape(sanitizeSnippet(`trước ${markup} sau`));
      assert.ok(
        result.tags.every((t) => t === 'mark'),
        `tags left: ${result.tags.join(', ')}`,
      );
      assert.deepEqual(result.attributes, []);
      assert.doesNotMatch(result.text, /pwned|javascript:/);
    });
  }

  test('escaped markup stays text', () => {
    const clean = sanitizeSnippet('&lt;script&gt;alert(1)&lt;/script&gt; <mark>dân</mark>');
    const result = shape(clean);
    assert.deepEqual(result.tags, ['mark']);
    assert.equal(result.text, '<script>alert(1)</script> dân');
  });
});

test('the whole path: a hostile article’s text → the host’s snippet → the Snippet component', () => {
  const paragraphs = [
    'Bà con dân vận <script>window.__pwned = 1</script> khéo <img src=x onerror=alert(1)> ở xã.',
    '<a href="javascript:alert(2)">Xem thêm</a> về công tác dân vận <svg onload=alert(3)>.',
  ];
  const snippet = makeSnippet(paragraphs, parseQuery('dân vận').clauses, 300);
  assert.match(snippet, /<mark>/);
  const markup = renderToStaticMarkup(createElement(Snippet as never, { html: snippet }));
  const result = shape(markup);
  assert.deepEqual(result.tags.sort(), ['mark', 'p']);
  assert.deepEqual(result.attributes, ['class']); // the paragraph's own class="snippet"
  assert.match(result.text, /<script>window.__pwned = 1<\/script>/, 'the markup shows as text');
});

test('no other renderer code writes markup into the page', () => {
  const root = path.resolve(import.meta.dirname, '../../../renderer/src');
  const sinks =
    /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|new Function|\beval\(/;
  const offenders: string[] = [];
  for (const file of fs.readdirSync(root, { recursive: true }).map(String)) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    if (sinks.test(text) && file !== path.join('search', 'Snippet.tsx')) offenders.push(file);
  }
  assert.deepEqual(offenders, [], 'render text through React, or markup through sanitizeSnippet');
});
