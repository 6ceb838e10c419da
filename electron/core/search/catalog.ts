/**
 * The catalog: Lunr's scoring of everything short and curated about each article — title,
 * document number, type, issuer, author, source, tags, collections and the user's notes — for
 * type-ahead and for fuzzy and partial matches that FTS5 cannot make ("nghi quyet dan vna",
 * "luat cu tr*"), in segments of rowids (catalog-segments.ts). Bodies stay out: they live in FTS5.
 *
 * Derived data: persisted beside the archive, a manifest (format version, the archive's generation,
 * the segments' hashes) and a file per segment, loaded on first need; a build (catalog-build.ts)
 * rebuilds from SQLite only the segments that are missing, stale or unreadable. Losing it
 * never loses anything. Lunr's default pipeline (trimmer, English stemmer, stop words) would mangle
 * Vietnamese, so the index is fed our own folded syllables and its pipelines are empty. User text
 * never reaches Lunr's query parser: queries are built clause by clause.
 */
import fs from 'node:fs';
import lunr from 'lunr';
import type { Db } from '../store/db';
import type { ParsedQuery } from './query-parser';
import { sibling, startThread } from '../util/thread';
import type { VocabularySource } from './vocabulary';
import { CATALOG_FORMAT, catalogGeneration, refreshCatalog, type Manifest } from './catalog-build';
import { loadSegment, segmentFile, type Segment, DEFAULT_SEGMENT_SIZE } from './catalog-segments';
import { querySegments, wholeTokenSet } from './catalog-query';

export { CATALOG_FORMAT, catalogGeneration };
const MAX_FUZZY_TOKENS = 6;
/**
 * The build thread's heap cap. A segment of 10,000 real titles needs ~100 MB; uncapped, the
 * collector let a full build of 75,882 articles reach a 355 MB process peak, capped 262–282 MB.
 */
const BUILD_HEAP_MB = 256;

interface Loaded {
  segments: Segment[];
  vocabulary: Map<string, number>;
}

export type CatalogState = 'missing' | 'building' | 'ready';

export function bumpCatalogGeneration(db: Db): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('catalog_generation', '1')
     ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  ).run();
}

export interface CatalogOptions {
  /** Where the catalog's manifest is persisted (segments beside it); null keeps it in memory. */
  file: string | null;
  /** Build in a worker thread (hosts) instead of in this thread (one-shot commands, tests). */
  background?: { dbPath: string; nativeBinding?: string };
  /** Rowids per segment (tests make it small to have several). */
  segmentSize?: number;
  /**
   * Never build: load the persisted catalog when it is current, else keep the one in memory
   * (a reader of the engine pool, api/read-pool.ts; the writer's thread builds). Checked once per
   * generation, and again after `invalidate()`.
   */
  follow?: boolean;
  onState?: (state: CatalogState) => void;
}

/**
 * The Lunr query of the catalog for parsed clauses: every positive syllable required, fuzzily
 * (one edit, rewarding the exact spelling) or as a prefix; excluded ones prohibited. Fuzzy
 * expansion of every syllable of a long query costs seconds and finds nothing FTS5 would not:
 * typos are looked for in short queries only.
 */
export function catalogQuery(parsed: ParsedQuery): (q: lunr.Query) => void {
  const fuzzy = parsed.clauses.reduce((n, c) => n + c.tokens.length, 0) <= MAX_FUZZY_TOKENS;
  return (q) => {
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
  };
}

export class Catalog implements VocabularySource {
  private segments: Segment[] | null = null;
  /** Every segment's terms, for expanding a query's fuzzy and prefix terms once. */
  private tokenSet: lunr.TokenSet | null = null;
  private vocabulary: Map<string, number> | null = null;
  private generation: string | null = null;
  private building: Promise<void> | null = null;
  /** In follow mode, the generation whose persisted catalog was last looked for. */
  private triedFor: string | null = null;
  /** The segments the last build rewrote (its numbers), for statistics and tests. */
  lastRebuilt: number[] = [];
  state: CatalogState = 'missing';

  constructor(
    private readonly db: Db,
    private readonly options: CatalogOptions,
  ) {}

  private get segmentSize(): number {
    return this.options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
  }

  private setState(state: CatalogState) {
    if (this.state === state) return;
    this.state = state;
    this.options.onState?.(state);
  }

  /**
   * The segments for the archive as it is now: loaded from disk if current, else rebuilt — here,
   * or in the background while the previous ones (if any) keep answering. Null while none exist.
   */
  private current(): Segment[] | null {
    const generation = catalogGeneration(this.db);
    if (this.segments && this.generation === generation) return this.segments;
    if (this.options.follow) return this.followed(generation);
    const loaded = this.load(generation);
    if (loaded) return this.adopt(loaded, generation);
    if (this.options.background && this.options.file) {
      void this.buildInBackground();
      return this.segments;
    }
    this.setState('building');
    return this.adopt(this.buildHere(), generation);
  }

  /** Follow mode: the persisted catalog if it became current since the last look, else the old one. */
  private followed(generation: string): Segment[] | null {
    if (this.triedFor !== generation) {
      this.triedFor = generation;
      const loaded = this.load(generation);
      if (loaded) return this.adopt(loaded, generation);
    }
    if (!this.segments) this.setState('building'); // the writer's thread is building it
    return this.segments;
  }

  /** Follow mode: the writer persisted a catalog; the next use looks for it again. */
  invalidate(): void {
    this.triedFor = null;
  }

