/**
 * The re-ranking bm25 cannot do: a title that holds every syllable typed (accent-exact where the
 * user typed accents) is what someone looking for one article types; holding them in order is
 * better still. Adds to `scores` in place.
 */
import type { Db } from '../store/db';
import { tokenize } from '../text/vietnamese';
import type { Clause } from './query-parser';

export function titleBoost(db: Db, scores: Map<number, number>, clauses: readonly Clause[]): void {
  const positive = clauses.filter((c) => !c.negated);
  const wanted = positive.flatMap((c) => c.tokens.map((t) => (c.accented ? t.exact : t.folded)));
  if (!wanted.length || !scores.size) return;
  const typed = positive.flatMap((c) => c.tokens.map((t) => t.folded)).join(' ');
  const rows = db
    .prepare('SELECT rowid, title FROM articles WHERE rowid IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...scores.keys()])) as { rowid: number; title: string }[];
  for (const row of rows) {
    const tokens = tokenize(row.title);
    const have = new Set(tokens.flatMap((t) => [t.exact, t.folded]));
    const covered = wanted.filter((w) => have.has(w)).length / wanted.length;
    let bonus = 20 * covered * covered;
    if (
      covered === 1 &&
      tokens
        .map((t) => t.folded)
        .join(' ')
        .includes(typed)
    )
      bonus += 10;
    scores.set(row.rowid, scores.get(row.rowid)! + bonus);
  }
}
