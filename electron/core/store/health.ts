/**
 * The archive's health, checked at every start and kept up while it runs.
 *
 * - Damage: cheap reads over the main structures at open (`checkReadable`) turn a damaged file
 *   into one sentence offering the newest automatic backup. A full `PRAGMA quick_check` reads
 *   every page: 6.5 s on a 75,882-article archive (690 MB), too slow for every start.
 * - Derived data: the full-text index must hold one row per article. When it does not (emptied,
 *   lost, an interrupted rebuild), the missing rows are rebuilt page by page in the background,
 *   with progress, and search meanwhile also scans the articles not yet indexed: slower (seconds
 *   at 20,000 articles, its totals an upper bound), but no article goes missing from the results.
 *   Nothing the user made (annotations, tags, collections) is touched: it never lived there.
 */
import fs from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { UserError } from '../errors';
import type { SearchHit, SearchRequest, SearchResult } from '../model';
import type { Db } from './db';
import { filterClause, type ArticleRow, type ArticleStore } from './articles';
import { newestBackup } from './backup';
import { unpackBlocks, type StoredBlocks } from './blocks';
import { clearIndexes, ftsRow, indexWriter } from '../search/fts-text';
import { parseQuery, type Clause } from '../search/query-parser';
import { matchAll } from '../search/fts-query';
import { makeSnippet } from '../search/snippet';
import { bumpCatalogGeneration } from '../search/catalog';
import { blockText } from '../archive/layout';
import { foldedSyllables } from '../text/vietnamese';

const SQLITE_MAGIC = 'SQLite format 3\0';
/**
 * Articles re-indexed per transaction, and the text they may hold: a search waits for one page at
 * most (about 0.1 s; one official document alone can hold 300,000 characters).
 */
const REPAIR_PAGE = 64;
const REPAIR_PAGE_CHARS = 300_000;

/** True when the file starts like an SQLite database (so an error reading it means damage). */
export function looksLikeSqlite(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      return fs.readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The sentence for a damaged archive: with the newest automatic backup when there is one. */
export function damagedError(file: string): UserError {
  const backup = file === ':memory:' ? null : newestBackup(file);
  if (!backup) return new UserError('db.damaged', { file });
  const when = backup.time.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  return new UserError('db.damaged-backup', { file, when, backup: backup.path });
}

/**
 * Read what every start relies on: the schema; every table's own b-tree, leaf by leaf, and its
 * smallest index; of the large tables (the articles' text, FTS5's two indexes) only the roots and
 * the first and last leaves, plus the articles' smallest index: 75 ms on a 75,882-article archive
 * (walking those two as well: 6 s). An SQLITE_CORRUPT here means a
 * damaged file. Everything the user made (annotations, tags, collections) is walked whole; a
 * damaged page deep in the articles' text is found when it is read.
 */
export function checkReadable(db: Db): void {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'",
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    const table = `"${name.replace(/"/g, '""')}"`;
    if (name === 'articles' || name.endsWith('_fts_data')) {
      // Two statements: SQLite reads just one end of the b-tree for a lone min() or max().
      db.prepare(`SELECT max(rowid) FROM ${table}`).get();
      db.prepare(`SELECT min(rowid) FROM ${table}`).get();
      if (name === 'articles') db.prepare(`SELECT count(*) FROM ${table}`).get();
      continue;
    }
    db.prepare(`SELECT count(*) FROM ${table}`).get();
    db.prepare(`SELECT count(*) FROM ${table} NOT INDEXED`).get();
  }
}

export interface IndexGap {
  articles: number;
  /** Rows in the full-text index (FTS5's per-document size table: one row per indexed article). */
  indexed: number;
}

export function indexGap(db: Db): IndexGap {
  const row = db
    .prepare(
      'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM articles_fts_docsize) AS indexed',
    )
    .get() as IndexGap;
  return row;
}

export type IndexProgress = { state: 'building' | 'ready'; progress: number };

const UNINDEXED = 'NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.rowid)';

/**
 * Keeps the full-text index whole: notices a gap at open, fills it in the background, and answers
 * searches over the articles the index does not hold yet.
 */
