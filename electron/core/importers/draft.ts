/**
 * Small shared pieces every importer needs to build an ArticleDraft the same way: defaults,
 * dates, paragraphs, and the comparison used to spot a lead repeated in the body.
 */
import type { ArticleDraft, Block } from '../model';
import type { UserError } from '../errors';
import { nfc } from '../text/vietnamese';

/** A draft with every optional field empty, so importers only state what they found. */
export function makeDraft(fields: Partial<ArticleDraft> & { title: string; sourceId: string }) {
  const draft: ArticleDraft = {
    date: null,
    author: null,
    source: null,
    url: null,
    summary: null,
    blocks: [],
    docNumber: null,
    docType: null,
    issuer: null,
    place: null,
    encoding: null,
    tags: [],
    ...fields,
  };
  return draft;
}

/** NFC, single spaces, trimmed; null for nothing, so empty strings never reach the store. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = nfc(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `yyyy-mm-dd` for a real calendar day (31/02 and 0/13 are not), else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!validDate(y, m, d)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An ISO `yyyy-mm-dd` from the shapes archives use: ISO dates and timestamps, and the
 * Vietnamese day-first `dd/mm/yyyy` (also with `-` or `.`). Anything else is unknown, not an error.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (isoMatch) return isoDate(+isoMatch[1], +isoMatch[2], +isoMatch[3]);
  const dayFirst = /(?:^|\D)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/.exec(text);
  if (dayFirst) return isoDate(+dayFirst[3], +dayFirst[2], +dayFirst[1]);
  return null;
}

/** Paragraph blocks from text whose paragraphs are separated by one or more line breaks. */
export function paragraphBlocks(text: string): Block[] {
  return nfc(text)
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'p' as const, text: line }));
}

/** The comparison used to spot a lead repeated in the body; the reader hides such a lead by it. */
export { comparisonKey, truncatedKey } from '../text/lead';

/** The bytes of the file a draft was read from, for the archive to keep (office formats, PDF, images). */
export interface OriginalBytes {
  bytes: Uint8Array;
  /** The file's name as the user knows it, without folders. */
  name: string;
  mediaType: string;
}

/** One result of reading a file: a draft, or the reason one record or file could not be read. */
export type DraftItem =
  | { ok: true; draft: ArticleDraft; where: string; original?: OriginalBytes }
  | { ok: false; error: UserError; where: string };
