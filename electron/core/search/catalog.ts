/**
 * The catalog: a Lunr index of everything short and curated about each article — title,
 * document number, type, issuer, author, source, tags, collections and the user's notes — for type-ahead and for fuzzy and partial matches that FTS5 cannot make
 * ("nghi quyet dan vna", "luat cu tr*"). Article bodies stay out: they live in FTS5.
 *
 * Derived data: persisted beside the archive with a format version and the archive's generation,
 * loaded on first need, rebuilt from SQLite whenever it is missing, stale or unreadable. Losing it
 * never loses anything. Lunr's default pipeline (trimmer, English stemmer, stop words) would mangle
 * Vietnamese, so the index is fed our own folded syllables and its pipelines are empty. User text
 * never reaches Lunr's query parser: queries are built clause by clause.
 */
import fs from 'node:fs';
import lunr from 'lunr';
import type { Db } from '../store/db';
import { foldedSyllables } from '../text/vietnamese';
import type { ParsedQuery } from './query-parser';
import { sibling, startThread } from '../util/thread';
import { readVocabulary, type VocabularySource } from './vocabulary';

export const CATALOG_FORMAT = 3;
const MAX_FUZZY_TOKENS = 6;

/**
 * Two fields, not one per kind of fact: Lunr keeps a vector per field for every article, empty or
 * not, and most articles have no number, tag or note. The title counts double the rest.
 */
const FIELDS = ['title', 'extra'] as const;
const BOOSTS: Record<(typeof FIELDS)[number], number> = { title: 10, extra: 5 };

interface CatalogDoc {
  rowid: number;
  title: string;
  /** Number, type, issuer, author, source, tags, collections and notes. */
  extra: string;
}

interface Persisted {
  format: number;
  generation: string;
  articles: number;
  index: object;
  /** The archive's folded vocabulary with document counts, for "did you mean". */
  vocabulary: Array<[string, number]>;
}

interface Loaded {
  index: lunr.Index;
  vocabulary: Map<string, number>;
}

export type CatalogState = 'missing' | 'building' | 'ready';

/** Lunr tokens from our folded syllables: the whole Vietnamese pipeline, in one place. */
function tokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  return foldedSyllables(String(value)).map(
    (s, i) => new lunr.Token(s, { position: [i, 1], index: i }),
  );
}

function* catalogDocs(db: Db): Generator<CatalogDoc> {
  const rows = db.prepare(`
    SELECT a.rowid AS rowid, a.title, a.doc_number, a.doc_type, a.issuer, a.author, a.source,
      (SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag WHERE at.article = a.rowid) AS tags,
      (SELECT group_concat(c.name, ' ') FROM article_collections ac JOIN collections c ON c.id = ac.collection WHERE ac.article = a.rowid) AS collections,
      (SELECT group_concat(coalesce(n.note, ''), ' ') FROM annotations n WHERE n.article_id = a.id AND n.note IS NOT NULL) AS notes
    FROM articles a ORDER BY a.rowid`);
  for (const r of rows.iterate() as Iterable<Record<string, string | number | null>>) {
    yield {
      rowid: r.rowid as number,
      title: String(r.title ?? ''),
      extra: [
        r.doc_number,
        r.doc_type,
        r.issuer,
        r.author,
        r.source,
        r.tags,
        r.collections,
        r.notes,
      ]
        .filter(Boolean)
        .join(' \n '),
    };
  }
}

/** Build the catalog from the archive's rows. Memory grows with titles, not bodies. */
/**
 * One shared empty object for every posting's metadata: Lunr keeps an object per term, field and
 * article (a million at 75,000 titles), and the catalog records no metadata. Lunr only reads it
 * (MatchData copies its keys). Measured on the 75,882-article catalog: heap 186 → 106 MB.
 */
const NO_METADATA = Object.freeze({});

function slim(index: lunr.Index): lunr.Index {
  const inverted = (index as unknown as { invertedIndex: Record<string, Record<string, unknown>> })
    .invertedIndex;
  for (const term of Object.values(inverted)) {
    for (const field of FIELDS) {
      const postings = term[field] as Record<string, object> | undefined;
      if (postings) for (const doc in postings) postings[doc] = NO_METADATA;
    }
  }
  return index;
}

export function buildCatalogIndex(db: Db): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    (this as unknown as { tokenizer: typeof tokenizer }).tokenizer = tokenizer;
    this.ref('rowid');
    for (const field of FIELDS) this.field(field, { boost: BOOSTS[field] });
    for (const doc of catalogDocs(db)) this.add(doc);
  });
}

/** A counter in the archive's meta table, bumped by every write the catalog reflects. */
export function catalogGeneration(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'catalog_generation'").get() as
    { value: string } | undefined;
  const articles = db.prepare('SELECT count(*) AS n, max(rowid) AS m FROM articles').get() as {
    n: number;
    m: number | null;
  };
  return `${row?.value ?? '0'}:${articles.n}:${articles.m ?? 0}`;
}

export function bumpCatalogGeneration(db: Db): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('catalog_generation', '1')
     ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  ).run();
}

/** Build the catalog and write it atomically beside the archive (any thread). */
export function writeCatalog(db: Db, file: string | null): Loaded {
  const generation = catalogGeneration(db);
  const index = buildCatalogIndex(db);
  const vocabulary = readVocabulary(db);
  if (!file || (db.readonly && !file)) return { index: slim(index), vocabulary };
  const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const data: Persisted = {
    format: CATALOG_FORMAT,
    generation,
    articles,
    index: index.toJSON(),
    vocabulary: [...vocabulary],
  };
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true }); // a read-only folder or a full disk: it stays in memory only
  }
  return { index: slim(index), vocabulary };
}

