/**
 * Offline Vietnamese OCR: tesseract.js (Tesseract's LSTM engine compiled to WebAssembly) in its
 * own worker thread, so recognising a page never holds the engine's thread, with the `vie` model
 * read from the @tesseract.js-data/vie package on disk — never downloaded, never cached
 * elsewhere. One worker serves a whole file; an AbortSignal terminates it mid-page.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { UserError } from '../../errors';
import { nfc } from '../../text/vietnamese';

const require = createRequire(import.meta.url);

/** The LSTM-only integer model (1.4 MB): as accurate as the full one here, and smaller. */
export function vieModelDir(): string {
  return path.join(
    path.dirname(require.resolve('@tesseract.js-data/vie/package.json')),
    '4.0.0_best_int',
  );
}

/**
 * Whether pages without text are recognised: on unless `ARCHIVE_READER_OCR=0` turns it off (a
 * slow machine importing many typed PDFs; the import fuzz tests). Off, a scanned page is skipped
 * unread, and a file with nothing else is listed with its reason.
 */
export function ocrEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.ARCHIVE_READER_OCR?.trim().toLowerCase();
  return !(value === '0' || value === 'false' || value === 'no' || value === 'off');
}

/** Paragraphs Tesseract is less sure of than this (0–100) are specks and rules, not text. */
const MIN_PARAGRAPH_CONFIDENCE = 25;

/** A recognised word, in the picture's pixels (y downwards): the layout reads it like a text run. */
export interface OcrWord {
  text: string;
  x0: number;
  x1: number;
  /** The baseline of the word's line, one value for the whole line. */
  baseline: number;
  /** The line's height, standing for the type size. */
  size: number;
}

export interface RecognizedPage {
  words: OcrWord[];
  /** Tesseract's mean word confidence for the page, 0–100; 0 when nothing was read. */
  confidence: number;
}

function cancelled(): UserError {
  return new UserError('import.cancelled');
}

export class Recognizer {
  private worker: Promise<Worker> | null = null;
  private readonly abort: Promise<never>;
  private onAbort = () => {};

  constructor(private readonly signal?: AbortSignal) {
    this.abort = new Promise<never>((_, reject) => {
      this.onAbort = () => {
        void this.close();
        reject(cancelled());
      };
      signal?.addEventListener('abort', this.onAbort, { once: true });
    });
    this.abort.catch(() => {}); // only raced against, below
  }

  private start(): Promise<Worker> {
    this.worker ??= createWorker('vie', OEM.LSTM_ONLY, {
      langPath: vieModelDir(),
      gzip: true,
      cacheMethod: 'none',
      errorHandler: () => {},
    });
    return this.worker;
  }

  /** Recognise one picture of a page (PNG, JPEG or TIFF bytes). */
  async recognize(image: Buffer): Promise<RecognizedPage> {
    if (this.signal?.aborted) throw cancelled();
    const job = this.start()
      .then((worker) => worker.recognize(image, {}, { blocks: true }))
      .catch(() => {
        // Tesseract rejects with a bare string ("Error attempting to read image."): pixels its
        // decoders cannot read, a picture cut short or damaged past its header.
        throw new UserError('import.image-damaged');
      });
    const { data } = await Promise.race([job, this.abort]);
    const words: OcrWord[] = [];
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        if (paragraph.confidence < MIN_PARAGRAPH_CONFIDENCE) continue;
        for (const line of paragraph.lines) {
          const baseline = (line.baseline.y0 + line.baseline.y1) / 2;
          const size = line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0;
          for (const word of line.words) {
            const text = nfc(word.text.trim());
            if (text) words.push({ text, x0: word.bbox.x0, x1: word.bbox.x1, baseline, size });
          }
        }
      }
    }
    return { words, confidence: words.length ? data.confidence : 0 };
  }

  /** Stop the worker thread (idempotent). */
  async close(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort);
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }
}