export class IndexRepair {
  /** The index lacks rows (or holds stray ones): searches also scan the articles. */
  active: boolean;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly articles: ArticleStore,
    private readonly onProgress: (progress: IndexProgress) => void,
  ) {
    const gap = indexGap(db);
    this.active = gap.indexed !== gap.articles;
  }

  /** Whether the index is still incomplete (a reader's view, once another connection repaired it). */
  recheck(): void {
    const gap = indexGap(this.db);
    this.active = gap.indexed !== gap.articles;
  }

  /** Rebuild the missing rows, one short transaction per page, yielding between pages. */
  start(): Promise<number> {
    if (!this.active || this.db.readonly) return Promise.resolve(0);
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    const gap = indexGap(this.db);
    // Rows for articles that do not exist: the index cannot be trusted, start it again.
    if (gap.indexed > gap.articles) clearIndexes(this.db);
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM articles a WHERE ${UNINDEXED}`).get() as {
        n: number;
      }
    ).n;
    const page = this.db.prepare(
      `SELECT a.* FROM articles a WHERE a.rowid > ? AND ${UNINDEXED} ORDER BY a.rowid LIMIT ${REPAIR_PAGE}`,
    );
    const insert = indexWriter(this.db, true);
    const write = this.db.transaction((rows: ArticleRow[]) => {
      for (const row of rows) insert(row.rowid, ftsRow(this.articles.hydrate(row)));
    });
    let done = 0;
    this.onProgress({ state: 'building', progress: 0 });
    for (let last = 0; this.db.open;) {
      const rows = page.all(last) as ArticleRow[];
      if (!rows.length) break;
      let chars = 0;
      const batch = rows.filter((r) => (chars += storedChars(r.blocks)) <= REPAIR_PAGE_CHARS);
      if (!batch.length) batch.push(rows[0]);
      write(batch);
      done += batch.length;
      last = batch[batch.length - 1].rowid;
      this.onProgress({ state: 'building', progress: Math.min(0.99, done / Math.max(1, total)) });
      await yieldToEvents();
    }
    if (!this.db.open) return done;
    const after = indexGap(this.db);
    this.active = after.indexed !== after.articles;
    if (!this.active) {
      // No 'optimize' here: merging a large index in one step would stall searches for seconds;
      // FTS5 merges its segments as it goes, and `archive-reader reindex` optimizes.
      bumpCatalogGeneration(this.db); // the catalog's vocabulary comes from the index
    }
    this.onProgress({ state: 'ready', progress: 1 });
    return done;
  }

  /**
   * A search while the index is incomplete: what the index finds (ranked as always), then the
   * articles it does not hold yet that match, newest first, found by scanning their text.
   */
  search(request: SearchRequest, indexed: (request: SearchRequest) => SearchResult): SearchResult {
    const started = performance.now();
    let clauses = parseQuery(request.query ?? '', { typeAhead: request.typeAhead }).clauses;
    if (!clauses.some((c) => !c.negated)) return indexed(request);
    const limit = request.limit ?? 20;
    const offset = request.offset ?? 0;
    const inIndex = (query: readonly Clause[]) => {
      const expr = matchAll(query);
      if (!expr) return 0;
      return (
        this.db
          .prepare('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?')
          .get(expr) as { n: number }
      ).n;
    };
    // The index's matches come first, so the scan needs at most `offset + limit` of its own.
    let indexedMatches = inIndex(clauses);
    let scanned = this.scan(clauses, request, Math.max(0, offset + limit - indexedMatches));
    if (!scanned.total && !indexedMatches && clauses.some((c) => c.negated)) {
      // As the engine does: a dash that leaves no article was punctuation ("Bà Rịa -Vũng Tàu").
      clauses = clauses.map((c) => ({ ...c, negated: false }));
      indexedMatches = inIndex(clauses);
      scanned = this.scan(clauses, request, Math.max(0, offset + limit - indexedMatches));
    }
    // With no indexed article holding every word, the engine would offer loose matches (some of
    // the words, fuzzy titles): the scanned articles that hold them all come before that.
    const found: SearchResult =
      indexedMatches > 0 || !scanned.total
        ? indexed(request)
        : { total: 0, hits: [], suggestion: null, tookMs: 0 };
    const fromScan = Math.max(0, offset - found.total);
    const room = limit - found.hits.length;
    const page = scanned.rowids.slice(fromScan, fromScan + Math.max(0, room));
    return {
      ...found,
      total: found.total + scanned.total,
      hits: [...found.hits, ...this.hits(page, clauses)],
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  /**
   * Unindexed articles matching the clauses: those whose title holds every word first, then the
   * newest. SQL narrows them down with LIKE patterns in which every letter a diacritic can sit on
   * (and d, for đ) is a one-character wildcard, so "van" finds "vận" and "Văn"; candidates are
   * then checked on their syllables, in order, until `need` are found. The total counts those
   * found and the candidates not checked yet (an upper bound until the index is whole again).
   */
  private scan(
    clauses: readonly Clause[],
    request: SearchRequest,
    need: number,
  ): { rowids: number[]; total: number } {
    const filter = filterClause(request);
    const positive = clauses.filter((c) => !c.negated);
    const text = `(a.title || ' ' || coalesce(a.summary, '') || ' ' || blocks_text(a.blocks) || ' ' ||
      coalesce(a.doc_number, '') || ' ' || coalesce(a.doc_type, '') || ' ' ||
      coalesce(a.issuer, '') || ' ' || coalesce(a.author, '') || ' ' || coalesce(a.source, ''))`;
    const likes = positive.flatMap((c) => c.tokens.map((t) => likePattern(t.folded)));
    const candidates = this.db
      .prepare(
        `SELECT a.rowid, a.title FROM articles a WHERE ${UNINDEXED} AND ${filter.sql}
           ${likes.map(() => `AND ${text} LIKE ? ESCAPE '\\'`).join(' ')}
         ORDER BY a.rowid DESC`,
      )
      .all(...filter.params, ...likes) as Array<{ rowid: number; title: string }>;
    const inTitle = (title: string) => {
      const words = foldedSyllables(title);
      return positive.every((c) => matches(c, words));
    };
    const ordered = candidates
      .map((c) => ({ rowid: c.rowid, title: inTitle(c.title) ? 1 : 0 }))
      .sort((a, b) => b.title - a.title || b.rowid - a.rowid);
    const row = this.db.prepare(
      `SELECT title, summary, blocks, doc_number, doc_type, issuer, author, source
       FROM articles WHERE rowid = ?`,
    );
    const rowids: number[] = [];
    let checked = 0;
    for (const candidate of ordered) {
      if (rowids.length >= need) break;
      checked++;
      const text = syllablesOf(row.get(candidate.rowid) as ScannedRow);
      if (clauses.every((c) => matches(c, text(c.field)) !== c.negated))
        rowids.push(candidate.rowid);
    }
    return { rowids, total: rowids.length + (ordered.length - checked) };
  }

  private hits(rowids: number[], clauses: readonly Clause[]): SearchHit[] {
    const get = this.db.prepare(
      `SELECT id, title, date, source, doc_number, doc_type, summary, blocks, source_id
       FROM articles WHERE rowid = ?`,
    );
    return rowids.map((rowid) => {
      const row = get.get(rowid) as HitRow;
      const blocks = unpackBlocks(row.blocks);
      return {
        id: row.id,
        sourceId: row.source_id,
        title: row.title,
        date: row.date,
        source: row.source,
        docNumber: row.doc_number,
        docType: row.doc_type,
        score: 0,
        snippet: makeSnippet([row.summary ?? '', ...blocks.map(blockText)], clauses),
      };
    });
  }
}

function likePattern(folded: string): string {
  const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
  return `%${escaped.replace(/[aeiouyd]/g, '_')}%`;
}

type ScannedRow = Record<string, string | number | null | Uint8Array>;

type HitRow = Record<'id' | 'title' | 'source_id', string> &
  Record<'date' | 'source' | 'doc_number' | 'doc_type' | 'summary', string | null> & {
    blocks: StoredBlocks;
  };

/** About how many characters stored blocks hold (packed ones inflate about three times). */
const storedChars = (blocks: StoredBlocks) =>
  typeof blocks === 'string' ? blocks.length : blocks.length * 3;

/** Each field's folded syllables, computed once per scanned article whatever the clauses ask. */
function syllablesOf(row: ScannedRow): (field: Clause['field']) => string[] {
  const cache = new Map<string, string[]>();
  const texts: Record<string, () => string> = {
    title: () => String(row.title),
    number: () => String(row.doc_number ?? ''),
    issuer: () => String(row.issuer ?? ''),
    author: () => String(row.author ?? ''),
    source: () => String(row.source ?? ''),
    doc_type: () => String(row.doc_type ?? ''),
    body: () => {
      const blocks = unpackBlocks(row.blocks as StoredBlocks);
      return [row.summary ?? '', ...blocks.map(blockText)].join('\n');
    },
  };
  const of = (field: string): string[] => {
    let found = cache.get(field);
    if (!found) cache.set(field, (found = foldedSyllables(texts[field]())));
    return found;
  };
  return (field) => (field ? of(field) : Object.keys(texts).flatMap(of));
}

/** Does the clause's text (its field, or all of the article) hold its syllables, in order for several? */
function matches(clause: Clause, syllables: string[]): boolean {
  const wanted = clause.tokens.map((t) => t.folded);
  const at = (i: number, j: number) =>
    clause.prefix && j === wanted.length - 1
      ? (syllables[i + j]?.startsWith(wanted[j]) ?? false)
      : syllables[i + j] === wanted[j];
  for (let i = 0; i + wanted.length <= syllables.length; i++) {
    if (wanted.every((_, j) => at(i, j))) return true;
  }
  return false;
}
