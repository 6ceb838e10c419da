/**
 * The floor: SQLite FTS5 over the same raw text with no Vietnamese processing at all — FTS5's own
 * unicode61 tokenizer with `remove_diacritics 2`, the text stored once in FTS5's content table.
 * Whatever the archive does on top of this (parsing, hashing, two token forms per column, a row
 * store, re-ranking, our snippets) shows as the ratio of our figure to the floor's.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { rawBody } from './corpus';

export type FloorDb = Database.Database;

const SCHEMA = `
CREATE VIRTUAL TABLE raw USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE raw_meta (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, date TEXT);
CREATE INDEX raw_meta_by_date ON raw_meta(date);
`;

const BATCH = 400; // the archive's import batch size

/** The same pragmas the archive sets (WAL, synchronous NORMAL, 32 MB page cache). */
export function openFloor(file: string): FloorDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32000');
  return db;
}

/** Build the floor from JSON Lines files: parse, insert in batches of 400, one transaction each. */
export async function buildFloor(db: FloorDb, files: readonly string[]): Promise<number> {
  db.exec(SCHEMA);
  const insertText = db.prepare('INSERT INTO raw (rowid, title, body) VALUES (?, ?, ?)');
  const insertMeta = db.prepare('INSERT INTO raw_meta (rowid, id, date) VALUES (?, ?, ?)');
  type Row = [number, string, string, string, string | null];
  const write = db.transaction((rows: Row[]) => {
    for (const [rowid, id, title, body, date] of rows) {
      insertText.run(rowid, title, body);
      insertMeta.run(rowid, id, date);
    }
  });
  let rowid = 0;
  let pending: Row[] = [];
  for (const file of files) {
    const lines = readline.createInterface({
      input: fs.createReadStream(file),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as Record<string, unknown>;
      const date = typeof r.date === 'string' ? r.date : null;
      pending.push([++rowid, String(r.id ?? rowid), String(r.title ?? ''), rawBody(r), date]);
      if (pending.length >= BATCH) {
        write(pending);
        pending = [];
      }
    }
  }
  if (pending.length) write(pending);
  return rowid;
}

/** Rebuild the floor's index from its stored text, then merge it into one segment. */
export function rebuildFloor(db: FloorDb): void {
  db.prepare("INSERT INTO raw (raw) VALUES ('rebuild')").run();
  db.prepare("INSERT INTO raw (raw) VALUES ('optimize')").run();
}

export interface FloorHit {
  id: string;
  title: string;
  snippet: string;
}

/**
 * The floor's search: a count and the first page ranked by bm25 with FTS5's own snippets, the
 * same shape of work as the archive's search (total + 10 hits with snippets).
 */
export class FloorSearch {
  private readonly count;
  private readonly page;
  private readonly countDated;
  private readonly pageDated;
  private readonly suggestStmt;

  constructor(db: FloorDb) {
    const select = `SELECT m.id AS id, raw.title AS title,
        snippet(raw, 1, '<mark>', '</mark>', '…', 12) AS snippet
      FROM raw JOIN raw_meta m ON m.rowid = raw.rowid WHERE raw MATCH ?`;
    this.count = db.prepare('SELECT count(*) AS n FROM raw WHERE raw MATCH ?');
    this.page = db.prepare(`${select} ORDER BY bm25(raw) LIMIT ?`);
    this.countDated = db.prepare(
      `SELECT count(*) AS n FROM raw JOIN raw_meta m ON m.rowid = raw.rowid
       WHERE raw MATCH ? AND m.date >= ? AND m.date <= ?`,
    );
    this.pageDated = db.prepare(
      `${select} AND m.date >= ? AND m.date <= ? ORDER BY bm25(raw) LIMIT ?`,
    );
    this.suggestStmt = db.prepare(
      `SELECT m.id AS id, raw.title AS title FROM raw JOIN raw_meta m ON m.rowid = raw.rowid
       WHERE raw MATCH ? ORDER BY bm25(raw) LIMIT ?`,
    );
  }

  search(
    expr: string,
    limit: number,
    from?: string,
    to?: string,
  ): { total: number; hits: FloorHit[] } {
    if (from || to) {
      const lo = from ?? '';
      const hi = to ? (to.length < 10 ? `${to}\uffff` : to) : '\uffff';
      const total = (this.countDated.get(expr, lo, hi) as { n: number }).n;
      return { total, hits: this.pageDated.all(expr, lo, hi, limit) as FloorHit[] };
    }
    const total = (this.count.get(expr) as { n: number }).n;
    return { total, hits: this.page.all(expr, limit) as FloorHit[] };
  }

  suggest(expr: string, limit: number): FloorHit[] {
    return this.suggestStmt.all(expr, limit) as FloorHit[];
  }
}
