/**
 * A PDF's pages → the paragraphs of one article, page by page: the text layer through pdfjs
 * (its Node build, fonts and character maps read from the package, nothing fetched), and pages
 * without one — a scan, or text in a font with no Unicode map — rendered and recognised by OCR.
 * Each page is released once read; what is kept is its lines, bounded by the page and character
 * limits, so a 2,000-page file costs no more than it is allowed to.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { UserError } from '../../errors';
import type { Block, LegacyEncoding } from '../../model';
import { fromLegacy } from '../../text/legacy';
import { nfc } from '../../text/vietnamese';
import { MAX_IMAGE_PIXELS } from './images';
import { removeFurniture } from './furniture';
import {
  continuesAcrossPages,
  joinLines,
  pageFrame,
  pageLines,
  pageParagraphs,
  readingOrder,
  type Frame,
  type PageParagraph,
  type Segment,
  type TextRun,
} from './layout';
import type { OcrWord, Recognizer } from './ocr';

const require = createRequire(import.meta.url);

/** The most pages read from one PDF: the longest law of the corpus fills about 400. */
export const MAX_PDF_PAGES = 1000;
/** A page picture for OCR: the long side in pixels (an A4 page at about 210 dpi). */
const OCR_LONG_SIDE = 2500;
/** Fewer visible characters than this, and a page with a picture is a scan. */
const MIN_PAGE_CHARS = 20;
/** A page whose text is more than this share of control or private-use characters is garbage. */
const MAX_GARBAGE = 0.2;

export interface PageProgress {
  /** Called after each page: pages read so far, and the file's page count. */
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface PdfText {
  blocks: Block[];
  pageCount: number;
  /** The pages read by OCR, with Tesseract's confidence for each. */
  recognized: { page: number; confidence: number }[];
  /** Pages that needed OCR while it was off (ARCHIVE_READER_OCR=0), left unread. */
  unread?: number;
  encoding: LegacyEncoding | null;
  metadataTitle: string | null;
}

const pdfjsDir = () => path.dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * pdf.js's exceptions, by name. On a damaged file its in-process worker rejects promises of its
 * own that nobody awaits (a cross-reference entry it then rebuilds, for one); under Node's default
 * that unhandled rejection ends the process, and with it the import of the whole folder. The
 * document's own promises, awaited below, still report the damage as one sentence.
 */
const PDFJS_EXCEPTIONS = new Set([
  'XRefEntryException',
  'XRefParseException',
  'MissingDataException',
  'ParserEOFException',
  'FormatError',
  'InvalidPDFException',
  'UnknownErrorException',
  'PasswordException',
  'ResponseException',
  'AbortException',
]);

let strayRejectionsGuarded = false;

/** Drop pdf.js's stray rejections; any other unhandled rejection ends the process as before. */
function guardStrayRejections(): void {
  if (strayRejectionsGuarded) return;
  strayRejectionsGuarded = true;
  process.on('unhandledRejection', (reason) => {
    const name = (reason as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && PDFJS_EXCEPTIONS.has(name)) return;
    throw reason;
  });
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  guardStrayRejections();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: pdfjs may take over the buffer; the draft keeps it
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    wasmUrl: path.join(dir, 'wasm') + path.sep,
    iccUrl: path.join(dir, 'iccs') + path.sep,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw new UserError('import.pdf-password');
    if (
      name === 'InvalidPDFException' ||
      name === 'UnknownErrorException' ||
      name === 'FormatError'
    )
      throw new UserError('import.pdf-damaged');
    throw error;
  }
}

/** The legacy encoding a font's name announces: ".VnTime", ".VnArialH" (TCVN3), "VNI-Times". */
export function fontEncoding(name: string): LegacyEncoding | null {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  if (/^\.?Vn[A-Z]/.test(bare)) return 'tcvn3';
  if (/^VNI[-_ ]/i.test(bare)) return 'vni';
  return null;
}

// eslint-disable-next-line no-control-regex -- what a font without a Unicode map gives
const GARBAGE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/g;

/** Whether a page's text is glyph numbers rather than letters (a font with no Unicode map). */
export function isGarbage(text: string): boolean {
  const visible = text.replace(/\s+/g, '');
  if (visible.length === 0) return false;
  return (visible.match(GARBAGE)?.length ?? 0) / visible.length > MAX_GARBAGE;
}

