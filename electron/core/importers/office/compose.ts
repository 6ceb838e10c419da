/**
 * Blocks read from an office file → an ArticleDraft, the same way for docx, doc and odt: text in a
 * legacy encoding that no font name gave away is found by the text itself, the official-document
 * header is read from the paragraphs as plain-text import reads it, and the title is the
 * header's, else the file's own title property, else one derived from the body (and said so).
 */
import { UserError } from '../../errors';
import type { ArticleDraft, Block, LegacyEncoding } from '../../model';
import { blockText } from '../../archive/layout';
import { detectLegacy, fromLegacy } from '../../text/legacy';
import { cleanText, makeDraft } from '../draft';
import { recognizeOfficial } from '../official';
import { officialTitle } from '../official-facts';

export interface OfficeText {
  blocks: Block[];
  /** The title the file itself records (docx core properties, odt meta), if any. */
  title: string | null;
  /** Set when legacy fonts were found by name and their text already converted. */
  encoding: LegacyEncoding | null;
}

/** A derived title's longest length before it is cut at a word. */
const MAX_DERIVED_TITLE = 120;

function mapText(block: Block, convert: (text: string) => string): Block {
  switch (block.type) {
    case 'table':
      return { ...block, rows: block.rows.map((row) => row.map(convert)) };
    case 'figure':
      return { ...block, caption: convert(block.caption) };
    default:
      return { ...block, text: convert(block.text) };
  }
}

/** The lines the header recogniser reads: each paragraph, heading, item and table cell. */
export function headerLines(blocks: Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'table') for (const row of block.rows) lines.push(...row);
    else if (block.type !== 'footnote') lines.push(blockText(block));
  }
  return lines.join('\n');
}

/** A title property worth using: Word's own "Microsoft Word - name.doc" and blanks are not. */
function ownTitle(title: string | null): string | null {
  const text = cleanText(title);
  if (!text || /^microsoft word\s*-/i.test(text) || /\.(docx?|odt|rtf)$/i.test(text)) return null;
  return text;
}

/** The first heading, else the first sentence of the body cut at a word. */
function derivedTitle(blocks: Block[]): string | null {
  const heading = blocks.find((b) => b.type === 'heading');
  const first = heading ?? blocks.find((b) => b.type === 'p' || b.type === 'li');
  if (!first) return null;
  const text = cleanText(first.text) ?? '';
  const sentence = /^.+?[.!?…](?=\s|$)/u.exec(text)?.[0] ?? text;
  if (sentence.length <= MAX_DERIVED_TITLE) return sentence || null;
  return `${sentence.slice(0, MAX_DERIVED_TITLE).replace(/\s+\S*$/, '')}…`;
}

export function officeDraft(office: OfficeText, sourceId: string): ArticleDraft {
  let blocks = office.blocks
    .map((b) => mapText(b, (t) => cleanText(t) ?? ''))
    // A table keeps its empty cells (columns stay aligned) unless it has no text at all.
    .filter((b) =>
      b.type === 'table' ? b.rows.flat().some((c) => c !== '') : blockText(b) !== '',
    );
  let encoding = office.encoding;
  if (!encoding) {
    const detected = detectLegacy(headerLines(blocks));
    if (detected) {
      blocks = blocks.map((b) => mapText(b, (t) => fromLegacy(t, detected)));
      encoding = detected;
    }
  }
  // A soft hyphen is TCVN3's "ư"; in Unicode text it only splits a word for search.
  if (!encoding) blocks = blocks.map((b) => mapText(b, (t) => t.replace(/\u00ad/g, '')));
  if (!blocks.some((b) => b.type !== 'footnote')) throw new UserError('import.no-body');
  const header = recognizeOfficial(headerLines(blocks));
  const official = header.official ? officialTitle(header) : null;
  const own = ownTitle(office.title);
  const derived = official || own ? null : derivedTitle(blocks);
  const draft = makeDraft({
    title: official ?? own ?? derived ?? '',
    blocks,
    encoding,
    sourceId,
  });
  if (!draft.title) throw new UserError('import.no-title');
  if (derived) draft.titleOrigin = 'body';
  if (header.official) {
    draft.docNumber = header.number;
    draft.docType = header.type;
    draft.issuer = header.issuer;
    draft.place = header.place;
    draft.date = header.date;
  }
  return draft;
}
