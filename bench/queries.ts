/**
 * Query sets, drawn deterministically (seeded PRNG) from the tier's own titles, so every query
 * has real Vietnamese syllables in real proportions and at least one article that holds it.
 * Each query carries the text the archive receives and the FTS5 expression the floor receives.
 */
import { prng, seedOf, shuffle } from './stats';
import type { TitleRecord } from './corpus';

/** Query classes in table order. */
export const QUERY_CLASSES = [
  'one',
  'two',
  'three',
  'phrase',
  'accentFree',
  'fuzzy',
  'title',
  'date',
  'typeahead',
] as const;

export type QueryClass = (typeof QUERY_CLASSES)[number];

export const CLASS_LABELS: Record<QueryClass, string> = {
  one: 'one syllable',
  two: 'two syllables',
  three: 'three syllables',
  phrase: 'quoted phrase (2–4)',
  accentFree: 'accent-free (2–3)',
  fuzzy: 'accent-free (2–3) with one typo',
  title: 'real title, accent-stripped',
  date: 'two syllables + one-month date filter',
  typeahead: 'type-ahead prefix (suggest)',
};

export interface BenchQuery {
  cls: QueryClass;
  /** What a user types, handed to `archive.search` / `archive.suggest` as is. */
  text: string;
  /** The same query as an FTS5 MATCH expression over the floor's raw-text table. */
  floor: string;
  from?: string;
  to?: string;
  /** For `title`: the corpus id of the article whose title this is (recall@10). */
  expectId?: string;
  /**
   * …and the title itself: the corpus holds some articles more than once under different ids
   * (the archive keeps one copy), and some titles more than once; a hit with the very same title
   * is the article the user looked for.
   */
  expectTitle?: string;
  /** For `fuzzy`: the words as they were before the typo (what "did you mean" should offer). */
  intended?: string;
}

/** Accent folding as a user without a Vietnamese keyboard types: no marks, đ → d. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Runs of adjacent purely alphabetic syllables of a title (punctuation and numbers break runs). */
function runs(title: string): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push(run);
    run = [];
  };
  for (const raw of title.normalize('NFC').toLowerCase().split(/\s+/)) {
    const m = /^([^\p{L}\p{N}]*)(\p{L}+)([^\p{L}\p{N}]*)$/u.exec(raw);
    if (!m) {
      flush();
      continue;
    }
    if (m[1]) flush();
    run.push(m[2]);
    if (m[3]) flush();
  }
  flush();
  return out;
}

/**
 * One typo in a folded syllable of three letters or more, as fast typing makes them: two
 * neighbouring letters swapped, one letter dropped, or one doubled. Null when it changes nothing.
 */
export function misspell(word: string, random: () => number): string | null {
  if (word.length < 3) return null;
  const kind = Math.floor(random() * 3);
  const at = Math.floor(random() * (word.length - (kind === 0 ? 1 : 0)));
  const typo =
    kind === 0
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : kind === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at + 1) + word.slice(at);
  return typo === word ? null : typo;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Every word of a text quoted and ANDed: the floor's reading of a plain query. */
const floorWords = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(quote).join(' ');

