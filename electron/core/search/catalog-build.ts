/**
 * Building the catalog: one read of the archive (in one snapshot) for each segment's fingerprint
 * and the whole archive's statistics, then only the segments that changed are rebuilt, one at a
 * time, each written and let go before the next, so a build's peak is one segment's. The manifest
 * (`<archive>.catalog.json`) is written last: it names the archive's generation, the segments and
 * their hashes, and the "did you mean" vocabulary.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/db';
import { readVocabulary } from './vocabulary';
import {
  buildSegment,
  catalogDocs,
  DEFAULT_SEGMENT_SIZE,
  readSegment,
  SEGMENT_FORMAT,
  segmentFile,
  fingerprints,
  emptyStats,
  countDocs,
  addStats,
  saveStats,
  type SavedStats,
  type SegmentHeader,
  weightsHold,
  writeSegment as writeSegmentFile,
  type Segment,
} from './catalog-segments';

export const CATALOG_FORMAT = 4;

export interface ManifestEntry {
  segment: number;
  sha: string;
  docs: number;
}

export interface Manifest {
  format: number;
  generation: string;
  articles: number;
  segmentSize: number;
  segments: ManifestEntry[];
  /** The archive's folded vocabulary with document counts, for "did you mean". */
  vocabulary: Array<[string, number]>;
  /** What the vocabulary was read from: a hash of the full-text index's structure record. */
  vocabularyOf?: string;
}

export interface Refreshed {
  manifest: Manifest;
  /** Segments built by this call, kept in memory when asked (`keep`). */
  built: Segment[];
  /** The numbers of the segments this call rebuilt. */
  rebuilt: number[];
}

/**
 * A counter in the archive's meta table, bumped by every write the catalog reflects, and the
 * newest article's rowid (a write from an older build). Read before every catalog lookup, so
 * nothing here may grow with the archive: a count(*) of the articles took 7 ms at 100,000.
 */
export function catalogGeneration(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'catalog_generation'").get() as
    { value: string } | undefined;
  const newest = db.prepare('SELECT max(rowid) AS m FROM articles').get() as { m: number | null };
  return `${row?.value ?? '0'}:${newest.m ?? 0}`;
}

/**
 * FTS5's structure record (row 10 of its data table) changes with every write to the full-text
 * index, and only then: tags, collections and notes, which the catalog holds, are not in it.
 */
function ftsStamp(db: Db): string | undefined {
  try {
    const row = db.prepare('SELECT block FROM articles_fts_data WHERE id = 10').get() as
      { block: Buffer } | undefined;
    return row ? crypto.createHash('sha1').update(row.block).digest('hex') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The "did you mean" vocabulary: read from FTS5 (a scan of the whole index, 6 s at 75,882
 * articles), or kept from the previous manifest when the full-text index has not changed since
 * (a tag or a note edited).
 */
function vocabulary(db: Db, file: string | null): Pick<Manifest, 'vocabulary' | 'vocabularyOf'> {
  const stamp = ftsStamp(db);
  if (stamp && file) {
    try {
      const previous = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
      if (previous.format === CATALOG_FORMAT && previous.vocabularyOf === stamp)
        return { vocabulary: previous.vocabulary, vocabularyOf: stamp };
    } catch {
      // none or damaged: read it again
    }
  }
  return { vocabulary: [...readVocabulary(db)], vocabularyOf: stamp };
}

function writeAtomically(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true }); // a read-only folder or a full disk: memory only
    return false;
  }
}

/** Segment files of an earlier, larger archive (or a smaller segment size) that no longer apply. */
function removeStale(file: string, keep: Set<number>): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file).replace(/\.json$/, '')}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.json$/.exec(name.slice(prefix.length)) : null;
    if (m && !keep.has(Number(m[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Bring the catalog beside the archive up to date (any thread): rebuild the segments whose
 * articles changed or whose file is missing or damaged, and write the manifest. With `file` null
 * nothing is persisted and every segment is built (and kept).
 */
export function refreshCatalog(
  db: Db,
  file: string | null,
  options: { segmentSize?: number; keep?: boolean } = {},
): Refreshed {
  const size = options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
  const keep = options.keep || !file;
  const own = !db.inTransaction;
  if (own) db.exec('BEGIN'); // one snapshot: an import going on meanwhile is in the next build
  try {
    const generation = catalogGeneration(db);
    const prints = fingerprints(db, size);
    const documents = [...prints.values()].reduce((n, p) => n + p.docs, 0);
    // Which segments stand: their file whole, their text unchanged, their weights still apt.
    const kept = new Map<number, SegmentHeader>();
    for (const [segment, print] of prints) {
      const header = file ? readSegment(segmentFile(file, segment))?.header : undefined;
      if (
        header?.segment === segment &&
        header.fingerprint === print.sha &&
        weightsHold(header.weightedAt, documents)
      )
        kept.set(segment, header);
    }
    // The archive's figures: kept segments' from their headers, the others' counted now.
    const stats = emptyStats();
    const own = new Map<number, SavedStats>();
    for (const segment of prints.keys()) {
      const header = kept.get(segment);
      if (header) {
        addStats(stats, header.stats);
        continue;
      }
      const from = segment * size + 1;
      const counted = saveStats(countDocs(emptyStats(), catalogDocs(db, from, from + size - 1)));
      own.set(segment, counted);
      addStats(stats, counted);
    }
    const built: Segment[] = [];
    const rebuilt: number[] = [];
    const entries: ManifestEntry[] = [];
    for (const [segment, print] of prints) {
      const header = kept.get(segment);
      if (header) {
        entries.push({ segment, sha: header.sha, docs: print.docs });
        continue;
      }
      const from = segment * size + 1;
      const made = buildSegment(segment, catalogDocs(db, from, from + size - 1), stats);
      rebuilt.push(segment);
      const written = file
        ? writeSegment(segmentFile(file, segment), made, print, stats.documents, own.get(segment)!)
        : null;
      entries.push({ segment, sha: written ?? '', docs: print.docs });
      if (keep) built.push(made);
    }
    const manifest: Manifest = {
      format: CATALOG_FORMAT,
      generation,
      articles: stats.documents,
      segmentSize: size,
      segments: entries,
      ...vocabulary(db, file),
    };
    if (file) {
      removeStale(file, new Set(prints.keys()));
      writeAtomically(file, JSON.stringify(manifest));
    }
    return { manifest, built, rebuilt };
  } finally {
    if (own) db.exec('COMMIT');
  }
}

function writeSegment(
  target: string,
  made: Segment,
  print: { sha: string; docs: number },
  documents: number,
  stats: SavedStats,
): string | null {
  const header = writeSegmentFile(
    target,
    {
      format: SEGMENT_FORMAT,
      segment: made.segment,
      fingerprint: print.sha,
      weightedAt: documents,
      docs: print.docs,
      stats,
    },
    made,
  );
  return header?.sha ?? null;
}
