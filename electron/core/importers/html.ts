/**
 * Saved newspaper pages: Readability finds the article among menus, ads and comments, and we keep
 * only its text as blocks: paragraphs, headings, list items (nested by depth), tables of data and
 * figure captions. No markup survives — scripts, styles, frames, SVG and attributes such
 * as `onerror` never reach a field — so nothing from the page can run in the reader.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UserError } from '../errors';
import type { ArticleDraft, Block } from '../model';
import { figureBlock } from './credit';
import { deriveTitle } from './derived-title';
import { cleanText, comparisonKey, makeDraft, toIsoDate, truncatedKey } from './draft';
import { bodyBlocks, dateLine } from './plaintext';
import { fillOfficialFacts } from './official-facts';
import { detectLegacy, fromLegacy, type LegacyEncoding } from '../text/legacy';
import { blockText } from '../archive/layout';

/** Elements whose text is never article text. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'button',
  'input',
  'select',
  'textarea',
  'form',
  'head',
  'link',
  'meta',
]);
/** Elements that are one paragraph of text each. */
const TEXT_BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'dt',
  'dd',
  'td',
  'th',
  'address',
]);
const BLOCKY = new Set([
  ...TEXT_BLOCKS,
  'div',
  'section',
  'article',
  'figure',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'tr',
  'dl',
  'main',
  'header',
  'footer',
  'aside',
]);
/** Where newspapers put the date and the author next to the title. */
const META_AREA =
  '[class*="date"], [class*="time"], [class*="meta"], [class*="info"], [class*="byline"], [class*="author"]';
const SAPO = '.sapo, .lead, .article-sapo, .detail-sapo, .summary, .description, .chapeau';

type El = Element;

/** The text of a node; `skip` names elements left out (a list item's nested lists). */
function textOf(node: Node, skip?: ReadonlySet<string>): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const tag = (node as El).tagName.toLowerCase();
  if (DROP.has(tag) || skip?.has(tag)) return '';
  if (tag === 'br') return ' ';
  let text = '';
  for (const child of Array.from(node.childNodes)) text += textOf(child, skip);
  return text;
}

const LISTS = new Set(['ul', 'ol']);

/**
 * A list as list-item blocks, nested lists one level deeper. An ordered item carries its number
 * ("2.") as the page showed it, so the text reads the same everywhere it is shown.
 */
function collectList(list: El, depth: number, out: (string | Block)[]): void {
  const ordered = list.tagName.toLowerCase() === 'ol';
  let n = Number.parseInt(list.getAttribute('start') ?? '', 10) || 1;
  for (const child of Array.from(list.children)) {
    const tag = child.tagName.toLowerCase();
    if (LISTS.has(tag)) {
      collectList(child, depth + 1, out); // a list put straight into a list, as editors do
      continue;
    }
    if (tag !== 'li') continue;
    const text = cleanText(textOf(child, LISTS));
    if (text) out.push({ type: 'li', text: ordered ? `${n}. ${text}` : text, ordered, depth });
    n++;
    for (const nested of Array.from(child.querySelectorAll('ul, ol'))) {
      // Only the lists of this item, not those of the lists inside them.
      if (nested.parentElement?.closest('li') === child) collectList(nested, depth + 1, out);
    }
  }
}

/**
 * A table of data (two rows and two columns at least, no table inside it) as rows of cell text;
 * null for a table used for layout (an image above its caption), whose text is read as before.
 */
function dataTable(table: El): Block | null {
  if (table.querySelector('table')) return null;
  const rows = Array.from(table.querySelectorAll('tr')).map((tr) =>
    Array.from(tr.children)
      .filter((c) => /^t[dh]$/i.test(c.tagName))
      .map((cell) => cleanText(textOf(cell)) ?? ''),
  );
  const filled = rows.filter((row) => row.some((cell) => cell !== ''));
  if (filled.length < 2 || Math.max(...filled.map((row) => row.length)) < 2) return null;
  return { type: 'table', rows: filled };
}

function hasBlockChild(el: El): boolean {
  return Array.from(el.children).some((c) => BLOCKY.has(c.tagName.toLowerCase()));
}

/** Units of text in reading order; figure captions are kept apart as ready-made blocks. */
function collect(node: Node, out: (string | Block)[]): void {
  let inline = '';
  const flush = () => {
    const text = cleanText(inline);
    if (text) out.push(text);
    inline = '';
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== 1) {
      inline += textOf(child);
      continue;
    }
    const el = child as El;
    const tag = el.tagName.toLowerCase();
    if (DROP.has(tag)) continue;
    if (!BLOCKY.has(tag) && tag !== 'figcaption') {
      inline += textOf(el);
      continue;
    }
    flush();
    const table = tag === 'table' ? dataTable(el) : null;
    if (/^h[1-6]$/.test(tag) && !hasBlockChild(el)) {
      const text = cleanText(textOf(el));
      if (text) out.push({ type: 'heading', level: Number(tag[1]), text });
    } else if (LISTS.has(tag)) {
      collectList(el, 0, out);
    } else if (table) {
      out.push(table);
    } else if (tag === 'figure') {
      const caption = el.querySelector('figcaption');
      const text = caption ? cleanText(textOf(caption)) : null;
      if (text) out.push(figureBlock(text));
    } else if (TEXT_BLOCKS.has(tag) && !hasBlockChild(el)) {
      const text = cleanText(textOf(el));
      if (text) out.push(text);
    } else {
      collect(el, out);
    }
  }
  flush();
}

function meta(document: Document, selector: string, attr = 'content'): string | null {
  return cleanText(document.querySelector(selector)?.getAttribute(attr));
}

