/**
 * Search: FTS5 lists the newest matches (at most RANK_LIMIT), and bm25 ranks them by pairs and
 * accent-exact words (`scoreMatch`), or by the query itself (`rankedMatch`) when that is no dearer;
 * the best are re-ranked by a title holding the whole query, and fused with the catalog's fuzzy
 * matches when FTS5 finds nothing. Snippets are made for the returned page only.
 */
import type { SearchHit, SearchRequest, SearchResult } from '../model';
import type Database from 'better-sqlite3';
import type { Db } from '../store/db';
import { filterClause } from '../store/articles';
import { parseQuery, type Clause, type ParsedQuery } from './query-parser';
import { matchAll, matchAny, matchExact, monthsMatch, rankedMatch, scoreMatch } from './fts-query';
import { BodyCache, hydrateHits } from './hits';
import { matching, type Filter } from './matching';
import { titleBoost } from './title-boost';
import {
  BROAD,
  COUNT_CAP,
  PREFIX_COMPLETIONS,
  RANK_LIMIT,
  RERANK_WINDOW,
  TITLE_WEIGHTS,
  WEIGHTS,
  type Index,
  type SearchWork,
} from './limits';

export type { SearchWork } from './limits';
import { Vocabulary, type VocabularySource } from './vocabulary';

/** Fewer hits than this and the result offers a corrected query. */
const SUGGEST_BELOW = 3;

/** Extra candidates from the in-memory catalog (titles, numbers, tags, notes), scored 0–1. */
export type CatalogLookup = (parsed: ParsedQuery) => Map<number, number>;

type Ranked = { order: number[]; scores: Map<number, number> };

type Scored = { rowid: number; score: number };

type Statement = Database.Statement<unknown[]>;

/** Distinct statements kept compiled; more (an unusual mix of filters) starts the cache afresh. */
const STATEMENT_CACHE = 64;

/** Which listing of matches: the index, the expression and the filters. */
const listKey = (expr: string, filter: Filter, index: Index) =>
  `${index}\u0000${expr}\u0000${JSON.stringify(filter)}`;

