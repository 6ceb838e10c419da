/**
 * The mutated files of import-fuzz.test.ts, made from the real fixtures (LibreOffice's docx, odt
 * and doc, LibreOffice's and qpdf's PDFs) by a seeded generator: the same seed makes the same
 * files, byte for byte. Generic damage (truncation, flipped bytes, overwritten and repeated
 * ranges) for every format; for a ZIP (docx, odt) its entries read with yauzl and written again
 * by a small ZIP writer with Node's zlib — entries removed, duplicated, reordered, renamed, with a
 * wrong CRC or sizes, an unknown method, garbage deflate data, damaged XML inside valid deflate;
 * for an OLE2 file (doc) its FAT chains looped and its sector size and stream sizes lied about;
 * for a PDF its cross-reference table, object streams, stream lengths and page tree damaged;
 * and good files under another format's name.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fromBufferPromise, type Entry } from 'yauzl';

export interface FuzzCase {
  /** A file name: its number, how it was made, and an extension (not always its format's). */
  name: string;
  bytes: Buffer;
}

export type Random = () => number;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export const SOURCES = {
  docx: ['office/official.docx', 'office/tcvn3.docx', 'originals/van-ban.docx'],
  odt: ['office/official.odt', 'originals/van-ban.odt'],
  doc: ['office/official.doc', 'office/tcvn3.doc'],
  pdf: ['pdf/decree.pdf', 'pdf/vni.pdf', 'originals/van-ban.pdf'],
} as const;

export type Kind = keyof typeof SOURCES;

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)];

function randomBytes(random: Random, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = int(random, 256);
  return out;
}

// ---------------------------------------------------------------- damage any file can meet

function truncate(random: Random, b: Buffer): [string, Buffer] {
  // Most cuts fall anywhere; some in the last KB, where the ZIP directory and the xref are.
  const at =
    random() < 0.3
      ? b.length - 1 - int(random, Math.min(1024, b.length - 1))
      : int(random, b.length);
  return [`truncated-at-${at}`, b.subarray(0, at)];
}

function flip(random: Random, b: Buffer): [string, Buffer] {
  const out = Buffer.from(b);
  const n = 1 + int(random, 24);
  for (let k = 0; k < n; k++) out[int(random, out.length)] ^= 1 << int(random, 8);
  return [`flipped-${n}-bits`, out];
}

function overwrite(random: Random, b: Buffer): [string, Buffer] {
  const out = Buffer.from(b);
  const length = 1 + int(random, 512);
  const at = int(random, Math.max(1, out.length - length));
  randomBytes(random, length).copy(out, at);
  return [`overwritten-${length}-at-${at}`, out];
}

function zeroTail(random: Random, b: Buffer): [string, Buffer] {
  // A copy a power cut left: the file's length, but zeros from some point on.
  const at = int(random, b.length);
  const out = Buffer.from(b);
  out.fill(0, at);
  return [`zeroed-from-${at}`, out];
}

function repeat(random: Random, b: Buffer): [string, Buffer] {
  const at = int(random, b.length);
  const length = 1 + int(random, Math.min(4096, b.length - at));
  const chunk = b.subarray(at, at + length);
  return [
    `repeated-${length}-at-${at}`,
    Buffer.concat([b.subarray(0, at + length), chunk, chunk, b.subarray(at + length)]),
  ];
}

const GENERIC = [truncate, flip, flip, overwrite, zeroTail, repeat];

// ---------------------------------------------------------------- ZIP containers

export interface ZipItem {
  name: string;
  data: Buffer;
  /** 8 deflate, 0 store, anything else an unknown method. */
  method?: number;
  /** The packed bytes as written (deflated `data` unless given). */
  packed?: Buffer;
  crc?: number;
  /** Sizes as declared, in the local header and the central directory (the true ones unless given). */
  size?: number;
  packedSize?: number;
  flags?: number;
}

