/**
 * The benchmark's input, read from the shared corpus at run time (never copied into the repo):
 * a tier is a seeded sample of each source file, written as plain JSON Lines into a temp folder
 * so that both the archive and the floor read exactly the same records.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
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
}

/**
 * The tiers this benchmark knows. Issue 4's 100k and 1M tiers (seeded recombination of real
 * paragraphs) will be added here as tiers with a different input builder.
 */
export const TIERS: Record<string, TierSpec> = {
  '10k': { name: '10k', mix: { vietnews: 5000, baomoi: 4549, official: 'all' } },
  '75k': { name: '75k', mix: { vietnews: 'all', baomoi: 'all', official: 'all' } },
};

/** What the query generator needs to know about each article of a tier. */
export interface TitleRecord {
  id: string;
  title: string;
  date: string | null;
  source: SourceKey;
}

export interface TierInput {
  files: string[];
  articles: number;
  bySource: Record<SourceKey, number>;
  /** UTF-8 bytes of title + summary + body, summed over the tier. */
  rawBytes: number;
  titles: TitleRecord[];
  seconds: number;
}

interface Record_ {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  body?: unknown;
  date?: unknown;
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
    rawBytes: 0,
    titles: [],
    seconds: 0,
  };
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
      input.titles.push({
        id: String(r.id ?? ''),
        title,
        date: typeof r.date === 'string' && /^\d{4}-\d\d/.test(r.date) ? r.date : null,
        source: key,
      });
      input.bySource[key]++;
      input.articles++;
      if (!out.write(line + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    input.files.push(outFile);
    log(`  ${key}: ${input.bySource[key]} records`);
  }
  input.seconds = (performance.now() - started) / 1000;
  return input;
}
