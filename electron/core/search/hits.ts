/**
 * The page of hits a reader sees: rows read by rowid for that page only, each with its snippet
 * (and, in an official document, the Điều the snippet comes from).
 */
import type { SearchHit } from '../model';
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
  blocks: StoredBlocks;
  source_id: string;
}

export function hydrateHits(
  db: Db,
  page: number[],
  clauses: readonly Clause[],
  scores: Map<number, number>,
): SearchHit[] {
  if (!page.length) return [];
  const rows = db
    .prepare(
      `SELECT rowid, id, title, date, source, doc_number, doc_type, summary, blocks, source_id
       FROM articles WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(page)) as HitRow[];
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  return page.flatMap((rowid) => {
    const row = byRowid.get(rowid);
    if (!row) return [];
    const blocks = unpackBlocks(row.blocks);
    const texts = blocks.map(blockText);
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
