import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../../electron/core/search/query-parser';
import { escapeHtml, makeSnippet } from '../../../electron/core/search/snippet';

const snippet = (paragraphs: string[], query: string, width?: number) =>
  makeSnippet(paragraphs, parseQuery(query).clauses, width);

/** The marked words of a snippet, in order. */
const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

describe('makeSnippet marks', () => {
  test('accent-free typing marks accented text', () => {
    const html = snippet(['Công tác dân vận ở Lạng Sơn'], 'dan van lang son');
    assert.deepEqual(marked(html), ['dân vận', 'Lạng Sơn']);
  });

  test('đ is marked by d', () => {
    assert.deepEqual(marked(snippet(['Thành phố Đà Nẵng'], 'da nang')), ['Đà Nẵng']);
  });

  test('tone placement does not matter', () => {
    assert.deepEqual(marked(snippet(['Hoà bình và hòa hợp'], 'hòa')), ['Hoà', 'hòa']);
  });

  test('NFD text is marked in its NFC form', () => {
    const html = snippet(['Lạng Sơn'.normalize('NFD')], 'lang');
    assert.deepEqual(marked(html), ['Lạng']);
  });

  test('a prefix marks the words it starts', () => {
    assert.deepEqual(marked(snippet(['Nghị định và nghị quyết'], 'nghi*')), ['Nghị', 'nghị']);
  });

  test('excluded words are not marked', () => {
    assert.deepEqual(marked(snippet(['xổ số kiến thiết'], 'so -xo')), ['số']);
  });

  test('a phrase is marked only where its syllables stand together in order', () => {
    const html = snippet(
      ['Vận động dân cư. Công tác dân vận tốt. Dân và vận hội.'],
      '"cong tac dan van"',
    );
    assert.deepEqual(marked(html), ['Công tác dân vận']);
    assert.equal(marked(snippet(['dân và vận, vận dân'], '"dan van"')).length, 0);
  });

  test('whole words, not scattered syllables: "nghị" of "hội nghị" stays plain', () => {
    const html = snippet(
      ['Hội nghị quán triệt nghị quyết về công tác dân vận của nhân dân'],
      'nghi quyet dan van',
    );
    assert.deepEqual(marked(html), ['nghị quyết', 'dân vận']);
    // Apart, each syllable is still marked.
    assert.deepEqual(marked(snippet(['Nghị định về vận tải'], 'nghi quyet dan van')), [
      'Nghị',
      'vận',
    ]);
  });

  test('a paragraph without any match still gives a plain snippet', () => {
    const html = snippet(['Không có gì ở đây'], 'xyz');
    assert.equal(html, 'Không có gì ở đây');
  });

  test('no paragraphs give an empty snippet', () => {
    assert.equal(snippet([], 'dan'), '');
    assert.equal(snippet(['', ''], 'dan'), '');
  });
});

describe('makeSnippet escapes HTML', () => {
  test('<script> in the text comes out escaped', () => {
    const html = snippet(['Mã <script>alert("x")</script> & dân vận'], 'dan van');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; '), html);
    assert.ok(!html.includes('<script'), html);
    assert.deepEqual(marked(html), ['dân vận']);
  });

  test('the only tags in a snippet are <mark> and </mark>', () => {
    const html = snippet(['<b onclick="x">dân</b> <img src=x onerror=alert(1)> vận'], 'dan van');
    assert.deepEqual(
      [...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]),
      ['mark', 'mark', 'mark', 'mark'],
    );
  });

  test('escapeHtml covers & < > " \'', () => {
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('makeSnippet window', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `chữ${i}`).join(' ');

  test('chooses the paragraph with the most distinct matches', () => {
    const paragraphs = [
      `Dân dân dân dân dân dân ${filler(5)}`,
      `${filler(3)} vận động ${filler(3)}`,
      `${filler(4)} Lạng Sơn có công tác dân vận tốt ${filler(4)}`,
      `${filler(2)} dân ${filler(2)}`,
    ];
    const html = snippet(paragraphs, 'dan van lang son');
    assert.deepEqual(marked(html), ['Lạng Sơn', 'dân vận']);
  });

  test('a long paragraph is cut around the matches, with ellipses', () => {
    const text = `${filler(80)} công tác dân vận ${filler(80)}`;
    const html = snippet([text], 'dan van', 120);
    assert.ok(html.startsWith('…') && html.endsWith('…'), html);
    assert.deepEqual(marked(html), ['dân vận']);
    assert.ok(html.replace(/<\/?mark>/g, '').length < 200, html);
  });

  test('the summary (first paragraph) wins a tie', () => {
    const html = snippet(['Tóm tắt về dân vận', 'Thân bài về dân vận'], 'dan van');
    assert.ok(html.startsWith('Tóm tắt'), html);
  });
});