interface PageRead {
  lines: Segment[][];
  encoding: LegacyEncoding | null;
  /** The page needs OCR: a scan, or text that is not text. */
  scan: boolean;
}

async function readPage(page: PDFPageProxy): Promise<PageRead> {
  const [content, operators] = await Promise.all([
    // Not NFKC: a legacy font files "à" under µ (U+00B5), which NFKC makes a Greek mu.
    page.getTextContent({ disableNormalization: true }),
    page.getOperatorList(),
  ]);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const hasImage = operators.fnArray.some(
    (op) => op === pdfjs.OPS.paintImageXObject || op === pdfjs.OPS.paintInlineImageXObject,
  );
  const fonts = new Map<string, { encoding: LegacyEncoding | null; bold: boolean }>();
  const fontOf = (id: string) => {
    let font = fonts.get(id);
    if (!font) {
      const name = page.commonObjs.has(id) ? String(page.commonObjs.get(id)?.name ?? '') : '';
      font = { encoding: fontEncoding(name), bold: /bold|black|heavy|,B$|\.VnTimeH/i.test(name) };
      fonts.set(id, font);
    }
    return font;
  };
  let encoding: LegacyEncoding | null = null;
  const runs: TextRun[] = [];
  for (const item of content.items as TextItem[]) {
    if (typeof item.str !== 'string' || item.str === '') continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    const font = fontOf(item.fontName);
    let text = item.str;
    if (font.encoding) {
      text = fromLegacy(text, font.encoding);
      encoding = font.encoding;
    }
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    runs.push({ text, x, y, width: item.width, size, bold: font.bold });
  }
  const lines = pageLines(runs);
  const text = lines
    .flat()
    .map((s) => s.text)
    .join(' ');
  const visible = text.replace(/\s+/g, '').length;
  const scan = (hasImage && visible < MIN_PAGE_CHARS) || isGarbage(text);
  return { lines: scan ? [] : lines, encoding, scan };
}

/** Render a page to a PNG for OCR, at about 210 dpi for an A4 page. */
async function renderPage(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
): Promise<{ png: Buffer; scale: number; viewport: PageViewport }> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(300 / 72, OCR_LONG_SIDE / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: { toBuffer(mime: string): Buffer }; context: unknown };
    destroy(target: unknown): void;
  };
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    await page.render({
      canvasContext: target.context as CanvasRenderingContext2D,
      canvas: target.canvas as unknown as HTMLCanvasElement,
      viewport,
      background: 'white',
    }).promise;
    return { png: target.canvas.toBuffer('image/png'), scale, viewport };
  } finally {
    factory.destroy(target);
  }
}

/**
 * OCR words (pixels, y downwards) → text runs in the page's points (y upwards), through the
 * viewport the page was rendered with; a picture's pixels are its points.
 */
export function wordRuns(
  words: OcrWord[],
  scale: number,
  toPdf: (x: number, y: number) => number[] = (x, y) => [x, -y],
): TextRun[] {
  return words.map((w) => {
    const [x, y] = toPdf(w.x0, w.baseline);
    return { text: w.text, x, y, width: (w.x1 - w.x0) / scale, size: w.size / scale };
  });
}

export interface PageText {
  page: number;
  lines: Segment[][];
}

/** Headings: paragraphs set clearly larger than the body's type. */
function headingLevel(p: PageParagraph, body: number): number | null {
  if (p.text.length > 200 || body === 0) return null;
  if (p.size >= body * 1.6) return 1;
  if (p.size >= body * 1.25) return 2;
  return null;
}

function bodySize(pages: PageParagraph[][]): number {
  const sizes = new Map<number, number>();
  for (const p of pages.flat()) {
    const size = Math.round(p.size * 2) / 2;
    sizes.set(size, (sizes.get(size) ?? 0) + p.text.length);
  }
  let best = 0;
  let size = 0;
  for (const [s, n] of sizes) if (n > best) [best, size] = [n, s];
  return size;
}

