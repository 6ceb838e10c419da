/**
 * Bytes → text for every importer. Files come from office PCs, old CDs and phones: UTF-8 with or
 * without a BOM, UTF-16 from Word's "Unicode text", pre-Unicode Vietnamese (TCVN3, VNI) from the
 * 1990s and 2000s, sometimes a picture or a program dropped into the same folder. Anything that is
 * not text is refused with a UserError that names what it is.
 */
import iconv from 'iconv-lite';
import { UserError } from '../errors';
import { detectLegacy, legacyView } from './legacy';
import { nfc } from './vietnamese';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many bytes the sniffers look at: enough for a header and a few lines of text. */
const SNIFF_BYTES = 8192;

/** Magic numbers of files people drop into archive folders by mistake. */
const MAGIC: { kind: string; bytes: number[]; offset?: number }[] = [
  { kind: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'Office 97-2003', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { kind: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: 'WebP', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { kind: 'SQLite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((b, i) => bytes[offset + i] === b);
}

/** The encoding a byte-order mark announces, with the mark's length. */
export function bomEncoding(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: Vietnamese text is still mostly ASCII letters and spaces, so one byte of
 * nearly every pair is NUL, always on the same side. Binary data has NULs scattered on both sides.
 */
function utf16ByNulPattern(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd / pairs > 0.3 && even / pairs < 0.02) return 'utf-16le';
  if (even / pairs > 0.3 && odd / pairs < 0.02) return 'utf-16be';
  return null;
}

/** The kind of binary file the bytes are (for the error message), or null when they may be text. */
export function binaryKind(bytes: Uint8Array): string | null {
  if (bomEncoding(bytes)) return null;
  for (const m of MAGIC) if (startsWith(bytes, m.bytes, m.offset)) return m.kind;
  const head = bytes.subarray(0, SNIFF_BYTES);
  // "MZ" alone could begin a text line; a real executable header has NULs right after it.
  if (startsWith(bytes, [0x4d, 0x5a]) && head.subarray(0, 64).includes(0)) return 'EXE';
  if (head.includes(0) && !utf16ByNulPattern(bytes)) return 'data';
  return null;
}

/** The encoding to read the bytes with: BOM first, then the NUL pattern, else UTF-8. */
export function sniffEncoding(bytes: Uint8Array): TextEncoding {
  return bomEncoding(bytes)?.encoding ?? utf16ByNulPattern(bytes) ?? 'utf-8';
}

/** A few stray bytes (a bad copy-paste) are tolerated and become U+FFFD; more means wrong charset. */
function tolerableInvalid(invalid: number, length: number): boolean {
  return invalid <= 16 && invalid <= length * 0.005;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    // U+FFFD that was really in the file (EF BF BD) is not an error.
    const genuine = countBytes(bytes, [0xef, 0xbf, 0xbd]);
    const invalid = countChar(loose, '\uFFFD') - genuine;
    if (!tolerableInvalid(invalid, bytes.length)) throw new UserError('import.undecodable');
    return loose;
  }
}

function countBytes(bytes: Uint8Array, seq: number[]): number {
  let n = 0;
  for (let i = bytes.indexOf(seq[0]); i >= 0; i = bytes.indexOf(seq[0], i + 1)) {
    if (startsWith(bytes, seq, i)) n++;
  }
  return n;
}

/** Charsets that name Windows-1252 (as browsers read them): the legacy fonts' own code page. */
function westernCharset(charset: string): boolean {
  return /^(?:windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|l1|us-ascii|ascii)$/.test(charset);
}

/**
 * Bytes that are not UTF-8: a charset the page declares, else TCVN3 or VNI — returned as their
 * Windows-1252 characters, which is how those fonts were keyed. The importers convert them to
 * Unicode (`convertLegacy`) where they make an article's fields, and record the encoding; the
 * same characters reach them inside UTF-8 pages and JSON too.
 */
function decodeNotUtf8(body: Uint8Array, charset: string | null, error: unknown): string {
  if (charset && !/^utf-?8$/.test(charset) && !westernCharset(charset)) {
    if (iconv.encodingExists(charset)) return iconv.decode(Buffer.from(body), charset);
  }
  const view = legacyView(body);
  if (detectLegacy(view)) return view;
  if (charset && westernCharset(charset)) return view;
  throw error;
}

export interface DecodeOptions {
  /** A charset the file declares itself (an HTML `<meta charset>`), used when UTF-8 fails. */
  declaredCharset?: string | null;
}

/**
 * Decode a whole file to NFC text with `\n` line ends. Throws `import.empty`, `import.binary`
 * or `import.undecodable`; never returns garbage silently (TCVN3 and VNI come back as their
 * Windows-1252 characters for the importers to convert: see `decodeNotUtf8`).
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  if (bytes.length === 0) throw new UserError('import.empty');
  const kind = binaryKind(bytes);
  if (kind) throw new UserError('import.binary', { kind });
  const bom = bomEncoding(bytes);
  const encoding = sniffEncoding(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = decodeUtf8(body);
    } catch (error) {
      if (bom) throw error;
      text = decodeNotUtf8(body, options.declaredCharset?.toLowerCase() ?? null, error);
    }
  } else {
    text = iconv.decode(Buffer.from(body), encoding);
  }
  text = nfc(text).replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new UserError('import.empty');
  return text;
}
