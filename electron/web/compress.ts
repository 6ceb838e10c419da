/**
 * What the browser host sends compressed, and how the built renderer is cached. Brotli or gzip,
 * as the client's Accept-Encoding prefers (node:zlib), for JSON answers above MIN_BYTES and for
 * the renderer's files; a static file's compressed forms are made once (the best Brotli and gzip
 * levels) and kept while the file is unchanged, an answer's with fast levels. Hashed files under
 * /assets/ never change under their name and are cached for a year; the rest (index.html) are
 * asked for again each time and answered 304 when their ETag still holds.
 */
import fs from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Smaller answers are sent as they are: compressing them saves less than its own cost. */
export const MIN_BYTES = 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Types worth compressing (fonts in woff/woff2 and images in png are compressed already). */
const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|xml)|image\/(svg\+xml|x-icon)|font\/ttf)/;

export function compressible(type: string): boolean {
  return COMPRESSIBLE.test(type);
}

/**
 * The client's preferred encoding among ours (RFC 9110 12.5.3): the highest q, Brotli on a tie;
 * `*` stands for any not named; q=0 refuses. Null: send it as it is.
 */
export function pickEncoding(header: string | string[] | undefined): Encoding | null {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const given = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = given ? Number(given.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<Encoding | null>(
    (chosen, name) => (weight(name) > (chosen ? weight(chosen) : 0) ? name : chosen),
    null,
  );
  return best;
}

/** An answer's body, compressed fast (Brotli quality 4, gzip level 6), off the main thread. */
export function compressFast(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: briefParams(body.length, 4) })
    : gzip(body, { level: 6 });
}

function briefParams(size: number, quality: number) {
  return {
    [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  };
}

/** A static file as sent: its bytes, compressed forms, and ETag. */
export interface Representation {
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  /** Strong, from the content; an encoded form's ETag adds its encoding (`"…-br"`). */
  etag: string;
}

/**
 * The renderer's files, read and compressed once each and kept while their size and mtime are
 * unchanged (a rebuilt renderer is picked up without a restart).
 */
export class StaticCache {
  private readonly files = new Map<string, { stamp: string; made: Promise<Representation> }>();

  async get(file: string, type: string): Promise<Representation> {
    const stat = await fs.stat(file);
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const known = this.files.get(file);
    if (known && known.stamp === stamp) return known.made;
    const made = this.make(file, type);
    this.files.set(file, { stamp, made });
    made.catch(() => this.files.delete(file));
    return made;
  }

  private async make(file: string, type: string): Promise<Representation> {
    const identity = await fs.readFile(file);
    const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
    if (!compressible(type) || identity.length < MIN_BYTES) {
      return { identity, br: null, gzip: null, etag };
    }
    const [br, gz] = await Promise.all([
      brotli(identity, { params: briefParams(identity.length, zlib.constants.BROTLI_MAX_QUALITY) }),
      gzip(identity, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    // A form no smaller than the file itself is not worth sending.
    return {
      identity,
      br: br.length < identity.length ? br : null,
      gzip: gz.length < identity.length ? gz : null,
      etag,
    };
  }
}

/** The ETag of one encoded form. */
export function encodedTag(etag: string, encoding: Encoding | null): string {
  return encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/** Whether If-None-Match names this file in any of its forms (weak or strong). */
export function stillFresh(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const base = etag.slice(1, -1);
  return header.split(',').some((tag) => {
    const bare = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return bare === base || bare === `${base}-br` || bare === `${base}-gzip`;
  });
}