export class SearchEngine {
  readonly vocabulary: Vocabulary;
  /** The work of the last search (see SearchWork). */
  work: SearchWork = { counted: 0, scored: 0, listed: 0 };
  /** The newest RANK_LIMIT matches of each expression read during the current search. */
  private lists = new Map<string, number[]>();
  /** What the last count found: how far paging may go. */
  private matched = 0;
  /** Decoded bodies of recent hits, for their snippets (see hits.ts). */
  private readonly bodies = new BodyCache();
  /** Compiled statements by their SQL (see `statement`). */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogLookup | null = null,
    vocabulary: VocabularySource | null = null,
  ) {
    this.vocabulary = new Vocabulary(db, vocabulary ?? { terms: () => null });
  }

  search(request: SearchRequest): SearchResult {
    const started = performance.now();
    this.work = { counted: 0, scored: 0, listed: 0 };
    this.matched = 0;
    this.lists.clear();
    let parsed = this.completePrefixes(
      parseQuery(request.query ?? '', { typeAhead: request.typeAhead }),
    );
    let partial = false; // no article holds every word: the hits hold some of them
    const filter = { ...filterClause(request), months: monthsMatch(request.from, request.to) };
    const filtered = filter.sql !== '1';
    const limit = request.limit ?? 20;
    const offset = request.offset ?? 0;
    const done = (total: number, hits: SearchHit[]): SearchResult => ({
      total: Math.min(total, COUNT_CAP),
      totalCapped: total > COUNT_CAP,
      hits,
      suggestion: parsed.empty
        ? null
        : this.vocabulary.suggest(parsed.clauses, !filtered && (total < SUGGEST_BELOW || partial)),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    });
    if (parsed.empty) return done(0, []);

    // Counted by what must match; the ranking expression adds signals that only score.
    const { documents, common } = this.vocabulary.frequencies();
    let expr = rankedMatch(parsed.clauses, documents);
    let required = matchAll(parsed.clauses);
    let total = expr ? this.count(required!, filter) : 0;
    if (total === 0 && parsed.clauses.some((c) => c.negated)) {
      // "Bà Rịa -Vũng Tàu" pasted from a title: a dash that leaves nothing was punctuation.
      const literal = parsed.clauses.map((c) => ({ ...c, negated: false }));
      const literalExpr = rankedMatch(literal, documents);
      const literalTotal = literalExpr ? this.count(matchAll(literal)!, filter) : 0;
      if (literalTotal > 0) {
        parsed = { clauses: literal, empty: false };
        [expr, total, required] = [literalExpr, literalTotal, matchAll(literal)];
      }
    }
    if (total === 0 && matchAny(parsed.clauses)) {
      // No article holds every word: show those that hold the most, best first.
      expr = matchAny(parsed.clauses);
      total = expr ? this.count(expr, filter) : 0;
      partial = true;
      required = null;
    }
    // The catalog (fuzzy matches on short fields) is consulted only when FTS5 finds no article
    // holding every word: common searches never pay for it.
    // With filters set, few hits say more about the filters than the words: no fuzzy rescue.
    const needCatalog = !filtered && (total === 0 || partial);
    // A phrase or a field is a promise about where the words stand: the catalog's loose matches
    // may not add to what FTS5 found then.
    const strict = parsed.clauses.some((c) => c.kind === 'phrase' || c.field);
    const extra = (needCatalog && !strict && this.catalog?.(parsed)) || new Map<number, number>();
    if (total === 0 && extra.size === 0) return done(0, []);
    if (total === 0) [expr, required] = [null, null];

    const window = Math.max(RERANK_WINDOW, offset + limit);
    const score = required && !extra.size ? scoreMatch(parsed.clauses, documents, common) : null;
    const ranked =
      request.sort === 'date' && expr
        ? this.byDate(expr, filter, offset + limit)
        : total > BROAD && !partial
          ? this.broad(expr!, filter, parsed.clauses, window)
          : required && score
            ? this.byScore(required, score, filter, parsed.clauses, window)
            : this.byRelevance(expr, filter, parsed.clauses, extra, window);
    const hits = hydrateHits(
      this.db,
      ranked.order.slice(offset, offset + limit),
      parsed.clauses,
      ranked.scores,
      this.bodies,
    );
    return done(Math.max(total, ranked.order.length), hits);
  }

  /**
   * A word still being typed: one letter means nothing yet and is left out; two or more match the
   * archive's most used syllables that start with them (when the vocabulary is in memory).
   */
  private completePrefixes(parsed: ParsedQuery): ParsedQuery {
    const clauses = parsed.clauses.filter(
      (c) =>
        !(
          c.prefix &&
          c.kind === 'term' &&
          c.tokens[0].folded.length < 2 &&
          parsed.clauses.length > 1
        ),
    );
    for (const clause of clauses) {
      if (!clause.prefix || clause.kind !== 'term') continue;
      const completions = this.vocabulary.completions(clause.tokens[0].folded, PREFIX_COMPLETIONS);
      if (completions?.length) clause.completions = completions;
    }
    return { clauses, empty: parsed.empty || !clauses.some((c) => !c.negated) };
  }

  /**
   * The rowid of the RANK_LIMIT-th most recent match, or 0 when there are fewer: read in the
   * index's own order and stopped there, so it costs RANK_LIMIT rows at most.
   */
  private floor(expr: string, filter: Filter, index: Index): number {
    const newest = this.list(expr, filter, index);
    return newest.length === RANK_LIMIT ? newest[RANK_LIMIT - 1] : 0;
  }

  /** The newest RANK_LIMIT matches (fewer when fewer match), read once per search. */
  private list(expr: string, filter: Filter, index: Index = 'articles_fts'): number[] {
    const key = listKey(expr, filter, index);
    if (!this.lists.has(key)) this.lists.set(key, this.newest(expr, filter, RANK_LIMIT, index));
    return this.lists.get(key)!;
  }

  /**
   * How many articles match, up to COUNT_CAP + 1 (more: the count stops there). The newest
   * RANK_LIMIT are counted by listing them, which ranking needs anyway, and the rest from below
   * the last one listed: FTS5 seeks there instead of reading those matches a second time (a
   * whole title's words at 1,000,000 articles: 58 → 24 ms of counting per search).
   */
  private count(expr: string, filter: Filter): number {
    const newest = this.list(expr, filter);
    if (newest.length < RANK_LIMIT) {
      this.work.counted += newest.length;
      return (this.matched = newest.length);
    }
    const older = (
      this.statement(
        `SELECT count(*) AS n FROM (SELECT 1 ${matching(filter)}
           AND f.rowid < CAST(? AS INTEGER) LIMIT ?)`,
      ).get(expr, ...filter.params, newest[RANK_LIMIT - 1], COUNT_CAP + 1 - RANK_LIMIT) as {
        n: number;
      }
    ).n;
    this.work.counted += older;
    return (this.matched = RANK_LIMIT + older);
  }

  private byDate(expr: string, filter: Filter, n: number): Ranked {
    const rows = this.statement(
      `SELECT f.rowid AS rowid ${matching(filter, { facts: true })}
         ORDER BY a.date IS NULL, a.date DESC, f.rowid DESC LIMIT ?`,
    ).all(expr, ...filter.params, n) as { rowid: number }[];
    return { order: rows.map((r) => r.rowid), scores: new Map() };
  }

  private byRelevance(
    expr: string | null,
    filter: Filter,
    clauses: readonly Clause[],
    extra: Map<number, number>,
    window: number,
  ): Ranked {
    const exact = expr ? matchExact(clauses) : null;
    const exactRows = exact ? this.ranked(`(${expr}) AND (${exact})`, filter, window) : [];
    const exactTier = new Set(exactRows.map((r) => r.rowid));
    const foldedRows = expr ? this.ranked(expr, filter, window) : [];
    const scores = new Map<number, number>();
    for (const r of [...exactRows, ...foldedRows])
      if (!scores.has(r.rowid)) scores.set(r.rowid, r.score);
    for (const [rowid, weight] of extra) {
      if (scores.has(rowid)) scores.set(rowid, scores.get(rowid)! + 10 * weight);
      else if (this.passes(rowid, filter)) scores.set(rowid, 10 * weight);
    }
    titleBoost(this.db, scores, clauses);
    const tier = (rowid: number) => (exactTier.has(rowid) ? 1 : 0);
    const order = [...scores.keys()].sort(
      (a, b) => tier(b) - tier(a) || scores.get(b)! - scores.get(a)! || a - b,
    );
    if (expr) this.pageOn(order, expr, filter, window);
    return { order, scores };
  }

  /**
   * The matches ranked by a cheaper expression than the query's own (`scoreMatch`: pairs and
   * accent-exact words, whose postings are short), over the same newest RANK_LIMIT candidates:
   * bm25 then never reads the long posting lists of common syllables just to weigh them. With
   * accents typed, the candidates holding them exactly come first; candidates the score
   * expression misses follow, newest first. The best `window` get the title boost.
   */
  private byScore(
    required: string,
    score: string,
    filter: Filter,
    clauses: readonly Clause[],
    window: number,
  ) {
    const candidates = this.list(required, filter);
    const floor = candidates.length === RANK_LIMIT ? candidates[RANK_LIMIT - 1] : 0;
    // Both statements read only the candidates: their expressions also match articles that are
    // not (the rarest word and any pair: ten times as many for a whole title at 1,000,000), and
    // bm25 would run for each.
    const among = JSON.stringify(candidates);
    const exact = matchExact(clauses);
    const exactTier = new Set(
      exact
        ? (this.statement(
            `SELECT f.rowid AS rowid ${matching(filter, { floor: true, among: true })}`,
            true,
          ).all(exact, ...filter.params, floor, among) as number[])
        : [],
    );
    this.work.scored += candidates.length;
    const scored = this.statement(
      `SELECT f.rowid AS rowid, -bm25(articles_fts, ${WEIGHTS}) AS score ${matching(filter, { floor: true, scored: true, among: true })}`,
    ).all(score, ...filter.params, floor, among) as Scored[];
    const tier = (rowid: number) => (exactTier.has(rowid) ? 1 : 0);
    const scores = new Map(scored.map((r) => [r.rowid, r.score]));
    const best = [...scores.keys()]
      .sort((a, b) => tier(b) - tier(a) || scores.get(b)! - scores.get(a)! || a - b)
      .slice(0, window);
    // Then the candidates the score missed, exact ones first, newest first (as listed).
    const rest = candidates.filter((rowid) => !scores.has(rowid));
    best.push(...rest.sort((a, b) => tier(b) - tier(a)).slice(0, window - best.length));
    const boosted = new Map(best.map((rowid) => [rowid, scores.get(rowid) ?? 0]));
    titleBoost(this.db, boosted, clauses);
    // Ties (the unscored above all) stay newest first.
    const order = best.sort(
      (a, b) => tier(b) - tier(a) || boosted.get(b)! - boosted.get(a)! || b - a,
    );
    this.pageOn(order, required, filter, window);
    return { order, scores: boosted };
  }

  /** Paging past what bm25 ranked (more matches than RANK_LIMIT): the rest, newest first. */
  private pageOn(order: number[], expr: string, filter: Filter, window: number): void {
    if (order.length >= window || this.matched <= order.length) return;
    const seen = new Set(order);
    for (const rowid of this.newest(expr, filter, window)) {
      if (order.length >= window) break;
      if (!seen.has(rowid)) order.push(rowid);
    }
  }

  /**
   * A very broad query: articles whose titles or facts hold the words, by bm25 over those short
   * columns (the title boost on top), then the other matches, most recently imported first. With
   * accents typed, all of that for the accent-exact matches comes before the folded-only ones.
   */
  private broad(expr: string, filter: Filter, clauses: readonly Clause[], window: number): Ranked {
    // Ranked in the short fields' own index, which a clause about the body cannot ask.
    const titles = !clauses.some((c) => c.field === 'body');
    const short = titles ? matchAll(clauses, 'folded', 'short') : null;
    const exact = matchExact(clauses);
    const exactShort = titles ? matchExact(clauses, 'short') : null;
    // Each tier: what to rank by bm25 over the short columns, and what fills it up unranked.
    const tiers: Array<[string | null, string]> = exact
      ? [
          [short && exactShort && `(${short}) AND (${exactShort})`, `(${expr}) AND (${exact})`],
          [short, expr],
        ]
      : [[short, expr]];
    const order: number[] = [];
    const seen = new Set<number>();
    const scores = new Map<number, number>();
    for (const [rank, fill] of tiers) {
      const ranked = new Map<number, number>();
      if (rank) {
        for (const r of this.ranked(rank, filter, window, 'titles_fts')) {
          if (!seen.has(r.rowid)) ranked.set(r.rowid, 100 + r.score);
        }
      }
      titleBoost(this.db, ranked, clauses);
      const best = [...ranked.keys()].sort((a, b) => ranked.get(b)! - ranked.get(a)! || b - a);
      for (const rowid of [...best, ...this.newest(fill, filter, window)]) {
        if (order.length >= window) break;
        if (seen.has(rowid)) continue;
        seen.add(rowid);
        order.push(rowid);
        scores.set(rowid, ranked.get(rowid) ?? 0);
      }
    }
    return { order, scores };
  }

  /**
   * Matches in the index's own order, most recently imported first: no sort over every match.
   * What this search already listed (the count's newest RANK_LIMIT, in the same order) is cut
   * from that list instead of asked of FTS5 again: a broad query's unranked fill and paging on
   * are its first `n`.
   */
  private newest(expr: string, filter: Filter, n: number, index: Index = 'articles_fts'): number[] {
    const listed = this.lists.get(listKey(expr, filter, index));
    if (listed && (n <= listed.length || listed.length < RANK_LIMIT)) return listed.slice(0, n);
    this.work.listed += n;
    return this.statement(
      `SELECT f.rowid AS rowid ${matching(filter, { index })} ORDER BY f.rowid DESC LIMIT ?`,
      true,
    ).all(expr, ...filter.params, n) as number[];
  }

  /**
   * A statement compiled once per engine: a search runs the same few shapes of SQL (one per
   * filter and index), which SQLite would otherwise compile again at every keystroke.
   */
  private statement(sql: string, pluck = false): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement.pluck(pluck); // the mode stays with the statement: set at every use
  }

  /** The best `window` matches of `expr` by bm25 (of its RANK_LIMIT most recent), as positive scores. */
  private ranked(
    expr: string,
    filter: Filter,
    window: number,
    index: Index = 'articles_fts',
  ): Scored[] {
    const floor = this.floor(expr, filter, index);
    this.work.scored += floor ? RANK_LIMIT : Math.min(RANK_LIMIT, this.work.counted);
    const weights = index === 'titles_fts' ? TITLE_WEIGHTS : WEIGHTS;
    return this.statement(
      `SELECT f.rowid AS rowid, -bm25(${index}, ${weights}) AS score ${matching(filter, { floor: true, index, scored: true })}
         ORDER BY bm25(${index}, ${weights}) LIMIT ?`,
    ).all(expr, ...filter.params, floor, window) as Scored[];
  }

  private passes(rowid: number, filter: Filter): boolean {
    return !!this.statement(
      `SELECT 1 FROM article_facts a WHERE a.article = ? AND ${filter.sql}`,
    ).get(rowid, ...filter.params);
  }
}
