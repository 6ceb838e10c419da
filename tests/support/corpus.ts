/**
 * The shared corpus of real articles and documents (gzipped JSON Lines, outside the repository)
 * as tests read it: the first records of a file, streamed, so that a test taking a few hundred
 * records of a 40,000-record file reads and decompresses only what it takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The folder of the shared corpus files (`baomoi-2017-35k.jsonl.gz` and the others). */
export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

export interface CorpusLinesOptions {
  /** Lines passed over before the first one taken (counted among those `filter` keeps). */
  skip?: number;
  /** Keeps only the lines it returns true for; the others are neither skipped nor taken. */
  filter?: (line: string) => boolean;
}

/**
 * The first `count` non-empty lines (records, as JSON text) of a gzipped JSON Lines file, after
 * `skip` of them, in file order; fewer when the file ends first. `file` is a name in
 * {@link CORPUS} or a path of its own. Reading stops at the last line taken and the file is
 * closed; a file missing or not gzip rejects.
 */
export async function corpusLines(
  file: string,
  count: number,
  options: CorpusLinesOptions = {},
): Promise<string[]> {
  const { skip = 0, filter } = options;
  const out: string[] = [];
  if (count <= 0) return out;
  // pipeline() passes a read or gunzip error on to the lines (a plain pipe() would not), and
  // closes the file when the lines stop early.
  const input = pipeline(fs.createReadStream(path.resolve(CORPUS, file)), createGunzip(), () => {});
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let passed = 0;
  try {
    for await (const line of lines) {
      if (!line.trim() || (filter && !filter(line))) continue;
      if (passed++ < skip) continue;
      out.push(line);
      if (out.length >= count) break;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  return out;
}

/** Writes lines as a JSON Lines file (one a line, the last ended too) and returns its path. */
export function writeJsonl(dest: string, lines: readonly string[]): string {
  fs.writeFileSync(dest, `${lines.join('\n')}\n`);
  return dest;
}

/** The records with their bodies cut to `chars` characters: many articles that import fast. */
export function withShortBodies(lines: readonly string[], chars: number): string[] {
  return lines.map((line) => {
    const record = JSON.parse(line) as { body?: unknown };
    if (typeof record.body === 'string') record.body = record.body.slice(0, chars);
    return JSON.stringify(record);
  });
}
