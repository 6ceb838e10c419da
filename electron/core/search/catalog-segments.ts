/**
 * The catalog's segments: the articles in ranges of rowids, each range built by Lunr's Builder on
 * its own and persisted in its own file beside the archive (`<archive>.catalog.<n>.json`), so a
 * build holds one segment at a time and an import rebuilds only the segments whose articles
 * changed (new rowids land in the last ones).
 *
 * Scores stay those of one Lunr index over the whole archive: a segment's weights are Lunr's
 * (its BM25 formula and rounding) taken with the whole archive's statistics (document count,
 * documents per term, average field lengths), not the segment's, and catalog-query.ts answers a
 * query as Lunr's `Index#query` would. A segment is rebuilt when its articles' text changed (a
 * fingerprint of it), when its file is missing or damaged (a hash of it), or when the archive grew
 * by half or shrank by a third since its weights were taken.
 *
 * A segment file is one header line (JSON) and the segment's arrays (see Segment) as JSON.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import lunr from 'lunr';
import type { Db } from '../store/db';
import { foldedSyllables } from '../text/vietnamese';

/** Bump when what a segment holds or how it is weighted changes. */
export const SEGMENT_FORMAT = 6;
/** Rowids per segment: a segment of 10,000 real titles builds in ~100 MB of heap and ~2 s. */
export const DEFAULT_SEGMENT_SIZE = 10_000;
/** A segment's weights are retaken when the archive's size moved past this factor since. */
const DRIFT = 1.5;

/**
 * Two fields, not one per kind of fact: most articles have no number, tag or note, and a field is
 * a vector per article. The title counts double the rest.
 */
export const FIELDS = ['title', 'extra'] as const;
const BOOSTS: Record<(typeof FIELDS)[number], number> = { title: 10, extra: 5 };

export interface CatalogDoc {
  rowid: number;
  title: string;
  /** Number, type, issuer, author, source, tags, collections and notes. */
  extra: string;
}

/** What the vectors were weighted with: the whole archive's figures. */
export interface WeightStats {
  documents: number;
  /** Sum of every document's token count, per field. */
  lengths: Record<string, number>;
  /** Per term: documents holding it, summed over fields (as Lunr's idf counts them). */
  df: Map<string, number>;
}

export interface SegmentHeader {
  format: number;
  segment: number;
  fingerprint: string;
  /** sha1 of the body (the JSON after the header line). */
  sha: string;
  /** The archive's document count when the weights were taken. */
  weightedAt: number;
  docs: number;
  /** The segment's own figures, so a build need not read again what it did not change. */
  stats: SavedStats;
}

export interface SavedStats {
  documents: number;
  lengths: Record<string, number>;
  df: Array<[string, number]>;
}

/**
 * A segment as the queries read it: Lunr's inverted index and field vectors folded into arrays.
 * Per field, the postings of term i are `postings[offsets[i] .. offsets[i + 1]]` (article
 * ordinals, whose rowids are `refs`), each with its weight in thousandths. Lunr's own objects (a
 * dictionary per posting list, a Vector per article and field) took ~110 MB at 75,882 articles.
 */
export interface Segment {
  segment: number;
  /** The segment's terms, sorted. */
  terms: string[];
  refs: Int32Array;
  fields: Array<{ offsets: Int32Array; postings: Int32Array; weights: Int32Array }>;
}

/** Lunr tokens from our folded syllables: the whole Vietnamese pipeline, in one place. */
function tokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  return foldedSyllables(String(value)).map((s) => new lunr.Token(s, {}));
}