interface PageFacts {
  url: string | null;
  source: string | null;
  date: string | null;
  author: string | null;
  sapo: string | null;
}

/** Facts read before Readability rewrites the document. */
function pageFacts(document: Document): PageFacts {
  let date = toIsoDate(meta(document, 'meta[property="article:published_time"]'));
  date ??= toIsoDate(meta(document, 'time[datetime]', 'datetime'));
  let author: string | null = null;
  for (const el of Array.from(document.querySelectorAll(META_AREA)).slice(0, 50)) {
    const text = cleanText(textOf(el)) ?? '';
    if (text.length > 300) continue;
    date ??= toIsoDate(text);
    author ??=
      /(?:tác giả|bài(?: và ảnh)?|tin(?:, ảnh)?)\s*:\s*([^|,;]{2,40}?)\s*(?:$|[|,;])/iu.exec(
        text,
      )?.[1] ?? null;
  }
  return {
    url: webAddress(
      meta(document, 'link[rel="canonical"]', 'href') ?? meta(document, 'meta[property="og:url"]'),
    ),
    source: meta(document, 'meta[property="og:site_name"]'),
    date,
    author: cleanText(author),
    sapo: cleanText(textOf(document.querySelector(SAPO) ?? document.createTextNode(''))),
  };
}

/** Only a web address is kept as the page's address: never `javascript:`, `data:` or `file:`. */
function webAddress(value: string | null): string | null {
  return value && /^https?:\/\/[^\s/]+/i.test(value) ? value : null;
}

/** A byline without the date a page prints beside the name. */
function cleanByline(byline: string | null | undefined): string | null {
  const text = cleanText(byline?.replace(/^(?:tác giả|bài|by)\s*:?\s*/iu, ''));
  if (!text) return null;
  const withoutDate = cleanText(text.replace(/\b(thứ|chủ nhật|\d{1,2}\/\d{1,2}\/\d{4}).*$/iu, ''));
  return withoutDate && withoutDate.length <= 80 ? withoutDate : null;
}

/** A page typed in a legacy font (.VnTime, VNI-Times): its text converted in place. */
function convertLegacyPage(document: Document): LegacyEncoding | null {
  const encoding = detectLegacy(document.documentElement?.textContent ?? '');
  if (!encoding) return null;
  const walk = (node: Node) => {
    if (node.nodeType === 3) node.nodeValue = fromLegacy(node.nodeValue ?? '', encoding);
    else for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(document.documentElement);
  return encoding;
}

/** A block of the article's own text (not a caption, not a heading alone). */
const isBodyText = (b: Block) => b.type === 'p' || b.type === 'li' || b.type === 'table';

/** Parse one HTML page. Throws `import.no-title` / `import.no-body` when no article is found. */
export function parseHtml(html: string, sourceId: string): ArticleDraft {
  const { document } = parseHTML(html);
  const encoding = convertLegacyPage(document as unknown as Document);
  const facts = pageFacts(document as unknown as Document);
  const reader = new Readability<Node>(document as unknown as Document, {
    serializer: (node) => node,
  });
  const article = reader.parse();
  if (!article?.content) throw new UserError('import.no-body');

  const given =
    cleanText(article.title) ?? meta(document as unknown as Document, 'meta[property="og:title"]');
  const title = given ?? '';

  const units: (string | Block)[] = [];
  collect(article.content, units);
  const blocks: Block[] = [];
  let texts: string[] = [];
  const flushTexts = () => {
    blocks.push(...bodyBlocks(texts));
    texts = [];
  };
  for (const unit of units) {
    if (typeof unit === 'string') {
      // The title and the date line are shown from their fields, not repeated as paragraphs.
      if (blocks.length + texts.length === 0 && comparisonKey(unit) === comparisonKey(title))
        continue;
      if (dateLine(unit) !== undefined) continue;
      texts.push(unit);
    } else {
      if (
        unit.type === 'heading' &&
        blocks.length + texts.length === 0 &&
        comparisonKey(unit.text) === comparisonKey(given ?? '')
      )
        continue;
      flushTexts();
      blocks.push(unit);
    }
  }
  flushTexts();

  let summary: string | null = null;
  const firstIndex = blocks.findIndex((b) => b.type === 'p');
  const first = firstIndex >= 0 ? (blocks[firstIndex] as { text: string }).text : '';
  if (facts.sapo && comparisonKey(facts.sapo) === comparisonKey(first)) {
    summary = facts.sapo;
    blocks.splice(firstIndex, 1);
  } else {
    const excerpt = cleanText(article.excerpt);
    // Readability falls back to the first paragraph as the excerpt: that is not a lead.
    if (excerpt && !comparisonKey(first).startsWith(truncatedKey(excerpt))) summary = excerpt;
  }
  if (!blocks.some(isBodyText)) throw new UserError('import.no-body');
  // A page without a title is named by its address's slug or its first sentence, and marked.
  const derived = given ? null : deriveTitle({ url: facts.url, blocks });
  if (!given && !derived) throw new UserError('import.no-title');

  const draft = makeDraft({
    title: given ?? derived?.title ?? '',
    ...(derived && { titleOrigin: derived.titleOrigin }),
    date: toIsoDate(article.publishedTime) ?? facts.date,
    author: cleanByline(article.byline) ?? facts.author,
    source: cleanText(article.siteName) ?? facts.source,
    url: facts.url,
    summary,
    blocks,
    encoding,
    sourceId,
  });
  fillOfficialFacts(draft, blocks.map(blockText).join('\n'));
  return draft;
}

/** The charset a page declares in its first bytes, for pages saved in a legacy encoding. */
export function declaredCharset(head: string): string | null {
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}