  /** Build in this thread: the changed segments are built, the others read from their files. */
  private buildHere(): Loaded {
    const file = this.db.readonly ? null : this.options.file;
    const refreshed = refreshCatalog(this.db, file, { segmentSize: this.segmentSize, keep: true });
    this.lastRebuilt = refreshed.rebuilt;
    const built = new Map(refreshed.built.map((s) => [s.segment, s]));
    const segments: Segment[] = [];
    for (const entry of refreshed.manifest.segments) {
      const segment =
        built.get(entry.segment) ??
        (file ? loadSegment(segmentFile(file, entry.segment), entry) : null);
      if (!segment) return this.buildInMemory(); // a file changed under us: build it all here
      segments.push(segment);
    }
    return { segments, vocabulary: new Map(refreshed.manifest.vocabulary) };
  }

  private buildInMemory(): Loaded {
    const refreshed = refreshCatalog(this.db, null, { segmentSize: this.segmentSize });
    return { segments: refreshed.built, vocabulary: new Map(refreshed.manifest.vocabulary) };
  }

  private adopt(loaded: Loaded, generation: string): Segment[] {
    this.segments = loaded.segments;
    this.tokenSet = wholeTokenSet(loaded.segments);
    this.vocabulary = loaded.vocabulary;
    this.generation = generation;
    this.setState('ready');
    return loaded.segments;
  }

  /** The vocabulary of the catalog in use (possibly one generation old while a new one builds). */
  terms(load: boolean): Map<string, number> | null {
    if (load) this.current();
    return this.vocabulary;
  }

  /**
   * The saved catalog, if it is the archive's current one. A stale one still lends its
   * vocabulary while none is in memory: searches weigh words by how many articles hold them,
   * which an import changes little, and without counts one search at 1,000,000 articles weighed
   * every common word it was given (4.4 s of bm25 for one title). The new catalog replaces it.
   */
  private load(generation: string): Loaded | null {
    const file = this.options.file;
    if (!file || !fs.existsSync(file)) return null;
    try {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
      if (saved.format !== CATALOG_FORMAT) return null;
      if (saved.generation !== generation || saved.segmentSize !== this.segmentSize) {
        if (!this.vocabulary && saved.vocabulary?.length)
          this.vocabulary = new Map(saved.vocabulary);
        return null;
      }
      const segments: Segment[] = [];
      for (const entry of saved.segments) {
        const segment = loadSegment(segmentFile(file, entry.segment), entry);
        if (!segment) return null; // missing or damaged: the build remakes that segment only
        segments.push(segment);
      }
      return { segments, vocabulary: new Map(saved.vocabulary) };
    } catch {
      return null; // damaged or half-written: rebuilt, nothing the user made is in it
    }
  }

  private buildInBackground(): Promise<void> {
    if (this.building) return this.building;
    this.setState(this.segments ? 'ready' : 'building');
    this.building = (async () => {
      const started = catalogGeneration(this.db);
      // Capped, the thread's collector keeps up with one segment's garbage; a segment too large
      // for the cap (notes of great length) is built again without it.
      if (!(await this.runBuild(BUILD_HEAP_MB))) await this.runBuild(undefined);
      this.building = null;
      const generation = catalogGeneration(this.db);
      const loaded = this.load(generation);
      if (loaded) this.adopt(loaded, generation);
      // The archive changed while it built (a note saved meanwhile): once more, for the new state.
      else if (generation !== started) await this.buildInBackground();
      else if (!this.segments) this.setState('missing');
    })();
    return this.building;
  }

  /** One build in a worker thread; whether it finished. */
  private runBuild(heapMb: number | undefined): Promise<boolean> {
    const { dbPath, nativeBinding } = this.options.background!;
    return new Promise<boolean>((resolve) => {
      const thread = startThread(sibling(import.meta.url, 'catalog-worker.ts'), {
        workerData: {
          dbPath,
          file: this.options.file,
          nativeBinding,
          segmentSize: this.segmentSize,
        },
        resourceLimits: heapMb ? { maxOldGenerationSizeMb: heapMb } : undefined,
      });
      let ok = false;
      thread.once('message', (message: { ok: boolean; rebuilt?: number[] }) => {
        ok = message.ok;
        this.lastRebuilt = message.rebuilt ?? [];
        void thread.terminate();
      });
      thread.once('exit', () => resolve(ok));
      thread.once('error', () => undefined); // reported by 'exit'; search goes on without it
    });
  }

  /** Make sure the catalog is ready (hosts call it at start-up and after an import). */
  async warm(): Promise<void> {
    if (this.options.follow) {
      this.current();
      return;
    }
    if (this.options.background && this.options.file) {
      const generation = catalogGeneration(this.db);
      if (this.segments && this.generation === generation) return;
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
    const segments = this.current();
    if (!segments) return new Map();
    const results = querySegments(segments, this.tokenSet!, catalogQuery(parsed));
    const top = results.slice(0, limit);
    const max = top[0]?.score ?? 1;
    return new Map(top.map((r) => [r.rowid, max > 0 ? r.score / max : 0]));
  }

  /** The size of the persisted catalog (manifest and segments), for statistics. */
  bytes(): number {
    const file = this.options.file;
    if (!file || !fs.existsSync(file)) return 0;
    let total = fs.statSync(file).size;
    for (const segment of this.segments ?? []) {
      const path = segmentFile(file, segment.segment);
      if (fs.existsSync(path)) total += fs.statSync(path).size;
    }
    return total;
  }
}