/** The catalog's documents with rowids in [from, to], in rowid order. */
export function* catalogDocs(
  db: Db,
  from = 1,
  to = Number.MAX_SAFE_INTEGER,
): Generator<CatalogDoc> {
  const rows = db.prepare(`
    SELECT a.rowid AS rowid, a.title, a.doc_number, a.doc_type, a.issuer, a.author, a.source,
      (SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag WHERE at.article = a.rowid) AS tags,
      (SELECT group_concat(c.name, ' ') FROM article_collections ac JOIN collections c ON c.id = ac.collection WHERE ac.article = a.rowid) AS collections,
      (SELECT group_concat(coalesce(n.note, ''), ' ') FROM annotations n WHERE n.article_id = a.id AND n.note IS NOT NULL) AS notes
    FROM articles a WHERE a.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) ORDER BY a.rowid`);
  for (const r of rows.iterate(from, to) as Iterable<Record<string, string | number | null>>) {
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

export const segmentOf = (rowid: number, size: number) => Math.floor((rowid - 1) / size);

/** One pass over the archive: each segment's fingerprint (a hash of its documents' text). */
export function fingerprints(db: Db, size: number): Map<number, { sha: string; docs: number }> {
  const found = new Map<number, { sha: string; docs: number }>();
  let current = -1;
  let hash: crypto.Hash | null = null;
  let docs = 0;
  const close = () => {
    if (hash) found.set(current, { sha: hash.digest('hex'), docs });
  };
  for (const doc of catalogDocs(db)) {
    const segment = segmentOf(doc.rowid, size);
    if (segment !== current) {
      close();
      current = segment;
      hash = crypto.createHash('sha1');
      docs = 0;
    }
    hash!.update(`${doc.rowid}\u0001${doc.title}\u0001${doc.extra}\u0002`);
    docs++;
  }
  close();
  return found;
}

export const emptyStats = (): WeightStats => ({
  documents: 0,
  lengths: { title: 0, extra: 0 },
  df: new Map(),
});

/** Add documents' figures to `stats` (a segment's own, or the archive's). */
export function countDocs(stats: WeightStats, docs: Iterable<CatalogDoc>): WeightStats {
  for (const doc of docs) {
    stats.documents++;
    for (const field of FIELDS) {
      const terms = foldedSyllables(doc[field]);
      stats.lengths[field] += terms.length;
      for (const term of new Set(terms)) stats.df.set(term, (stats.df.get(term) ?? 0) + 1);
    }
  }
  return stats;
}

/** Add a segment's own figures (as its header keeps them) to the archive's. */
export function addStats(total: WeightStats, part: SavedStats): void {
  total.documents += part.documents;
  for (const field of FIELDS) total.lengths[field] += part.lengths[field] ?? 0;
  for (const [term, n] of part.df) total.df.set(term, (total.df.get(term) ?? 0) + n);
}

export const saveStats = (stats: WeightStats): SavedStats => ({
  documents: stats.documents,
  lengths: stats.lengths,
  df: [...stats.df],
});

interface BuilderInternals {
  fieldTermFrequencies: Record<string, Record<string, number>>;
  fieldLengths: Record<string, number>;
  invertedIndex: Record<string, unknown>;
  _k1: number;
  _b: number;
  tokenizer: typeof tokenizer;
}

/**
 * Build one segment: Lunr's Builder reads the documents (tokens, term frequencies, field lengths),
 * and each (article, field, term) gets the weight Lunr's `createFieldVectors` gives it — same
 * formula, same rounding to thousandths — but with the whole archive's statistics. The weights
 * are kept as integer thousandths beside each posting: exactly Lunr's numbers, in 8 bytes.
 */
export function buildSegment(
  segment: number,
  docs: Iterable<CatalogDoc>,
  stats: WeightStats,
): Segment {
  const builder = new lunr.Builder();
  const inner = builder as unknown as BuilderInternals;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  inner.tokenizer = tokenizer;
  builder.ref('rowid');
  for (const field of FIELDS) builder.field(field, { boost: BOOSTS[field] });
  const refs: number[] = [];
  for (const doc of docs) {
    builder.add(doc);
    refs.push(doc.rowid);
  }
  const terms = Object.keys(inner.invertedIndex).sort();
  const ordinal = new Map(terms.map((t, i) => [t, i]));
  const idfs = new Map<string, number>();
  const idf = (term: string) => {
    let value = idfs.get(term);
    if (value === undefined) {
      const df = stats.df.get(term) ?? 0;
      value = Math.log(1 + Math.abs((stats.documents - df + 0.5) / (df + 0.5)));
      idfs.set(term, value);
    }
    return value;
  };
  const k1 = inner._k1;
  const b = inner._b;
  const fields = FIELDS.map((field) => {
    const average = stats.lengths[field] / stats.documents;
    const lists: Array<number[]> = terms.map(() => []); // doc ordinal, weight, doc ordinal, …
    refs.forEach((rowid, doc) => {
      const fieldRef = `${field}/${rowid}`;
      const frequencies = inner.fieldTermFrequencies[fieldRef];
      const length = inner.fieldLengths[fieldRef];
      for (const term in frequencies) {
        const tf = frequencies[term];
        const score =
          ((idf(term) * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (length / average)) + tf)) *
          BOOSTS[field];
        lists[ordinal.get(term)!].push(doc, Math.round(score * 1000));
      }
    });
    const offsets = new Int32Array(terms.length + 1);
    lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length / 2));
    const postings = new Int32Array(offsets[terms.length]);
    const weights = new Int32Array(offsets[terms.length]);
    lists.forEach((list, i) => {
      for (let j = 0; j < list.length; j += 2) {
        postings[offsets[i] + j / 2] = list[j];
        weights[offsets[i] + j / 2] = list[j + 1];
      }
    });
    return { offsets, postings, weights };
  });
  return { segment, terms, refs: Int32Array.from(refs), fields };
}