/** The pages' lines (furniture removed) → the article's blocks, each with its page. */
export function toBlocks(pages: PageText[]): Block[] {
  const blocks: Block[] = [];
  const ordered = pages.map((p) => readingOrder(p.lines));
  // The margins are the document's: a short last page's lines neither fill nor start them.
  const { left, right } = pageFrame(ordered.flat());
  const textPages = ordered.map((segments) => {
    const frame = { ...pageFrame(segments), left, right };
    return { frame, paragraphs: pageParagraphs(segments, frame) };
  });
  const body = bodySize(textPages.map((t) => t.paragraphs));
  let previous: { paragraph: PageParagraph; frame: Frame; block: Block } | null = null;
  for (const [k, page] of pages.entries()) {
    const read = textPages[k];
    if (!read) {
      for (const line of page.lines)
        blocks.push({ type: 'p', text: line[0].text, page: page.page });
      previous = null;
      continue;
    }
    for (const [i, paragraph] of read.paragraphs.entries()) {
      if (
        i === 0 &&
        previous?.block.type === 'p' &&
        continuesAcrossPages(previous.paragraph, previous.frame, paragraph, read.frame)
      ) {
        previous.block.text = joinLines(previous.block.text, paragraph.text);
        previous = { paragraph, frame: read.frame, block: previous.block };
        continue;
      }
      const level = headingLevel(paragraph, body);
      const block: Block =
        level === null
          ? { type: 'p', text: paragraph.text, page: page.page }
          : { type: 'heading', level, text: paragraph.text, page: page.page };
      blocks.push(block);
      previous = { paragraph, frame: read.frame, block };
    }
  }
  for (const block of blocks) if ('text' in block) block.text = nfc(block.text);
  return blocks;
}

/**
 * Every page's text, in order. `maxChars` bounds the text kept (the article limit): past it the
 * file is refused before more pages are read. Without `ocr` (turned off), pages that need it are
 * counted and left unread.
 */
export async function readPdf(
  bytes: Uint8Array,
  ocr: (() => Recognizer) | null,
  maxChars: number,
  progress: PageProgress = {},
): Promise<PdfText> {
  const doc = await openPdf(bytes);
  try {
    const total = doc.numPages;
    if (total > MAX_PDF_PAGES) {
      throw new UserError('import.pdf-too-many-pages', { pages: total, limit: MAX_PDF_PAGES });
    }
    const pages: PageText[] = [];
    const recognized: PdfText['recognized'] = [];
    let unread = 0;
    let encoding: LegacyEncoding | null = null;
    let chars = 0;
    for (let n = 1; n <= total; n++) {
      if (progress.signal?.aborted) throw new UserError('import.cancelled');
      const page = await doc.getPage(n).catch(() => {
        throw new UserError('import.pdf-damaged');
      });
      try {
        const read = await readPage(page).catch((error: unknown) => {
          // A page whose content stream or fonts are broken: the file is damaged.
          if (error instanceof UserError) throw error;
          throw new UserError('import.pdf-damaged');
        });
        encoding ??= read.encoding;
        let lines = read.lines;
        if (read.scan && !ocr) unread++;
        else if (read.scan && ocr) {
          const { png, scale, viewport } = await renderPage(doc, page).catch(() => {
            throw new UserError('import.pdf-damaged'); // content pdfjs cannot draw
          });
          const result = await ocr().recognize(png);
          const toPdf = (x: number, y: number) => viewport.convertToPdfPoint(x, y);
          lines = pageLines(wordRuns(result.words, scale, toPdf));
          if (lines.length) recognized.push({ page: n, confidence: result.confidence });
        }
        for (const line of lines) for (const s of line) chars += s.text.length + 1;
        if (chars > maxChars) throw new UserError('import.too-long', { chars, limit: maxChars });
        pages.push({ page: n, lines });
      } finally {
        page.cleanup();
      }
      progress.onPage?.(n, total);
    }
    const kept = removeFurniture(pages.map((p) => p.lines));
    const metadata = await doc.getMetadata().catch(() => null);
    const title = (metadata?.info as { Title?: unknown } | undefined)?.Title;
    return {
      blocks: toBlocks(pages.map((p, k) => ({ ...p, lines: kept[k] }))),
      pageCount: total,
      recognized,
      unread,
      encoding,
      metadataTitle: typeof title === 'string' && title.trim() ? nfc(title.trim()) : null,
    };
  } finally {
    await doc.destroy();
  }
}