/** The entries of a ZIP, inflated (yauzl). */
export async function readZip(bytes: Buffer): Promise<ZipItem[]> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true });
  const entries = await new Promise<Entry[]>((resolve, reject) => {
    const all: Entry[] = [];
    zip.on('entry', (entry) => {
      all.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', reject);
    zip.readEntry();
  });
  const items: ZipItem[] = [];
  for (const entry of entries) {
    const parts: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
    items.push({ name: entry.fileName, data: Buffer.concat(parts) });
  }
  return items;
}

/** A ZIP file of `items`, with whatever they lie about written as it is. */
export function writeZip(items: ZipItem[], eocd: { count?: number; offset?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const method = item.method ?? 8;
    const packed = item.packed ?? (method === 0 ? item.data : zlib.deflateRawSync(item.data));
    const name = Buffer.from(item.name, 'utf8');
    const crc = item.crc ?? zlib.crc32(item.data);
    const size = item.size ?? item.data.length;
    const packedSize = item.packedSize ?? packed.length;
    const flags = item.flags ?? 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x5a210000, 10); // 2025-01-01 00:00
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packedSize >>> 0, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0x5a210000, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packedSize >>> 0, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(eocd.count ?? items.length, 8);
  end.writeUInt16LE(eocd.count ?? items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(eocd.offset ?? offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The part that holds the text: mutating it most often reaches the parsers. */
function mainPart(items: ZipItem[]): number {
  const i = items.findIndex((e) => e.name === 'word/document.xml' || e.name === 'content.xml');
  return i < 0 ? 0 : i;
}

function damageXml(random: Random, xml: Buffer): [string, Buffer] {
  const text = xml.toString('utf8');
  const choice = int(random, 7);
  if (choice === 0) {
    const at = int(random, text.length);
    return [`xml-cut-at-${at}`, Buffer.from(text.slice(0, at))];
  }
  if (choice === 1) {
    // Tags removed at random: unbalanced, mis-nested XML.
    let n = 0;
    const out = text.replace(/<[^>]+>/g, (tag) => (random() < 0.05 ? (n++, '') : tag));
    return [`xml-${n}-tags-removed`, Buffer.from(out)];
  }
  if (choice === 2) {
    // An element nested a hundred thousand deep inside the body.
    const depth = 100_000;
    const tag = text.includes('<w:body>') ? 'w:p' : 'text:span';
    const deep = `<${tag}>`.repeat(depth) + 'sâu' + `</${tag}>`.repeat(depth);
    const at = text.search(/<(w:body|office:text)>/);
    const cut = at < 0 ? 0 : text.indexOf('>', at) + 1;
    return [`xml-nested-${depth}`, Buffer.from(text.slice(0, cut) + deep + text.slice(cut))];
  }
  if (choice === 3) {
    // Entities that expand a billion times, if anything expands them.
    const doctype =
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' +
      Array.from({ length: 8 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        return `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${prev};`.repeat(10)}">`;
      }).join('') +
      ']>';
    const out = text
      .replace(/^(<\?xml[^>]*\?>)?/, (decl) => decl + doctype)
      .replace(/>([^<]{4,})</, '>&i;$1<');
    return ['xml-entity-expansion', Buffer.from(out)];
  }
  if (choice === 4) {
    const out = Buffer.from(xml);
    const n = 1 + int(random, 16);
    for (let k = 0; k < n; k++)
      out[int(random, out.length)] = pick(random, [0x3c, 0x3e, 0x22, 0x26, 0x00, 0xff, 0x2f]);
    return [`xml-${n}-markup-bytes`, out];
  }
  if (choice === 5) return ['xml-empty', Buffer.alloc(0)];
  // Attribute values made absurd (numbering levels, style ids, sizes).
  const out = text.replace(/="([^"]*)"/g, (all) =>
    random() < 0.1
      ? `="${pick(random, ['-1', '99999999999', '', 'NaN', '&#0;', 'x'.repeat(5000)])}"`
      : all,
  );
  return ['xml-attributes', Buffer.from(out)];
}

async function zipCase(random: Random, bytes: Buffer): Promise<[string, Buffer]> {
  const items = await readZip(bytes);
  const i = random() < 0.5 ? mainPart(items) : int(random, items.length);
  const target = items[i];
  const choice = int(random, 14);
  const copy = () => items.map((e) => ({ ...e }));
  switch (choice) {
    case 0: {
      const out = copy();
      out.splice(i, 1);
      return [`zip-without-${target.name}`, writeZip(out)];
    }
    case 1: {
      const out = copy();
      // The copy holds other text, so which one a reader takes matters.
      out.splice(int(random, out.length + 1), 0, {
        ...target,
        data: Buffer.from(target.data).reverse(),
      });
      return [`zip-twice-${target.name}`, writeZip(out)];
    }
    case 2: {
      const out = copy();
      for (let k = out.length - 1; k > 0; k--) {
        const j = int(random, k + 1);
        [out[k], out[j]] = [out[j], out[k]];
      }
      return ['zip-shuffled', writeZip(out)];
    }
    case 3: {
      const out = copy();
      out[i].crc = int(random, 2 ** 32);
      return [`zip-crc-${target.name}`, writeZip(out)];
    }
    case 4: {
      const out = copy();
      out[i].size = int(random, Math.max(1, target.data.length));
      return [`zip-size-short-${target.name}`, writeZip(out)];
    }
    case 5: {
      const out = copy();
      out[i].size = target.data.length + 1 + int(random, 2 ** 31);
      return [`zip-size-long-${target.name}`, writeZip(out)];
    }
    case 6: {
      const out = copy();
      const packed = zlib.deflateRawSync(target.data).length;
      out[i].packedSize = random() < 0.5 ? int(random, packed) : packed + 1 + int(random, 100_000);
      return [`zip-packed-size-${target.name}`, writeZip(out)];
    }
    case 7: {
      const out = copy();
      out[i].method = pick(random, [1, 9, 12, 14, 99]);
      return [`zip-method-${out[i].method}-${target.name}`, writeZip(out)];
    }
    case 8: {
      const out = copy();
      out[i].packed = randomBytes(random, 16 + int(random, 2048));
      return [`zip-garbage-deflate-${target.name}`, writeZip(out)];
    }
    case 9: {
      const out = copy();
      out[i].method = 0;
      return [`zip-stored-${target.name}`, writeZip(out)];
    }
    case 10: {
      const out = copy();
      const [how, xml] = damageXml(random, target.data);
      out[i].data = xml;
      return [`zip-${how}-${target.name}`, writeZip(out)];
    }
    case 11: {
      const out = copy();
      out[i].name = pick(random, [
        target.name.toUpperCase(),
        `../${target.name}`,
        `/${target.name}`,
        target.name.replace(/\//g, '\\'),
        `${target.name}\u0000`,
        'x'.repeat(4000),
      ]);
      return [`zip-renamed-${target.name}`, writeZip(out)];
    }
    case 12: {
      const out = copy();
      return [
        'zip-directory-lies',
        writeZip(
          out,
          random() < 0.5 ? { count: int(random, 65536) } : { offset: int(random, 2 ** 32) },
        ),
      ];
    }
    default: {
      const out = copy();
      const mimetype = out.find((e) => e.name === 'mimetype');
      if (mimetype)
        mimetype.data = Buffer.from(
          pick(random, [
            'application/vnd.oasis.opendocument.spreadsheet',
            'application/vnd.oasis.opendocument.text\u0000',
            '',
            'x'.repeat(100_000),
          ]),
        );
      else out[i].flags = 0x0801; // "encrypted"
      return [mimetype ? 'zip-mimetype' : `zip-encrypted-flag-${target.name}`, writeZip(out)];
    }
  }
}

// ---------------------------------------------------------------- OLE2 (.doc)

function oleCase(random: Random, bytes: Buffer): [string, Buffer] {
  const out = Buffer.from(bytes);
  const sector = 2 ** bytes.readUInt16LE(0x1e);
  const sectors = Math.floor((out.length - 512) / sector);
  const at = (n: number) => 512 + n * sector;
  const choice = int(random, 6);
  if (choice === 0) {
    // Sector shift: a sector of a gigabyte, or of a byte.
    const shift = pick(random, [0, 1, 30, 31, 255]);
    out.writeUInt16LE(shift, 0x1e);
    return [`ole-sector-shift-${shift}`, out];
  }
  if (choice === 1) {
    // A FAT entry pointing at itself or back: a chain with no end.
    const fat = out.readUInt32LE(0x4c);
    const entry = int(random, Math.min(sectors, sector / 4));
    const to = random() < 0.5 ? entry : int(random, sectors);
    if (fat < sectors) out.writeUInt32LE(to, at(fat) + entry * 4);
    return [`ole-fat-loop-${entry}-${to}`, out];
  }
  if (choice === 2) {
    // A directory entry's stream size of four gigabytes.
    const dir = out.readUInt32LE(0x30);
    const entry = int(random, sector / 128);
    if (dir < sectors)
      out.writeUInt32LE(0xfffffff0 - int(random, 1000), at(dir) + entry * 128 + 0x78);
    return [`ole-stream-size-${entry}`, out];
  }
  if (choice === 3) {
    // The directory's own siblings and children looped.
    const dir = out.readUInt32LE(0x30);
    const entry = int(random, sector / 128);
    const field = pick(random, [0x44, 0x48, 0x4c]);
    if (dir < sectors) out.writeUInt32LE(entry, at(dir) + entry * 128 + field);
    return [`ole-directory-loop-${entry}`, out];
  }
  if (choice === 4) {
    // The count of FAT sectors, or the first DIFAT sector, made absurd.
    out.writeUInt32LE(
      pick(random, [0, 109, 0x7fffffff, 0xffffffff]),
      pick(random, [0x2c, 0x44, 0x48]),
    );
    return ['ole-header-counts', out];
  }
  // The WordDocument stream's FIB: text positions and lengths lied about.
  const fib = bytes.indexOf(Buffer.from([0xec, 0xa5]), 512);
  if (fib > 0) {
    for (let k = 0; k < 8; k++)
      out.writeUInt32LE(int(random, 2 ** 32), fib + 0x18 + 4 * int(random, 60));
  }
  return ['ole-fib-lies', out];
}

// ---------------------------------------------------------------- PDF

function pdfCase(random: Random, bytes: Buffer): [string, Buffer] {
  const text = bytes.toString('latin1');
  const choice = int(random, 8);
  const latin = (s: string) => Buffer.from(s, 'latin1');
  if (choice === 0) {
    // Every offset of the cross-reference table moved, or some of them.
    const shift = int(random, 200) - 100;
    return [
      `pdf-xref-shifted-${shift}`,
      latin(
        text.replace(/^(\d{10}) (\d{5}) n/gm, (all, o: string, g: string) =>
          random() < 0.5
            ? `${String(Math.max(0, Number(o) + shift)).padStart(10, '0')} ${g} n`
            : all,
        ),
      ),
    ];
  }
  if (choice === 1) {
    const where = text.lastIndexOf('startxref');
    const value = pick(random, [
      '0',
      '-1',
      '99999999999',
      'abc',
      String(int(random, bytes.length)),
    ]);
    return [`pdf-startxref-${value}`, latin(text.slice(0, where) + `startxref\n${value}\n%%EOF\n`)];
  }
  if (choice === 2) {
    // Stream lengths that lie.
    return [
      'pdf-lengths',
      latin(
        text.replace(/\/Length (\d+)/g, (all, n: string) =>
          random() < 0.5
            ? `/Length ${pick(random, [0, Number(n) * 3, Number(n) - 7, 2 ** 31])}`
            : all,
        ),
      ),
    ];
  }
  if (choice === 3) {
    // The page tree: a page count of millions, or Kids that hold their own parent.
    if (random() < 0.5)
      return [
        'pdf-page-count',
        latin(text.replace(/\/Count \d+/, `/Count ${pick(random, [0, -1, 2_000_000, 999])}`)),
      ];
    const pages = /(\d+) 0 obj\s*<<[^>]*\/Type\s*\/Pages/.exec(text);
    return [
      'pdf-page-tree-loop',
      latin(pages ? text.replace(/\/Kids\s*\[/, `/Kids [ ${pages[1]} 0 R `) : text),
    ];
  }
  if (choice === 4) {
    // The data of a stream (a page's content, a font, an object stream) replaced with noise.
    const streams = [...text.matchAll(/stream\r?\n/g)].map((m) => m.index! + m[0].length);
    const start = pick(random, streams);
    const length = 1 + int(random, 256);
    const buf = Buffer.from(bytes);
    randomBytes(random, length).copy(buf, start);
    return [`pdf-stream-noise-at-${start}`, buf];
  }
  if (choice === 5) {
    // Object streams: their object count and first offset lied about.
    return [
      'pdf-objstm-header',
      latin(
        text.replace(/\/N (\d+)|\/First (\d+)/g, (all) =>
          random() < 0.6 ? all.replace(/\d+/, String(pick(random, [0, 1, 99999, 2 ** 31]))) : all,
        ),
      ),
    ];
  }
  if (choice === 6) {
    // An xref stream's field widths (/W) or its index made absurd.
    return [
      'pdf-xref-stream-fields',
      latin(
        text.replace(/\/W\s*\[[^\]]*\]|\/Index\s*\[[^\]]*\]/g, () =>
          pick(random, [
            '/W [1 8 1]',
            '/W [0 0 0]',
            '/W [4 4 4]',
            '/Index [0 999999]',
            '/Index [5]',
          ]),
        ),
      ),
    ];
  }
  // Keywords removed: endobj, endstream, trailer.
  const word = pick(random, ['endobj', 'endstream', 'trailer', 'obj', 'xref']);
  return [
    `pdf-no-${word}`,
    latin(text.replace(new RegExp(`\\b${word}\\b`, 'g'), (all) => (random() < 0.5 ? '' : all))),
  ];
}

/** decree.pdf with object streams and a cross-reference stream (made by qpdf: fixtures/pdf/make.sh). */
export function objectStreamPdf(): Buffer {
  return fixture('pdf/objstm.pdf');
}

// ---------------------------------------------------------------- the whole set

const EXTENSION: Record<Kind, string> = { docx: 'docx', odt: 'odt', doc: 'doc', pdf: 'pdf' };

/** `count` mutated files, about evenly spread over the four formats, in a fixed order. */
export async function fuzzCases(random: Random, count: number): Promise<FuzzCase[]> {
  const originals: Record<Kind, Buffer[]> = {
    docx: SOURCES.docx.map(fixture),
    odt: SOURCES.odt.map(fixture),
    doc: SOURCES.doc.map(fixture),
    pdf: [...SOURCES.pdf.map(fixture), objectStreamPdf()],
  };
  const kinds = Object.keys(originals) as Kind[];
  const cases: FuzzCase[] = [];
  for (let n = 0; cases.length < count; n++) {
    const kind = kinds[n % kinds.length];
    const bytes = pick(random, originals[kind]);
    let how: string;
    let made: Buffer;
    const special = random() < 0.6;
    if (special && (kind === 'docx' || kind === 'odt')) [how, made] = await zipCase(random, bytes);
    else if (special && kind === 'doc') [how, made] = oleCase(random, bytes);
    else if (special && kind === 'pdf') [how, made] = pdfCase(random, bytes);
    else [how, made] = pick(random, GENERIC)(random, bytes);
    // One in ten goes under another format's name.
    const ext =
      random() < 0.1
        ? pick(random, ['pdf', 'docx', 'doc', 'odt', 'txt', 'html', 'json'])
        : EXTENSION[kind];
    cases.push({
      name: `${String(cases.length).padStart(4, '0')}-${kind}-${how}.${ext}`
        .replace(/[/\\]/g, '_')
        .slice(0, 200),
      bytes: made,
    });
  }
  return cases;
}

/** The good files under each other's extensions: content decides, never the name. */
export function wrongNames(): FuzzCase[] {
  const swaps: [string, string][] = [
    ['office/official.docx', 'pdf'],
    ['office/official.odt', 'docx'],
    ['office/official.doc', 'odt'],
    ['pdf/decree.pdf', 'docx'],
    ['pdf/vni.pdf', 'doc'],
    ['originals/van-ban.docx', 'txt'],
    ['originals/van-ban.odt', 'html'],
    ['office/tcvn3.doc', 'json'],
  ];
  return swaps.map(([file, ext]) => ({
    name: `wrong-name-${path.basename(file).replace(/\./g, '-')}.${ext}`,
    bytes: fixture(file),
  }));
}