export const segmentFile = (file: string, segment: number) =>
  file.replace(/\.json$/, '') + `.${segment}.json`;

const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('hex');

/** Write a segment atomically; false if it could not be written (read-only folder, full disk). */
export function writeSegment(
  path: string,
  header: Omit<SegmentHeader, 'sha'>,
  segment: Segment,
): SegmentHeader | null {
  const body = JSON.stringify({
    terms: segment.terms,
    refs: Array.from(segment.refs),
    fields: segment.fields.map((f) => ({
      offsets: Array.from(f.offsets),
      postings: Array.from(f.postings),
      weights: Array.from(f.weights),
    })),
  });
  const full: SegmentHeader = { ...header, sha: sha1(body) };
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(full)}\n${body}`);
    fs.renameSync(tmp, path);
    return full;
  } catch {
    fs.rmSync(tmp, { force: true });
    return null;
  }
}

/** A segment file's header and body text if it is whole (its hash holds), else null. */
export function readSegment(path: string): { header: SegmentHeader; body: string } | null {
  try {
    const text = fs.readFileSync(path, 'utf8');
    const cut = text.indexOf('\n');
    if (cut < 0) return null;
    const header = JSON.parse(text.slice(0, cut)) as SegmentHeader;
    const body = text.slice(cut + 1);
    if (header.format !== SEGMENT_FORMAT || sha1(body) !== header.sha) return null;
    return { header, body };
  } catch {
    return null;
  }
}

export function loadSegment(path: string, expected?: { sha: string }): Segment | null {
  const read = readSegment(path);
  if (!read || (expected && read.header.sha !== expected.sha)) return null;
  try {
    const body = JSON.parse(read.body) as {
      terms: string[];
      refs: number[];
      fields: Array<{ offsets: number[]; postings: number[]; weights: number[] }>;
    };
    if (body.fields.length !== FIELDS.length) return null;
    return {
      segment: read.header.segment,
      terms: body.terms,
      refs: Int32Array.from(body.refs),
      fields: body.fields.map((f) => ({
        offsets: Int32Array.from(f.offsets),
        postings: Int32Array.from(f.postings),
        weights: Int32Array.from(f.weights),
      })),
    };
  } catch {
    return null;
  }
}

/** Whether a segment's weights were taken at an archive size close enough to today's. */
export function weightsHold(weightedAt: number, documents: number): boolean {
  return documents <= weightedAt * DRIFT && documents * DRIFT >= weightedAt;
}
