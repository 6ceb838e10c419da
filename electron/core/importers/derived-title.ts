/**
 * A title for an article whose source has none, so no article is dropped for lacking one. News
 * exports often carry a body and an address but no title: the address's slug
 * ("nghi-quyet-dan-van-123.html") turned back into words comes first; else the body's first
 * heading or sentence. Either way the draft is marked (`titleOrigin`), because a slug has lost its
 * accents and a sentence is not what the publisher called the article.
 */
import type { Block, TitleOrigin } from '../model';
import { cleanText } from './draft';

/** A derived title is at most this long; longer text is cut at a word and marked with "…". */
export const MAX_DERIVED_TITLE = 120;

export interface DerivedTitle {
  title: string;
  titleOrigin: TitleOrigin;
}

/** Path segments that name a page type, not an article ("index.html", "/chi-tiet/"). */
const NOT_SLUGS = new Set([
  'index',
  'default',
  'home',
  'detail',
  'details',
  'chi tiet',
  'news',
  'tin tuc',
  'article',
  'articles',
  'post',
  'posts',
  'amp',
  'print',
]);

/**
 * An identifier a CMS adds to a slug: a long number (4512345, a timestamp 20231206093000123), a
 * prefixed one (post1234567, c1a123, a12345, ar1234567), a hex hash.
 */
function isIdToken(token: string): boolean {
  return (
    /^\d{5,}$/.test(token) ||
    /^[a-z]{1,4}\d{3,}$/i.test(token) ||
    /^[a-z]?\d+[a-z]\d+$/i.test(token) ||
    (/^[0-9a-f]{8,}$/i.test(token) && /\d/.test(token))
  );
}

/** A path segment or slug field turned back into words, or null when it is only an id. */
export function slugToTitle(slug: string): string | null {
  let text = slug;
  try {
    text = decodeURIComponent(text);
  } catch {
    // A stray "%" is text, not an escape.
  }
  text = text.replace(/\.[a-z0-9]{1,5}$/i, '');
  const tokens = text.split(/[-_+\s.,]+/).filter((t) => t !== '');
  while (tokens.length && isIdToken(tokens[tokens.length - 1])) tokens.pop();
  while (tokens.length && isIdToken(tokens[0])) tokens.shift();
  const words = tokens.filter((t) => !/^\d{6,}$/.test(t));
  const joined = cleanText(words.join(' '));
  if (!joined || !/\p{L}/u.test(joined)) return null;
  if (words.filter((w) => /\p{L}/u.test(w)).length < 2 || NOT_SLUGS.has(joined.toLowerCase()))
    return null;
  return cut(joined.charAt(0).toLocaleUpperCase('vi') + joined.slice(1));
}

/**
 * The slug of a web address: its last non-empty path segment as words; null when that is only an
 * id ("/a/c/21395276.epi") or a page type ("index.html"): the folders before it are sections.
 */
export function urlSlugTitle(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.replace(/[?#].*$/, '');
  }
  const last = path
    .split('/')
    .filter((s) => s !== '')
    .pop();
  return last ? slugToTitle(last) : null;
}

/** Text cut at a word to fit a title, with "…" when something was cut. */
function cut(text: string): string {
  if (text.length <= MAX_DERIVED_TITLE) return text;
  const head = text.slice(0, MAX_DERIVED_TITLE);
  const atWord = head.replace(/[\s,;:–—-]+\S*$/u, '');
  return `${(atWord.length >= MAX_DERIVED_TITLE / 2 ? atWord : head).trimEnd()}…`;
}

/**
 * The first sentence of a paragraph: up to the first ".", "!", "?" or "…" followed by a space and
 * a capital letter or by the end, once the sentence has a few words; an abbreviation ("TP. Hưng
 * Yên") does not end it.
 */
export function firstSentence(text: string): string {
  const clean = cleanText(text) ?? '';
  const end = /[.!?…](?=\s+[\p{Lu}\d"“(]|$)/gu;
  for (let m = end.exec(clean); m; m = end.exec(clean)) {
    const sentence = clean.slice(0, m.index + 1);
    // "TP.", "TX.", "PGS.", "Q.": an abbreviation's full stop ends no sentence.
    if (m[0] === '.' && /(?:^|\s)(?:\p{Lu}{1,4}|Tp|Ths)\.$/u.test(sentence)) continue;
    if (sentence.split(' ').length >= 4) return cut(sentence.replace(/\.$/, ''));
  }
  return cut(clean);
}

/** A title from the body: its first heading, else its first paragraph's first sentence. */
export function bodyTitle(blocks: readonly Block[]): string | null {
  const heading = blocks.find((b) => b.type === 'heading' && cleanText(b.text));
  if (heading?.type === 'heading') return cut(cleanText(heading.text) ?? '');
  const first = blocks.find((b) => (b.type === 'p' || b.type === 'li') && cleanText(b.text));
  return first && 'text' in first ? firstSentence(first.text) : null;
}

/**
 * A title for a source that has none: from `slug` (a record's `title_slug`), then from the
 * web address `url`, then from the body. Null when there is nothing to name the article by.
 */
export function deriveTitle(source: {
  slug?: string | null;
  url?: string | null;
  blocks: readonly Block[];
}): DerivedTitle | null {
  const fromSlug =
    (source.slug ? slugToTitle(source.slug) : null) ??
    (source.url ? urlSlugTitle(source.url) : null);
  if (fromSlug) return { title: fromSlug, titleOrigin: 'slug' };
  const fromBody = bodyTitle(source.blocks);
  return fromBody ? { title: fromBody, titleOrigin: 'body' } : null;
}
