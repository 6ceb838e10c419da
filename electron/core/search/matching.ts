/**
 * The `FROM … WHERE …` every search statement shares (search/engine.ts): which index, which
 * filters, from which floor, among which candidates.
 */
import type { Index } from './limits';

/** The filters as SQL over `article_facts a`, and a date range's months as an FTS5 expression. */
export type Filter = { sql: string; params: unknown[]; months: string | null };

export type Matching = {
  /** Join the facts table even without a filter (to sort by date). */
  facts?: boolean;
  /** Only from a rowid up (bound after the filter's parameters). */
  floor?: boolean;
  index?: Index;
  /** bm25 is computed: the months are not asked (see below). */
  scored?: boolean;
  /** Only among candidates, bound last as a JSON array of rowids. */
  among?: boolean;
};

/**
 * The articles matching `expr` and the filters: the slim facts table is joined only when a
 * filter needs it (or `facts` asks for it). Bind `expr`, then the filter's parameters, then the
 * floor, then the candidates. A date filter is also asked of FTS5 as its months (`monthsMatch`):
 * FTS5 intersects postings, the facts table judges what is left. Not when bm25 is `scored`: it
 * would read the months' whole posting lists to weigh them. The candidates' `+` keeps SQLite
 * from looking each one up in FTS5 one by one.
 */
// The floor is cast: bound as a JavaScript number it reaches FTS5 as a REAL, which FTS5 does
// not seek by (it reads every match and SQLite filters after: ten times slower, measured).
export function matching(
  filter: Filter,
  {
    facts = false,
    floor = false,
    index = 'articles_fts',
    scored = false,
    among = false,
  }: Matching = {},
): string {
  const join = facts || filter.sql !== '1';
  const months = filter.months && !scored ? `AND ${index} MATCH '${filter.months}'` : '';
  return `FROM ${index} f ${join ? 'JOIN article_facts a ON a.article = f.rowid' : ''}
    WHERE ${index} MATCH ? ${months} ${filter.sql !== '1' ? `AND ${filter.sql}` : ''}
    ${floor ? 'AND f.rowid >= CAST(? AS INTEGER)' : ''}
    ${among ? 'AND +f.rowid IN (SELECT value FROM json_each(?))' : ''}`;
}
