/**
 * The page of hits a reader sees: rows read by rowid for that page only, each with its snippet
 * (and, in an official document, the Điều the snippet comes from).
 *
 * An article's body is stored deflated JSON (store/blocks.ts); inflating, decoding and parsing it
 * was a third of a search's CPU under the office load bench (a law of 600 KB is read whole for its
 * snippet, and type-ahead asks for the same top hits at every keystroke). Articles never change
 * under their id, so the bodies of recent hits are kept, decoded, in a BodyCache of bounded size.
 */
import type { Block, SearchHit } from '../model';
import type { Db } from '../store/db';
import { blockText } from '../archive/layout';
import type { Clause } from './query-parser';
import { sectionAt } from './section';
import { snippetOf } from './snippet';
import { leadRepeatsBody } from '../text/lead';
import { unpackBlocks, type StoredBlocks } from '../store/blocks';

interface HitRow {
  rowid: number;
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  doc_number: string | null;
  doc_type: string | null;
  summary: string | null;
  /** Bytes stored (part of the cache's key: the same id, the same stored body). */
  stored: number;
  source_id: string;
}

interface Body {
  blocks: Block[];
  texts: string[];
  chars: number;
}

/**
 * Characters of decoded bodies a cache holds at most: ~32 MB of text (two bytes a character) per
 * engine thread. The official documents are what fills it: 451 of them hold as much text as
 * 6,000 news articles, and a page of "nghị định" hits is twenty of them. Under the office
 * workload replayed (bench/replay.ts, 1,162 requests on 75,882 articles) a search's CPU was
 * 14.2 ms a request with 6 M characters, 11.4 with 16 M and 10.5 with 24 M.
 */
export const BODY_CACHE_CHARS = 16_000_000;

/**
 * Decoded bodies of recent hits, least recently used dropped first once their text passes
 * `limit` characters. One per connection (each engine thread has its own).
 */
export class BodyCache {
  private readonly bodies = new Map<string, Body>();
  private chars = 0;

  constructor(readonly limit = BODY_CACHE_CHARS) {}

  get(key: string): Body | undefined {
    const body = this.bodies.get(key);
    if (body) {
      this.bodies.delete(key); // most recently used goes last
      this.bodies.set(key, body);
    }
    return body;
  }

  set(key: string, body: Body): void {
    if (body.chars > this.limit) return;
    const known = this.bodies.get(key);
    if (known) {
      this.bodies.delete(key);
      this.chars -= known.chars;
    }
    this.bodies.set(key, body);
    this.chars += body.chars;
    for (const [old, dropped] of this.bodies) {
      if (this.chars <= this.limit) break;
      this.bodies.delete(old);
      this.chars -= dropped.chars;
    }
  }

  get size(): number {
    return this.bodies.size;
  }
}

/** Each body read once per page: from the cache, else all missing ones in one statement. */
function bodiesOf(db: Db, rows: HitRow[], cache: BodyCache | null): Map<number, Body> {
  const key = (r: HitRow) => `${r.id}:${r.stored}`;
  const found = new Map<number, Body>();
  const missing: HitRow[] = [];
  for (const row of rows) {
    const body = cache?.get(key(row));
    if (body) found.set(row.rowid, body);
    else missing.push(row);
  }
  if (!missing.length) return found;
  const stored = db
    .prepare(`SELECT rowid, blocks FROM articles WHERE rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(missing.map((r) => r.rowid))) as { rowid: number; blocks: StoredBlocks }[];
  const byRowid = new Map(stored.map((r) => [r.rowid, r.blocks]));
  for (const row of missing) {
    const packed = byRowid.get(row.rowid);
    if (packed === undefined) continue;
    const blocks = unpackBlocks(packed);
    const texts = blocks.map(blockText);
    const body = { blocks, texts, chars: texts.reduce((n, t) => n + t.length, 0) };
    cache?.set(key(row), body);
    found.set(row.rowid, body);
  }
  return found;
}

export function hydrateHits(
  db: Db,
  page: number[],
  clauses: readonly Clause[],
  scores: Map<number, number>,
  cache: BodyCache | null = null,
): SearchHit[] {
  if (!page.length) return [];
  const rows = db
    .prepare(
      `SELECT rowid, id, title, date, source, doc_number, doc_type, summary,
              length(blocks) AS stored, source_id
       FROM articles WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(page)) as HitRow[];
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  const bodies = bodiesOf(db, rows, cache);
  return page.flatMap((rowid) => {
    const row = byRowid.get(rowid);
    const body = bodies.get(rowid);
    if (!row || !body) return [];
    const { blocks, texts } = body;
    // A lead that only repeats the body's opening is hidden by the reader: quote the body.
    const lead = leadRepeatsBody(row.summary, texts) ? '' : (row.summary ?? '');
    const snippet = snippetOf([lead, ...texts], clauses);
    // In an official document, the Điều the snippet is from (paragraph 0 is the lead).
    const official = row.doc_type !== null || row.doc_number !== null;
    const block = snippet.paragraph - 1;
    const named = official ? sectionAt(blocks, block) : null;
    const section = named && { ...named, block };
    return [
      {
        id: row.id,
        sourceId: row.source_id,
        title: row.title,
        date: row.date,
        source: row.source,
        docNumber: row.doc_number,
        docType: row.doc_type,
        score: Math.round((scores.get(rowid) ?? 0) * 1000) / 1000,
        snippet: snippet.html,
        ...(section && { section }),
      },
    ];
  });
}
