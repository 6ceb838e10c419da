/** The parts of yauzl and word-extractor the office importers use (neither ships its own types). */
declare module 'yauzl' {
  import type { Readable } from 'node:stream';

  export interface Entry {
    fileName: string;
    compressedSize: number;
    uncompressedSize: number;
    isEncrypted(): boolean;
  }
  export interface ZipFile {
    entryCount: number;
    readEntry(): void;
    on(event: 'entry', listener: (entry: Entry) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    openReadStreamPromise(entry: Entry): Promise<Readable>;
    close(): void;
  }
  export function fromBufferPromise(
    buffer: Buffer,
    options?: { lazyEntries?: boolean; validateEntrySizes?: boolean; strictFileNames?: boolean },
  ): Promise<ZipFile>;
}

declare module 'word-extractor' {
  export interface WordDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
    getFootnotes(options?: { filterUnicode?: boolean }): string;
    getEndnotes(options?: { filterUnicode?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: Buffer): Promise<WordDocument>;
  }
}

/** word-extractor's own OLE2 (compound file) reader, used to list a file's streams. */
declare module 'word-extractor/lib/ole-compound-doc.js' {
  import type { Readable } from 'node:stream';

  interface DirEntry {
    streams: Record<string, { size: number }>;
    storages: Record<string, DirEntry>;
  }
  export default class OleCompoundDoc {
    constructor(reader: unknown);
    read(): Promise<OleCompoundDoc>;
    stream(name: string): Readable;
    _rootStorage: { _dirEntry: DirEntry };
  }
}

declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}

declare module 'word-extractor/lib/filters.js' {
  const filters: {
    binaryToUnicode(text: string): string;
    clean(text: string): string;
  };
  export default filters;
}
