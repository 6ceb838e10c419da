/**
 * A ZIP container (docx, odt) measured before anything in it is inflated: the central directory
 * is listed with yauzl, and the container is refused when it has too many entries, would inflate
 * to more than MAX_INFLATED_BYTES, or holds an entry packed more tightly than any document part
 * is (a zip bomb). An entry is then read only up to its declared size — yauzl fails a stream that
 * inflates to more than its entry declares — and never beyond a caller's limit.
 */
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { UserError } from '../../errors';
import { drain } from '../chunks';
import { formatSize } from '../read';

/** More entries than any Word or OpenDocument file has (pictures included). */
export const MAX_ENTRIES = 10_000;
/** What all the entries together may inflate to. */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
/**
 * Word's XML packs 5–30 times, a page of one repeated character about 200 times; deflate's own
 * ceiling is about 1030. An entry over 1 MB packed more tightly than this is not a document part.
 */
export const MAX_RATIO = 250;
const RATIO_FLOOR = 1024 * 1024;

export interface ZipPart {
  name: string;
  packed: number;
  size: number;
  encrypted: boolean;
}

export interface Zip {
  parts: Map<string, ZipPart>;
  /** The whole of one part, at most `limit` bytes (null when the container has no such part). */
  read(name: string, limit: number): Promise<Buffer | null>;
  /** Inflate a part and keep nothing: it holds to its declared size and to `limit`. */
  verify(name: string, limit: number): Promise<void>;
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** The container's entries, or `import.zip-damaged` when it is not a readable ZIP. */
export async function openZip(bytes: Buffer, kind: () => string): Promise<Zip> {
  let zip: ZipFile;
  let entries: Entry[];
  try {
    zip = await fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: false });
    if (zip.entryCount > MAX_ENTRIES) {
      throw new UserError('import.zip-too-many-entries', {
        kind: kind(),
        count: zip.entryCount,
        limit: MAX_ENTRIES,
      });
    }
    entries = await listEntries(zip);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('import.zip-damaged');
  }
  const parts = new Map<string, ZipPart>();
  const byName = new Map<string, Entry>();
  for (const entry of entries) {
    byName.set(entry.fileName, entry);
    parts.set(entry.fileName, {
      name: entry.fileName,
      packed: entry.compressedSize,
      size: entry.uncompressedSize,
      encrypted: entry.isEncrypted(),
    });
  }
  /** Stream one entry to `sink`; false when there is no such entry. */
  const inflate = async (name: string, limit: number, sink: (chunk: Buffer) => void) => {
    const entry = byName.get(name);
    if (!entry) return false;
    if (entry.uncompressedSize > limit) {
      throw new UserError('import.office-too-big', {
        kind: kind(),
        part: name,
        size: formatSize(entry.uncompressedSize),
        limit: formatSize(limit),
      });
    }
    let size = 0;
    try {
      for await (const chunk of drain(await zip.openReadStreamPromise(entry))) {
        size += chunk.length;
        if (size > limit)
          throw new UserError('import.office-damaged', { kind: kind(), part: name });
        sink(chunk);
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      // yauzl's own checks: a stream longer than its entry declares, a bad CRC, bad deflate data.
      throw new UserError('import.office-damaged', { kind: kind(), part: name });
    }
    return true;
  };
  return {
    parts,
    async read(name, limit) {
      const chunks: Buffer[] = [];
      return (await inflate(name, limit, (c) => chunks.push(c))) ? Buffer.concat(chunks) : null;
    },
    async verify(name, limit) {
      await inflate(name, limit, () => {});
    },
  };
}

/** Refuse a container whose entries would inflate beyond the bounds above (see the module doc). */
export function checkInflation(zip: Zip, packedSize: number, kind: string): void {
  let total = 0;
  for (const part of zip.parts.values()) {
    total += part.size;
    const ratio = part.size / Math.max(part.packed, 1);
    if (part.size > RATIO_FLOOR && ratio > MAX_RATIO) {
      throw new UserError('import.zip-bomb', {
        kind,
        packed: formatSize(packedSize),
        size: formatSize(part.size),
      });
    }
  }
  if (total > MAX_INFLATED_BYTES) {
    throw new UserError('import.zip-bomb', {
      kind,
      packed: formatSize(packedSize),
      size: formatSize(total),
    });
  }
}
