/**
 * The re-ranking bm25 cannot do: a title that holds every syllable typed (accent-exact where the
 * user typed accents) is what someone looking for one article types; holding them in order is
 * better still. Adds to `scores` in place.
 */
import type { Db } from '../store/db';
import { tokenize } from '../text/vietnamese';
import type { Clause } from './query-parser';

/** A title's syllables as the boost reads them: each between spaces, so `includes` finds one. */
interface TitleWords {
  /** ` exact… folded… `: every syllable in both forms. */
  any: string;
  /** ` folded… `: the syllables in order, to find the query's run. */
  folded: string;
}

/**
 * Titles already split, by their text: the candidates of a search are mostly those of the last
 * keystroke's, and tokenising some hundred titles a search was a tenth of its CPU under the
 * office load (bench/replay.ts). Keyed by the title itself, so a renamed article is split anew.
 */
const split = new Map<string, TitleWords>();
const SPLIT_TITLES = 20_000;

function titleWords(title: string): TitleWords {
  let words = split.get(title);
  if (!words) {
    const tokens = tokenize(title);
    const folded = tokens.map((t) => t.folded).join(' ');
    const exact = tokens.map((t) => t.exact).join(' ');
    words = { any: ` ${exact} ${folded} `, folded: ` ${folded} ` };
    if (split.size >= SPLIT_TITLES) split.delete(split.keys().next().value!);
    split.set(title, words);
  }
  return words;
}

export function titleBoost(db: Db, scores: Map<number, number>, clauses: readonly Clause[]): void {
  const positive = clauses.filter((c) => !c.negated);
  const wanted = positive.flatMap((c) =>
    c.tokens.map((t) => ` ${c.accented ? t.exact : t.folded} `),
  );
  if (!wanted.length || !scores.size) return;
  const typed = ` ${positive.flatMap((c) => c.tokens.map((t) => t.folded)).join(' ')} `;
  const rows = db
    .prepare('SELECT rowid, title FROM articles WHERE rowid IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...scores.keys()])) as { rowid: number; title: string }[];
  for (const row of rows) {
    const words = titleWords(row.title);
    const covered = wanted.filter((w) => words.any.includes(w)).length / wanted.length;
    let bonus = 20 * covered * covered;
    if (covered === 1 && words.folded.includes(typed)) bonus += 10;
    scores.set(row.rowid, scores.get(row.rowid)! + bonus);
  }
}
