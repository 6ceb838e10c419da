/**
 * Pictures of pages (a phone photo, a scanner's PNG or TIFF) recognised by their magic bytes, and
 * their size read from the header before a pixel is decoded: a 20,000 × 20,000 picture would take
 * 1.6 GB as pixels, so it is refused with one sentence instead.
 */
import { UserError } from '../../errors';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export const IMAGE_TYPES: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

/** The most pixels recognised in one picture: an A4 page scanned at 600 dpi is 35 million. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Smaller than this on either side, a picture is an icon or a photo, never a page of text. */
export const MIN_PAGE_SIDE = 100;

export function imageKind(head: Uint8Array): ImageKind | null {
  const at = (bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
  if (at([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at([0xff, 0xd8, 0xff])) return 'jpeg';
  if (at([0x49, 0x49, 0x2a, 0x00]) || at([0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

export interface ImageSize {
  width: number;
  height: number;
}

function jpegSize(b: Buffer): ImageSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 and CC (DAC) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

function tiffSize(b: Buffer): ImageSize | null {
  const little = b[0] === 0x49;
  const u16 = (o: number) => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > b.length) return null;
  const size: Partial<ImageSize> = {};
  for (let k = 0, n = u16(ifd); k < n; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > b.length) break;
    const tag = u16(entry);
    const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
    if (tag === 256) size.width = value;
    if (tag === 257) size.height = value;
  }
  return size.width && size.height ? (size as ImageSize) : null;
}

/** Width and height from the header (the first IFD of a TIFF), or null when it cannot be read. */
export function imageSize(kind: ImageKind, bytes: Uint8Array): ImageSize | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (kind === 'png') {
      if (b.toString('latin1', 12, 16) !== 'IHDR') return null;
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    }
    return kind === 'jpeg' ? jpegSize(b) : tiffSize(b);
  } catch {
    return null; // a header cut short
  }
}

/** Refuse what cannot be a page, or is too large to decode; returns the size otherwise. */
export function checkImage(kind: ImageKind, bytes: Uint8Array): ImageSize {
  const size = imageSize(kind, bytes);
  if (!size) throw new UserError('import.image-damaged');
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new UserError('import.image-too-large', {
      width: size.width,
      height: size.height,
      limit: MAX_IMAGE_PIXELS / 1_000_000,
    });
  }
  return size;
}