export interface CatalogOptions {
  /** Where the catalog is persisted; null keeps it in memory only. */
  file: string | null;
  /** Build in a worker thread (hosts) instead of in this thread (one-shot commands, tests). */
  background?: { dbPath: string; nativeBinding?: string };
  onState?: (state: CatalogState) => void;
}

export class Catalog implements VocabularySource {
  private index: lunr.Index | null = null;
  private vocabulary: Map<string, number> | null = null;
  private generation: string | null = null;
  private building: Promise<void> | null = null;
  state: CatalogState = 'missing';

  constructor(
    private readonly db: Db,
    private readonly options: CatalogOptions,
  ) {}

  private setState(state: CatalogState) {
    if (this.state === state) return;
    this.state = state;
    this.options.onState?.(state);
  }

  /**
   * The index for the archive as it is now: loaded from disk if current, else rebuilt — here, or
   * in the background while the previous index (if any) keeps answering. Null while none exists.
   */
  private current(): lunr.Index | null {
    const generation = catalogGeneration(this.db);
    if (this.index && this.generation === generation) return this.index;
    const loaded = this.load(generation);
    if (loaded) return this.adopt(loaded, generation);
    if (this.options.background && this.options.file) {
      void this.buildInBackground();
      return this.index;
    }
    this.setState('building');
    return this.adopt(
      writeCatalog(this.db, this.db.readonly ? null : this.options.file),
      generation,
    );
  }

  private adopt(loaded: Loaded, generation: string): lunr.Index {
    this.index = loaded.index;
    this.vocabulary = loaded.vocabulary;
    this.generation = generation;
    this.setState('ready');
    return loaded.index;
  }

  /** The vocabulary of the catalog in use (possibly one generation old while a new one builds). */
  terms(load: boolean): Map<string, number> | null {
    if (load) this.current();
    return this.vocabulary;
  }

  private load(generation: string): Loaded | null {
    const file = this.options.file;
    if (!file || !fs.existsSync(file)) return null;
    try {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Persisted;
      if (saved.format !== CATALOG_FORMAT || saved.generation !== generation) return null;
      return { index: slim(lunr.Index.load(saved.index)), vocabulary: new Map(saved.vocabulary) };
    } catch {
      return null; // damaged or half-written: rebuilt, nothing the user made is in it
    }
  }

  private buildInBackground(): Promise<void> {
    if (this.building) return this.building;
    this.setState(this.index ? 'ready' : 'building');
    const { dbPath, nativeBinding } = this.options.background!;
    this.building = new Promise<void>((resolve) => {
      const thread = startThread(sibling(import.meta.url, 'catalog-worker.ts'), {
        workerData: { dbPath, file: this.options.file, nativeBinding },
      });
      const finish = () => {
        this.building = null;
        const generation = catalogGeneration(this.db);
        const loaded = this.load(generation);
        if (loaded) this.adopt(loaded, generation);
        else if (!this.index) this.setState('missing');
        resolve();
      };
      thread.once('message', () => void thread.terminate());
      thread.once('exit', finish);
      thread.once('error', () => undefined); // reported by 'exit'; search goes on without it
    });
    return this.building;
  }

  /** Make sure the catalog is ready (hosts call it at start-up and after an import). */
  async warm(): Promise<void> {
    if (this.options.background && this.options.file) {
      const generation = catalogGeneration(this.db);
      if (this.index && this.generation === generation) return;
      const loaded = this.load(generation);
      if (loaded) {
        this.adopt(loaded, generation);
        return;
      }
      await this.buildInBackground();
      return;
    }
    this.current();
  }

  /**
   * Articles whose short fields match every positive clause, fuzzily (one edit for syllables of
   * three letters or more) or as a prefix, with scores scaled to 0–1.
   */
  lookup(parsed: ParsedQuery, limit = 50): Map<number, number> {
    if (parsed.empty) return new Map();
    const index = this.current();
    if (!index) return new Map();
    // Fuzzy expansion of every syllable of a long query costs seconds in Lunr and finds nothing
    // FTS5 would not: typos are looked for in short queries only.
    const fuzzy = parsed.clauses.reduce((n, c) => n + c.tokens.length, 0) <= MAX_FUZZY_TOKENS;
    const results = index.query((q) => {
      for (const clause of parsed.clauses) {
        clause.tokens.forEach((token, i) => {
          const last = i === clause.tokens.length - 1;
          const presence = clause.negated
            ? lunr.Query.presence.PROHIBITED
            : lunr.Query.presence.REQUIRED;
          const wildcard =
            clause.prefix && last ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE;
          const editDistance =
            !fuzzy || clause.negated || (clause.prefix && last) || token.folded.length < 3 ? 0 : 1;
          q.term(token.folded, { presence, wildcard, editDistance, usePipeline: false });
          if (!clause.negated && editDistance) {
            q.term(token.folded, {
              presence: lunr.Query.presence.OPTIONAL,
              boost: 5,
              usePipeline: false,
            });
          }
        });
      }
    });
    const top = results.slice(0, limit);
    const max = top[0]?.score ?? 1;
    return new Map(top.map((r) => [Number(r.ref), max > 0 ? r.score / max : 0]));
  }

  /** The size of the persisted catalog, for statistics. */
  bytes(): number {
    const file = this.options.file;
    return file && fs.existsSync(file) ? fs.statSync(file).size : 0;
  }
}