export function generateQueries(
  titles: readonly TitleRecord[],
  perClass: number,
  seed: number,
  tier: string,
): Record<QueryClass, BenchQuery[]> {
  const dated = titles.filter((t) => t.date);
  // Folded syllables of the titles: a typo that spells one of them is no typo.
  const syllables = new Set(titles.flatMap((t) => runs(t.title).flat().map(fold)));
  const out = {} as Record<QueryClass, BenchQuery[]>;
  for (const cls of QUERY_CLASSES) {
    const random = prng(seedOf(seed, `${tier}/queries/${cls}`));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    /** `n` adjacent syllables of a title, or null when it has no run that long. */
    const ngramOf = (t: TitleRecord, n: number): string[] | null => {
      const candidates = runs(t.title).filter((r) => r.length >= n);
      if (!candidates.length) return null;
      const r = pick(candidates);
      const start = Math.floor(random() * (r.length - n + 1));
      return r.slice(start, start + n);
    };
    /** `n` adjacent syllables from a random title (retrying titles too short for it). */
    const ngram = (n: number): string[] => {
      for (;;) {
        const words = ngramOf(pick(titles), n);
        if (words) return words;
      }
    };
    const queries: BenchQuery[] = [];
    const seen = new Set<string>();
    for (let guard = 0; queries.length < perClass && guard < perClass * 50; guard++) {
      let q: BenchQuery;
      if (cls === 'one' || cls === 'two' || cls === 'three') {
        const words = ngram(cls === 'one' ? 1 : cls === 'two' ? 2 : 3);
        q = { cls, text: words.join(' '), floor: words.map(quote).join(' ') };
      } else if (cls === 'phrase') {
        const words = ngram(2 + Math.floor(random() * 3));
        q = { cls, text: `"${words.join(' ')}"`, floor: quote(words.join(' ')) };
      } else if (cls === 'accentFree') {
        const words = ngram(2 + Math.floor(random() * 2)).map(fold);
        q = { cls, text: words.join(' '), floor: words.map(quote).join(' ') };
      } else if (cls === 'fuzzy') {
        // A short accent-free query with one typo in one syllable: no article holds every word,
        // so the engine's partial match, catalog (fuzzy titles) and "did you mean" all answer.
        const t = pick(titles);
        const words = ngramOf(t, 2 + Math.floor(random() * 2))?.map(fold);
        if (!words) continue;
        const at = Math.floor(random() * words.length);
        const typo = misspell(words[at], random);
        if (!typo || syllables.has(typo)) continue;
        const typed = words.map((w, i) => (i === at ? typo : w));
        q = {
          cls,
          text: typed.join(' '),
          floor: typed.map(quote).join(' '),
          intended: words.join(' '),
        };
      } else if (cls === 'title') {
        const t = pick(titles);
        const text = fold(t.title).toLowerCase().replace(/\s+/g, ' ').trim();
        if (!floorWords(text)) continue;
        q = { cls, text, floor: floorWords(text), expectId: t.id, expectTitle: t.title };
      } else if (cls === 'date') {
        if (!dated.length) break;
        const t = pick(dated);
        const words = ngramOf(t, 2);
        if (!words) continue;
        const month = t.date!.slice(0, 7);
        q = {
          cls,
          text: words.join(' '),
          floor: words.map(quote).join(' '),
          from: `${month}-01`,
          to: month,
        };
      } else {
        // Type-ahead: the start of a title as typed so far — one or two syllables, the last one
        // cut after at least two characters; half of them typed without accents.
        const t = pick(titles);
        const first = runs(t.title)[0];
        if (!first) continue;
        const words = first.slice(0, Math.min(first.length, 1 + Math.floor(random() * 2)));
        const last = words[words.length - 1];
        const cut = Math.min(last.length, 2 + Math.floor(random() * (last.length - 1)));
        words[words.length - 1] = last.slice(0, cut);
        const typed = random() < 0.5 ? words.map(fold) : words;
        const head = typed.slice(0, -1).map(quote);
        const tail = `${quote(typed[typed.length - 1])}*`;
        q = { cls, text: typed.join(' '), floor: `title : (${[...head, tail].join(' ')})` };
      }
      const key = `${q.text}|${q.from ?? ''}`;
      if (seen.has(key) && guard < perClass * 10) continue;
      seen.add(key);
      queries.push(q);
    }
    out[cls] = queries;
  }
  return out;
}

/** Every query of every class in one seeded interleaved order, so drift hits all classes alike. */
export function interleave(sets: Record<QueryClass, BenchQuery[]>, seed: number): BenchQuery[] {
  return shuffle(
    QUERY_CLASSES.flatMap((c) => sets[c]),
    prng(seedOf(seed, 'interleave')),
  );
}
