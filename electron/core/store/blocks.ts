/**
 * How an article's body blocks are stored: their JSON, deflated (raw DEFLATE, RFC 1951), as a
 * BLOB. Vietnamese prose deflates to about 40 % of its JSON, and the stored text was the larger
 * half of an archive on disk. Reading one back costs a few microseconds per article (a results
 * page reads twenty).
 *
 * Archives written before this keep their blocks as TEXT (JSON); both forms are read, so no
 * migration rewrites them. SQLite tells the two apart by storage class: a BLOB stays a BLOB in a
 * TEXT column. SQL that needs the text (the search of articles the index has not reached yet)
 * calls `blocks_text(blocks)`, registered on every connection by `openDatabase`.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ArticleDraft, Block } from '../model';
import { ftsRow, type FtsRow } from '../search/fts-text';

/** What is stored in `articles.blocks`: deflated JSON, or JSON text in older archives. */
export type StoredBlocks = string | Uint8Array;

/**
 * Copied into a buffer of its own size: zlib hands back a view of a 16 KB chunk, and a view sent
 * to another thread (the import's pool) takes its whole buffer along.
 */
export function packBlocks(blocks: readonly Block[]): Uint8Array {
  return new Uint8Array(deflateRawSync(JSON.stringify(blocks)));
}

/** The stored value as JSON text, whichever form it has. */
export function blocksJson(stored: StoredBlocks): string {
  return typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
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
