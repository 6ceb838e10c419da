/**
 * How an article's body blocks are stored: their JSON, deflated (raw DEFLATE, RFC 1951) with a
 * preset dictionary of common Vietnamese words (deflate-dictionary.ts), as a BLOB that starts
 * with the mark byte DICTIONARY_MARK. Vietnamese prose deflates to about 40 % of its JSON, and
 * the dictionary takes another fifth off (short articles gain most: the first words of a text
 * have nothing earlier to refer to). The stored text was the larger half of an archive on disk.
 * Reading one back costs a few microseconds per article (a results page reads twenty).
 *
 * Older rows are read as they are, so no migration rewrites them: JSON TEXT (before packing) and
 * raw DEFLATE with no dictionary and no mark. SQLite tells TEXT from BLOB by storage class (a
 * BLOB stays a BLOB in a TEXT column); the mark byte cannot start a raw DEFLATE stream, whose
 * first three bits would then name the reserved block type 3. SQL that needs the text (the
 * search of articles the index has not reached yet) calls `blocks_text(blocks)`, registered on
 * every connection by `openDatabase`.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ArticleDraft, Block } from '../model';
import { ftsRow, type FtsRow } from '../search/fts-text';
import { DEFLATE_DICTIONARY } from './deflate-dictionary';

/** First byte of blocks deflated with the dictionary: 0b110, DEFLATE's reserved block type. */
const DICTIONARY_MARK = 0x06;
const dictionary = Buffer.from(DEFLATE_DICTIONARY, 'utf8');

/** What is stored in `articles.blocks`: deflated JSON, or JSON text in older archives. */
export type StoredBlocks = string | Uint8Array;

/**
 * Copied into a buffer of its own size: zlib hands back a view of a 16 KB chunk, and a view sent
 * to another thread (the import's pool) takes its whole buffer along.
 */
export function packBlocks(blocks: readonly Block[]): Uint8Array {
  const packed = deflateRawSync(JSON.stringify(blocks), { dictionary });
  const stored = new Uint8Array(packed.length + 1);
  stored[0] = DICTIONARY_MARK;
  stored.set(packed, 1);
  return stored;
}

/** The stored value as JSON text, whichever form it has. */
export function blocksJson(stored: StoredBlocks): string {
  if (typeof stored === 'string') return stored;
  const text =
    stored[0] === DICTIONARY_MARK
      ? inflateRawSync(stored.subarray(1), { dictionary })
      : inflateRawSync(stored);
  return text.toString('utf8');
}

export function unpackBlocks(stored: StoredBlocks): Block[] {
  return JSON.parse(blocksJson(stored)) as Block[];
}

/** An article made ready to write off the writing thread: its index row and packed blocks. */
export interface PreparedArticle {
  fts: FtsRow;
  blocks: Uint8Array;
}

export function prepareArticle(draft: ArticleDraft): PreparedArticle {
  return { fts: ftsRow(draft), blocks: packBlocks(draft.blocks) };
}
