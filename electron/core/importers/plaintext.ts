/**
 * The plain-text article format provincial newspaper archives come in (see the reference article
 * in shared/seeds): blank-line-separated blocks — a date line with a weekday, the title, a lead
 * that repeats the opening paragraphs cut short, the body, photo captions followed by their
 * credit, and the byline alone on the last line.
 */
import { UserError } from '../errors';
import type { ArticleDraft, Block, TitleOrigin } from '../model';
import { creditLine, MAX_CAPTION, splitCaption } from './credit';
import { firstSentence } from './derived-title';
import { cleanText, comparisonKey, makeDraft, toIsoDate, truncatedKey } from './draft';
import { recognizeOfficial } from './official';
import { officialTitle } from './official-facts';
import { convertLegacy } from '../text/legacy';

const WEEKDAY = String.raw`(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn)`;
const TIME = String.raw`\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:\(?\s*gmt\s*\+\s*7\s*\)?|sa|ch|am|pm))?`;
const DAY = String.raw`(?:ngày\s*)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})`;
const SEP = String.raw`[\s,|-]*`;
/** "Chủ nhật, 21/07/2024", "Thứ Hai 08:30 22/07/2024", "21/07/2024 - 08:30 (GMT+7)". */
const DATE_LINE = new RegExp(
  String.raw`^(?:${TIME}${SEP})?(?:${WEEKDAY}${SEP})?(?:${TIME}${SEP})?${DAY}(?:${SEP}(?:lúc\s*)?${TIME})?[\s.]*$`,
  'u',
);

/** A title longer than this is really a paragraph: the file has no title line. */
const MAX_TITLE = 250;
/** Shorter than this, a "lead" matching the body's start is too little evidence of repetition. */
const MIN_LEAD_KEY = 20;

/** The ISO date of a date line, or undefined when the line is not one. */
export function dateLine(line: string): string | null | undefined {
  const match = DATE_LINE.exec(line.toLowerCase().replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  return toIsoDate(match[1].replace(/\s+/g, ''));
}

/**
 * Lines hard-wrapped at a fixed width belong together; lines of any other shape are separate
 * blocks (a caption and its "Ảnh:" credit are often on consecutive lines).
 */
function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const widths = lines.slice(0, -1).map((l) => l.length);
  return widths.every((w) => w >= 40 && w <= 100) && lines.every((l) => l.length <= 100);
}

/** The file's text blocks in order, each trimmed to single spaces. */
export function splitUnits(text: string): string[] {
  const units: string[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (looksHardWrapped(lines)) units.push(lines.join(' '));
    else units.push(...lines);
  }
  return units.map((u) => u.replace(/\s+/g, ' ')).filter((u) => u !== '');
}

/**
 * A byline: a short last line naming people ("Trung Xuân", "Minh Anh - Hoàng Long (TTXVN)"),
 * every word capitalised, no sentence punctuation at the end.
 */
export function isByline(line: string): boolean {
  if (line.length > 60 || /[.!?:;,…"”]$/.test(line)) return false;
  if (creditLine(line) !== null) return false;
  const words = line
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\-–—/&,]+/)
    .filter((w) => w !== '');
  if (words.length === 0 || words.length > 8) return false;
  return words.every((w) => /^\p{Lu}/u.test(w));
}

/** A source attribution instead of a byline: "Theo TTXVN", "Theo Báo Lạng Sơn". */
function attribution(line: string): string | null {
  const match = /^theo\s+(.{2,60}?)\.?$/iu.exec(line);
  return match && !/[.!?]/.test(match[1]) ? match[1] : null;
}

/**
 * The lead if the first block is one: a copy of the opening paragraphs (compared without
 * dashes, quotes or spacing differences; the copy often glues paragraphs together and is cut
 * short with "…"), or any block that ends with an ellipsis. Otherwise null: it is a paragraph.
 */
