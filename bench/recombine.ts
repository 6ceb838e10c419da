/**
 * Synthetic news records for the tiers beyond the corpus (100k, 1M), recombined from the real
 * records with a seeded PRNG so that vocabulary, tone-placement styles and lengths stay those of
 * real Vietnamese news (method: bench/README.md, "Recombined tiers"):
 *
 * - id `synth-<seed>-<n>`;
 * - title: the first half of one real news title and the second half of another, each cut at a
 *   syllable boundary (a title seen before is drawn again, so nearly all are distinct);
 * - a template: a real news record drawn at random gives its source style, its paragraph count
 *   (VietNews: paragraphs, one a line) or sentence count (Báo Mới bodies are one paragraph), and
 *   its date (Báo Mới's crawl dates; VietNews records have none);
 * - body: that many paragraphs (or sentences) drawn from the pool of every paragraph (sentence)
 *   of that source, so real text is shuffled across articles; summary: the real lead of another
 *   record of that source.
 *
 * The pools hold each real paragraph once, as a string; records are streamed to the file.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { prng, seedOf } from './stats';

/** Where a Báo Mới body (one long paragraph) is cut into sentences. */
const SENTENCE_END = /(?<=[.!?…])\s+(?=["“(]?\p{Lu})/u;

type NewsKind = 'vietnews' | 'baomoi';

interface Pool {
  /** Every paragraph (VietNews) or sentence (Báo Mới) of the source, once. */
  units: string[];
  /** Per real record of the source: how many units its body has. */
  counts: number[];
  /** Per real record: its date, or null. */
  dates: Array<string | null>;
  /** The real leads of the source (non-empty ones). */
  summaries: string[];
  /** The `source` field its records carry. */
  label: string;
}

const emptyPool = (label: string): Pool => ({
  units: [],
  counts: [],
  dates: [],
  summaries: [],
  label,
});

export interface NewsRecordLike {
  title?: unknown;
  summary?: unknown;
  body?: unknown;
  date?: unknown;
  source?: unknown;
}

export interface SyntheticRecord {
  id: string;
  title: string;
  /** Absent for a VietNews template, as in the corpus. */
  date?: string;
  source: string;
  summary: string;
  body: string;
}

/** FNV-1a, 32 bits: titles seen so far are kept as hashes, not strings. */
function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Collects the real news records (as they stream past), then makes synthetic ones. */
export class Recombiner {
  private readonly pools: Record<NewsKind, Pool> = {
    vietnews: emptyPool('ThanhChinhBK/vietnews'),
    baomoi: emptyPool('magizbox/scraper (baomoi.com)'),
  };
  /** Every real news title of two syllables or more (split again when drawn: less memory). */
  private readonly titles: string[] = [];
  private readonly seen = new Set<number>();

  /** Learn from one real record of a news source (called for every record of the tier). */
  add(kind: NewsKind, record: NewsRecordLike): void {
    const pool = this.pools[kind];
    const title = typeof record.title === 'string' ? record.title.trim() : '';
    if (title) {
      if (/\s/.test(title)) this.titles.push(title);
      this.seen.add(hash32(title));
    }
    const body = typeof record.body === 'string' ? record.body : '';
    const units = (kind === 'vietnews' ? body.split('\n') : body.split(SENTENCE_END))
      .map((u) => u.trim())
      .filter(Boolean);
    if (!units.length) return;
    for (const u of units) pool.units.push(u);
    pool.counts.push(units.length);
    pool.dates.push(typeof record.date === 'string' && record.date ? record.date : null);
    if (typeof record.summary === 'string' && record.summary.trim()) {
      pool.summaries.push(record.summary.trim());
    }
    if (typeof record.source === 'string' && record.source) pool.label = record.source;
  }

  /** Real titles known: the halves synthetic titles are made of. */
  get titleCount(): number {
    return this.titles.length;
  }

  /**
   * Write `count` synthetic records as JSON Lines to `file`; `each` sees every record (for the
   * tier's raw size and query titles). Deterministic for a given seed and set of real records.
   */
  async write(
    file: string,
    count: number,
    seed: number,
    each: (record: SyntheticRecord) => void,
  ): Promise<void> {
    const random = prng(seedOf(seed, 'recombine'));
    const below = (n: number) => Math.floor(random() * n);
    const kinds: NewsKind[] = ['vietnews', 'baomoi'];
    const templates = kinds.map((k) => this.pools[k].counts.length);
    const templateTotal = templates[0] + templates[1];
    if (!templateTotal || this.titles.length < 2) {
      throw new Error('the corpus has no news records to recombine');
    }
    const out = fs.createWriteStream(file);
    for (let n = 1; n <= count; n++) {
      const t = below(templateTotal);
      const kind = t < templates[0] ? kinds[0] : kinds[1];
      const pool = this.pools[kind];
      const template = t < templates[0] ? t : t - templates[0];
      const units: string[] = [];
      for (let i = 0; i < pool.counts[template]; i++)
        units.push(pool.units[below(pool.units.length)]);
      const record: SyntheticRecord = {
        id: `synth-${seed}-${n}`,
        title: this.title(below),
        date: pool.dates[template] ?? undefined,
        source: pool.label,
        summary: pool.summaries.length ? pool.summaries[below(pool.summaries.length)] : '',
        body: units.join(kind === 'vietnews' ? '\n' : ' '),
      };
      each(record);
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }

  /**
   * The first half of one real title and the second half of another, cut between syllables
   * (the odd middle syllable goes with the first). A title already made, or real, is drawn again
   * (up to eight times): nearly all titles are distinct.
   */
  private title(below: (n: number) => number): string {
    let title = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      const a = this.titles[below(this.titles.length)];
      let b = a;
      while (b === a) b = this.titles[below(this.titles.length)];
      const first = a.split(/\s+/);
      const second = b.split(/\s+/);
      title = [
        ...first.slice(0, Math.ceil(first.length / 2)),
        ...second.slice(Math.floor(second.length / 2)),
      ].join(' ');
      const h = hash32(title);
      if (!this.seen.has(h)) {
        this.seen.add(h);
        break;
      }
    }
    return title;
  }
}
