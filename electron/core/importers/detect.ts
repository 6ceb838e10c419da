/**
 * Which importer reads a file, decided by its content: archives are full of `.txt` files that
 * are really HTML and JSON exports without an extension. The extension only breaks ties.
 */
import iconv from 'iconv-lite';
import { sniffEncoding } from '../text/decode';

export type Format = 'gzip' | 'json' | 'html' | 'text';

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The start of the file as text, whatever its encoding; a cut character at the end is harmless. */
export function headText(head: Uint8Array): string {
  return iconv
    .decode(Buffer.from(head.subarray(0, 16384)), sniffEncoding(head))
    .replace(/^\uFEFF/, '');
}

function extension(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name.replace(/\.gz$/i, ''))?.[1]?.toLowerCase() ?? '';
}

/** `{"` or `[{` (spaces allowed) opens JSON; a text line that starts with a bracket does not. */
function looksLikeJson(text: string): boolean {
  return /^\s*(\{\s*("|\})|\[\s*[{["\]\d-]|\[\s*$)/.test(text);
}

function looksLikeHtml(text: string): boolean {
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(text))
    return true;
  if (/<(head|body|title|meta)[\s>]/i.test(text)) return true;
  const tags = text.match(/<\/?(p|div|span|a|br|img|h[1-6]|ul|li|table|article)[\s>/]/gi);
  return (tags?.length ?? 0) >= 8;
}

export function detectFormat(head: Uint8Array, name: string): Format {
  if (isGzip(head)) return 'gzip';
  const text = headText(head);
  const ext = extension(name);
  if (looksLikeJson(text)) return 'json';
  if (looksLikeHtml(text)) return 'html';
  // Ambiguous content (a fragment, a single tag): trust what the file calls itself.
  if (/^(html?|xhtml)$/.test(ext) && text.includes('<')) return 'html';
  if (/^(json|jsonl|ndjson)$/.test(ext) && /^\s*[[{]/.test(text)) return 'json';
  return 'text';
}