export function leadOf(units: string[]): string | null {
  if (units.length < 2) return null;
  const lead = units[0];
  const key = truncatedKey(lead);
  if (key.length >= MIN_LEAD_KEY) {
    let following = '';
    for (const unit of units.slice(1)) {
      following += comparisonKey(unit);
      if (following.length >= key.length) break;
    }
    if (following.startsWith(key)) return lead;
  }
  return /(…|\.\.\.)$/.test(lead) ? lead : null;
}

/** Paragraphs and figures: a credit line turns the short block before it into the caption. */
export function bodyBlocks(units: string[]): Block[] {
  const blocks: Block[] = [];
  for (const unit of units) {
    const credit = creditLine(unit);
    if (credit !== null) {
      const previous = blocks[blocks.length - 1];
      const caption =
        previous?.type === 'p' && previous.text.length <= MAX_CAPTION ? previous.text : '';
      if (caption) blocks.pop();
      blocks.push({ type: 'figure', caption, credit });
      continue;
    }
    const split = unit.length <= MAX_CAPTION + 80 ? splitCaption(unit) : null;
    if (split?.credit && split.caption) {
      blocks.push({ type: 'figure', caption: split.caption, credit: split.credit });
    } else {
      blocks.push({ type: 'p', text: unit });
    }
  }
  return blocks;
}

/**
 * Parse one plain-text article or official document (whose header gives its facts and title,
 * its whole text being the body). Text in a legacy Vietnamese encoding is converted first.
 * Throws `import.no-title` / `import.no-body` when it is neither.
 */
export function parsePlainText(input: string, sourceId: string): ArticleDraft {
  const { text, encoding } = convertLegacy(input);
  const units = splitUnits(text);
  const header = recognizeOfficial(text);
  const official = header.official ? officialTitle(header) : null;
  if (official && units.length > 1) {
    return makeDraft({
      title: official,
      date: header.date,
      docNumber: header.number,
      docType: header.type,
      issuer: header.issuer,
      place: header.place,
      blocks: units.map((unit) => ({ type: 'p' as const, text: unit })),
      encoding,
      sourceId,
    });
  }
  let i = 0;
  let date: string | null = null;
  const first = units.length ? dateLine(units[0]) : undefined;
  if (first !== undefined) {
    date = first;
    i = 1;
  }
  if (i >= units.length) throw new UserError('import.no-title');
  let title = units[i];
  let titleOrigin: TitleOrigin | null = null;
  if (title.length > MAX_TITLE) {
    // No title line: name the article by its first sentence and keep the paragraph whole.
    title = firstSentence(title);
    titleOrigin = 'body';
  } else {
    i++;
  }
  const afterTitle = i < units.length ? dateLine(units[i]) : undefined;
  if (date === null && afterTitle !== undefined) {
    date = afterTitle;
    i++;
  }

  let end = units.length;
  let author: string | null = null;
  let source: string | null = null;
  if (end - i >= 2) {
    const last = units[end - 1];
    source = attribution(last);
    if (source) end--;
    else if (isByline(last)) {
      author = last;
      end--;
    }
  }

  let rest = units.slice(i, end);
  const summary = leadOf(rest);
  if (summary !== null) rest = rest.slice(1);
  const blocks = bodyBlocks(rest);
  if (!blocks.some((b) => b.type === 'p')) throw new UserError('import.no-body');

  const draft = makeDraft({
    title: cleanText(title) ?? '',
    ...(titleOrigin && { titleOrigin }),
    date,
    author: cleanText(author),
    source: cleanText(source),
    summary: cleanText(summary),
    blocks,
    encoding,
    sourceId,
  });
  if (header.official) {
    // An official document the header names too little to title: keep what it does say.
    draft.docNumber = header.number;
    draft.docType = header.type;
    draft.issuer = header.issuer;
    draft.place = header.place;
    draft.date ??= header.date;
  }
  return draft;
}
