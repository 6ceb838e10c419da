/**
 * Word 97–2003 (.doc): text read with word-extractor, which gives the body, footnotes and endnotes
 * as text (Word's paragraph marks as line breaks, a table's cells separated by tabs, one row a
 * line). Styles and fonts are not read, so headings and lists are paragraphs, and a legacy
 * encoding is found by the text itself (compose.ts).
 */
import { createRequire } from 'node:module';
import filters from 'word-extractor/lib/filters.js';
import { UserError } from '../../errors';
import type { Block } from '../../model';
import type { OfficeText } from './compose';

export const DOC_KIND = 'Word 97–2003 (.doc)';
export const DOC_TYPE = 'application/msword';

/**
 * word-extractor writes the word "undefined" for characters its tables lack: Word's optional
 * hyphen (0x1F, which is where LibreOffice puts U+00AD — TCVN3's "ư"), and the five bytes
 * Windows-1252 leaves free (TCVN3's À, Ả, Ì, Ĩ, Í, Ù). Its two filters are replaced, before its
 * extractor first loads them, by ones that keep those characters.
 */
const cp1252 = new TextDecoder('windows-1252');
const clean = filters.clean;
filters.binaryToUnicode = (text) =>
  text.replace(/[\x80-\x9f]/g, (c) => cp1252.decode(Uint8Array.of(c.charCodeAt(0))));
// eslint-disable-next-line no-control-regex -- Word's optional hyphen
filters.clean = (text) => clean(text.replace(/\x1f/g, '\u00ad'));
const WordExtractor = createRequire(import.meta.url)(
  'word-extractor',
) as typeof import('word-extractor').default;

function lines(text: string): string[] {
  return (
    text
      .split(/\r\n?|\n/)
      // eslint-disable-next-line no-control-regex -- Word's leftover field and cell marks
      .map((l) => l.replace(/[\u0000-\u0008\u000b-\u001f]/g, ' ').trim())
      .filter((l) => l !== '')
  );
}

/** Lines with tabs in a row are a table's rows; every other line is a paragraph. */
export function bodyBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) blocks.push({ type: 'table', rows });
    rows = [];
  };
  for (const line of lines(text)) {
    if (line.includes('\t')) rows.push(line.split('\t').map((c) => c.trim()));
    else {
      flush();
      blocks.push({ type: 'p', text: line });
    }
  }
  flush();
  return blocks;
}

function noteBlocks(text: string, first: number): Block[] {
  return lines(text).map((line, i) => ({
    type: 'footnote' as const,
    label: String(first + i),
    text: line.replace(/\t/g, ' '),
  }));
}

export async function readDoc(bytes: Buffer): Promise<OfficeText> {
  let body: string;
  let footnotes: string;
  let endnotes: string;
  try {
    const doc = await new WordExtractor().extract(bytes);
    // Quotes and dashes as typed: the default "filter" makes them ASCII.
    body = doc.getBody({ filterUnicode: false });
    footnotes = doc.getFootnotes({ filterUnicode: false });
    endnotes = doc.getEndnotes({ filterUnicode: false });
  } catch {
    throw new UserError('import.ole-damaged', { kind: DOC_KIND });
  }
  const notes = noteBlocks(footnotes, 1);
  return {
    blocks: [...bodyBlocks(body), ...notes, ...noteBlocks(endnotes, notes.length + 1)],
    title: null,
    encoding: null,
  };
}
