/**
 * PDFs and pictures of pages → one article each. A PDF's text layer is read page by page; pages
 * without one, and pictures (PNG, JPEG, TIFF), are recognised by OCR. The official-document
 * header is read from the text the way plain text's is (official.ts), and the file's bytes go
 * with the draft for the archive to keep.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { UserError } from '../../errors';
import type { ArticleDraft, Block, Recognition } from '../../model';
import { blockText } from '../../archive/layout';
import { detectLegacy, fromLegacy } from '../../text/legacy';
import { drain } from '../chunks';
import { cleanText, makeDraft, type DraftItem } from '../draft';
import { recognizeOfficial } from '../official';
import { officialTitle } from '../official-facts';
import { readPdf, toBlocks, wordRuns, type PageProgress, type PdfText } from './document';
import { removeFurniture } from './furniture';
import { pageLines } from './layout';
import {
  checkImage,
  IMAGE_TYPES,
  imageKind,
  imageSize,
  MIN_PAGE_SIDE,
  type ImageKind,
} from './images';
import { ocrEnabled, Recognizer } from './ocr';

export type { PageProgress } from './document';

/** A PDF is read whole (pdfjs needs its cross-reference table at the end): 300 scanned pages. */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;
/** A picture of one page: a 600 dpi colour scan is some 30 MB. */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
const MAX_TITLE = 250;

export type PagedKind = 'pdf' | ImageKind;

/**
 * What `head` is, when this module reads it: a PDF, or a picture large enough to be a page. An
 * icon, a 1-pixel image or a PNG cut before its header is left to be refused as a binary file;
 * a JPEG or TIFF may keep its size past the head (after a large EXIF block, at the file's end).
 */
export function pagedKind(head: Uint8Array): PagedKind | null {
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  const kind = imageKind(head);
  if (!kind) return null;
  const size = imageSize(kind, head);
  if (!size) return kind === 'png' ? null : kind;
  return size.width < MIN_PAGE_SIDE || size.height < MIN_PAGE_SIDE ? null : kind;
}

interface Source {
  size: number;
  stream(): Readable;
}

async function readBytes(source: Source, limit: number): Promise<Buffer> {
  if (source.size > limit) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new UserError('import.too-large', { size: mb(source.size), limit: mb(limit) });
  }
  const parts: Buffer[] = [];
  for await (const chunk of drain(source.stream())) parts.push(chunk);
  return Buffer.concat(parts);
}

function recognition(pages: { page: number; confidence: number }[]): Recognition | null {
  if (pages.length === 0) return null;
  const mean = pages.reduce((sum, p) => sum + p.confidence, 0) / pages.length;
  return {
    engine: 'tesseract',
    confidence: Math.round(mean * 10) / 10,
    pages: pages.map((p) => p.page),
  };
}

/** Text typed in a legacy font the file did not name (".VnTime" substituted): read as such. */
function legacyBlocks(
  blocks: Block[],
  known: string | null,
): { blocks: Block[]; encoding: string | null } {
  if (known) return { blocks, encoding: known };
  const sample = blocks.map(blockText).join('\n');
  const encoding = detectLegacy(sample);
  if (!encoding) return { blocks, encoding: null };
  const convert = (text: string) => fromLegacy(text, encoding);
  return {
    blocks: blocks.map((b) => ('text' in b ? { ...b, text: convert(b.text) } : b)),
    encoding,
  };
}

/** The draft of a document's text: its official header's facts and title, else the best title. */
function toDraft(read: PdfText, where: string): ArticleDraft {
  const { blocks, encoding } = legacyBlocks(read.blocks, read.encoding);
  if (!blocks.length) {
    if (read.unread) throw new UserError('import.ocr-off');
    throw new UserError(read.recognized.length ? 'import.ocr-no-text' : 'import.pdf-no-text');
  }
  const text = blocks.map(blockText).join('\n');
  const header = recognizeOfficial(text);
  const official = header.official ? officialTitle(header) : null;
  const draft = makeDraft({
    title: '',
    blocks,
    encoding,
    sourceId: where,
    pageCount: read.pageCount,
  });
  draft.recognition = recognition(read.recognized);
  if (header.official) {
    draft.docNumber = header.number;
    draft.docType = header.type;
    draft.issuer = header.issuer;
    draft.place = header.place;
    draft.date = header.date;
  }
  const heading = blocks.find((b) => b.type === 'heading' && b.page === 1);
  const title = official ?? read.metadataTitle ?? (heading ? blockText(heading) : null);
  if (title) draft.title = cleanText(title)!.slice(0, MAX_TITLE);
  else {
    // No title anywhere: name the document by its opening words, and say so.
    const first = cleanText(blockText(blocks[0])) ?? '';
    draft.title = first.length > 120 ? `${first.slice(0, 120).replace(/\s+\S*$/, '')}…` : first;
    draft.titleOrigin = 'body';
  }
  return draft;
}

async function readImage(
  bytes: Buffer,
  kind: ImageKind,
  ocr: (() => Recognizer) | null,
  progress: PageProgress,
): Promise<PdfText> {
  checkImage(kind, bytes);
  if (!ocr) throw new UserError('import.ocr-off');
  const result = await ocr().recognize(bytes);
  progress.onPage?.(1, 1);
  const [lines] = removeFurniture([pageLines(wordRuns(result.words, 1))]);
  if (!lines.length) throw new UserError('import.ocr-no-text');
  return {
    blocks: toBlocks([{ page: 1, lines }]),
    pageCount: 1,
    recognized: [{ page: 1, confidence: result.confidence }],
    encoding: null,
    metadataTitle: null,
  };
}

/** Read a PDF or a picture of a page; every problem becomes the file's one error item. */
export async function* readPaged(
  source: Source,
  kind: PagedKind,
  where: string,
  maxChars: number,
  progress: PageProgress = {},
): AsyncGenerator<DraftItem> {
  let recognizer: Recognizer | null = null;
  const ocr = ocrEnabled() ? () => (recognizer ??= new Recognizer(progress.signal)) : null;
  try {
    const bytes = await readBytes(source, kind === 'pdf' ? MAX_PDF_BYTES : MAX_IMAGE_BYTES);
    const read =
      kind === 'pdf'
        ? await readPdf(bytes, ocr, maxChars, progress)
        : await readImage(bytes, kind, ocr, progress);
    const draft = toDraft(read, where);
    const mediaType = kind === 'pdf' ? 'application/pdf' : IMAGE_TYPES[kind];
    yield { ok: true, draft, where, original: { bytes, name: path.basename(where), mediaType } };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    yield { ok: false, error, where };
  } finally {
    await (recognizer as Recognizer | null)?.close();
  }
}
