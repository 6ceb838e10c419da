/**
 * The benchmark's input, read from the shared corpus at run time (never copied into the repo):
 * a tier is a seeded sample of each source file, or every record of all three topped up with
 * synthetic records recombined from them (recombine.ts), written as plain JSON Lines into a temp
 * folder so that both the archive and the floor read exactly the same records.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Recombiner, type SyntheticRecord } from './recombine';
import { prng, seedOf, shuffle } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = process.env.BENCH_CORPUS ?? path.resolve(here, '../../shared/corpus');

export type SourceKey = 'vietnews' | 'baomoi' | 'official';

export const SOURCES: Record<SourceKey, string> = {
  vietnews: 'vietnews-train-40k.jsonl.gz',
  baomoi: 'baomoi-2017-35k.jsonl.gz',
  official: 'official-documents-vn.jsonl.gz',
};

/** How many records of each source a tier takes (`all` = the whole file). */
export type Mix = Record<SourceKey, number | 'all'>;

export interface TierSpec {
  name: string;
  mix: Mix;
  /** Topped up to this many records with synthetic ones recombined from the real (recombine.ts). */
  total?: number;
  /** Run only when named in `--tiers` (never by `--reindex all`'s list of every tier). */
  onlyWhenAsked?: boolean;
}

const EVERY: Mix = { vietnews: 'all', baomoi: 'all', official: 'all' };

/** The tiers this benchmark knows; `npm run bench` runs 10k and 100k. */
export const TIERS: Record<string, TierSpec> = {
  '10k': { name: '10k', mix: { vietnews: 5000, baomoi: 4549, official: 'all' } },
  '75k': { name: '75k', mix: EVERY },
  '100k': { name: '100k', mix: EVERY, total: 100_000 },
  '1m': { name: '1m', mix: EVERY, total: 1_000_000, onlyWhenAsked: true },
};

/**
 * Titles the query generator draws from: all of them up to this many, beyond it a seeded uniform
 * sample of this size (the 1M tier's titles would otherwise take ~250 MB in the parent process).
 */
const TITLE_SAMPLE = 200_000;

/** What the query generator needs to know about each article of a tier. */
export interface TitleRecord {
  id: string;
  title: string;
  date: string | null;
  source: SourceKey | 'synthetic';
}

export interface TierInput {
  files: string[];
  articles: number;
  bySource: Record<SourceKey, number>;
  /** Records recombined from the real ones (recombine.ts), after all of those. */
  synthetic: number;
  /** UTF-8 bytes of title + summary + body, summed over the tier. */
  rawBytes: number;
  /** Every title of the tier, or a uniform sample of TITLE_SAMPLE of them (queries are drawn from it). */
  titles: TitleRecord[];
  /** The last record written, so the last one imported: is it searchable at once? */
  last: { id: string; title: string } | null;
  seconds: number;
}

/** Reservoir sampling (Algorithm R) with a seeded PRNG: every title kept up to `cap`. */
class TitleSample {
  readonly items: TitleRecord[] = [];
  private count = 0;

  constructor(
    private readonly cap: number,
    private readonly random: () => number,
  ) {}

  add(title: TitleRecord): void {
    this.count++;
    if (this.items.length < this.cap) this.items.push(title);
    else {
      const j = Math.floor(this.random() * this.count);
      if (j < this.cap) this.items[j] = title;
    }
  }
}

interface Record_ {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  body?: unknown;
  date?: unknown;
  source?: unknown;
}

function lines(file: string): readline.Interface {
  return readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
}

const lineCounts = new Map<string, number>();

async function countLines(file: string): Promise<number> {
  const known = lineCounts.get(file);
  if (known !== undefined) return known;
  let n = 0;
  for await (const line of lines(file)) if (line.trim()) n++;
  lineCounts.set(file, n);
  return n;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.join('\n') : '';

/** The raw text of a record as the floor indexes it: summary and body, one string. */
export function rawBody(record: { summary?: unknown; body?: unknown }): string {
  return [str(record.summary), str(record.body)].filter(Boolean).join('\n');
}

const isoDate = (v: unknown): string | null =>
  typeof v === 'string' && /^\d{4}-\d\d/.test(v) ? v : null;

export async function buildTierInput(
  tier: TierSpec,
  dir: string,
  seed: number,
  log: (msg: string) => void,
): Promise<TierInput> {
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  const input: TierInput = {
    files: [],
    articles: 0,
    bySource: { vietnews: 0, baomoi: 0, official: 0 },
    synthetic: 0,
    rawBytes: 0,
    titles: [],
    last: null,
    seconds: 0,
  };
  const titles = new TitleSample(TITLE_SAMPLE, prng(seedOf(seed, `${tier.name}/titles`)));
  const recombiner = tier.total ? new Recombiner() : null;
  for (const key of Object.keys(SOURCES) as SourceKey[]) {
    const file = path.join(CORPUS_DIR, SOURCES[key]);
    const want = tier.mix[key];
    let chosen: Set<number> | null = null;
    if (want !== 'all') {
      const total = await countLines(file);
      const order = shuffle(
        Array.from({ length: total }, (_, i) => i),
        prng(seedOf(seed, `${tier.name}/sample/${key}`)),
      );
      chosen = new Set(order.slice(0, Math.min(want, total)));
    }
    const outFile = path.join(dir, `${key}.jsonl`);
    const out = fs.createWriteStream(outFile);
    let index = -1;
    for await (const line of lines(file)) {
      if (!line.trim()) continue;
      index++;
      if (chosen && !chosen.has(index)) continue;
      const r = JSON.parse(line) as Record_;
      const title = str(r.title);
      input.rawBytes += Buffer.byteLength(title) + Buffer.byteLength(rawBody(r));
      const id = String(r.id ?? '');
      titles.add({ id, title, date: isoDate(r.date), source: key });
      input.last = { id, title };
      if (recombiner && key !== 'official') recombiner.add(key, r);
      input.bySource[key]++;
      input.articles++;
      if (!out.write(line + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    input.files.push(outFile);
    log(`  ${key}: ${input.bySource[key]} records`);
  }
  if (recombiner && tier.total && tier.total > input.articles) {
    const count = tier.total - input.articles;
    const outFile = path.join(dir, 'synthetic.jsonl');
    log(`  synthetic: ${count} records recombined from ${recombiner.titleCount} news records`);
    await recombiner.write(outFile, count, seed, (r: SyntheticRecord) => {
      input.rawBytes += Buffer.byteLength(r.title) + Buffer.byteLength(rawBody(r));
      titles.add({ id: r.id, title: r.title, date: r.date ?? null, source: 'synthetic' });
      input.last = { id: r.id, title: r.title };
      input.synthetic++;
      input.articles++;
    });
    input.files.push(outFile);
  }
  input.titles = titles.items;
  input.seconds = (performance.now() - started) / 1000;
  return input;
}
