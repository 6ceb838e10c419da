/**
 * What goes into the full-text index for an article: our own normalised syllables, per field,
 * once accent-exact and once folded, and the folded pairs of adjacent syllables ("_dan_van").
 * FTS5's ascii tokenizer then only splits on spaces (and keeps `_` inside a pair).
 *
 * The accent-exact columns hold only syllables that carry a mark (the others are their own
 * folded form, in the folded columns), and the body's each once: they are only asked whether an
 * accented word is there (a ranking signal, and the prefix of an accented word being typed),
 * never for positions, which the folded syllables and the pairs answer.
 *
 * A phrase is matched by its pairs, a single word by itself. Most Vietnamese words are two
 * syllables, so a pair is a word: its posting list is short where the lists of its syllables are
 * long ("nam", "dan" are in most articles), and a query reads the short lists.
 */
import type Database from 'better-sqlite3';
import type { ArticleDraft } from '../model';
import { tokenize } from '../text/vietnamese';
import { blockText } from '../archive/layout';

export interface FtsRow {
  title: string;
  title_folded: string;
  meta: string;
  meta_folded: string;
  body: string;
  body_folded: string;
  title_pairs: string;
  meta_pairs: string;
  body_pairs: string;
  /** The month of the article's date ("_m201707"), or nothing (see `monthToken`). */
  dates: string;
}

/** The index's columns in table order (bm25 weights in search/engine.ts follow this order). */
export const FTS_COLUMNS = [
  'title',
  'title_folded',
  'meta',
  'meta_folded',
  'body',
  'body_folded',
  'title_pairs',
  'meta_pairs',
  'body_pairs',
  'dates',
] as const satisfies ReadonlyArray<keyof FtsRow>;

/** The short fields' own index (`titles_fts`): the same columns, for titles and facts only. */
export const TITLE_COLUMNS = [
  'title',
  'title_folded',
  'meta',
  'meta_folded',
  'title_pairs',
  'meta_pairs',
  'dates',
] as const satisfies ReadonlyArray<keyof FtsRow>;

const insertInto = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (rowid, ${columns.join(', ')})
  VALUES (@rowid, ${columns.map((c) => `@${c}`).join(', ')})`;

/**
 * The one writer of an article's index rows, in both indexes (import, reindex, repair). With
 * `replace`, a titles row left from before is dropped first (a repair of the full index only).
 */
export function indexWriter(
  db: Database.Database,
  replace = false,
): (rowid: number, row: FtsRow) => void {
  const full = db.prepare(insertInto('articles_fts', FTS_COLUMNS));
  const short = db.prepare(insertInto('titles_fts', TITLE_COLUMNS));
  const drop = db.prepare('DELETE FROM titles_fts WHERE rowid = ?');
  return (rowid, row) => {
    full.run({ rowid, ...row });
    if (replace) drop.run(rowid);
    short.run(Object.fromEntries([['rowid', rowid], ...TITLE_COLUMNS.map((c) => [c, row[c]])]));
  };
}

/** Empty both indexes (a full rebuild follows). */
export function clearIndexes(db: Database.Database): void {
  db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
  db.prepare("INSERT INTO titles_fts (titles_fts) VALUES ('delete-all')").run();
}

/**
 * The folded pair token of two adjacent folded syllables: "_dan_van". The leading `_` keeps pairs
 * out of a syllable's prefix range, so a word being typed ("va*") expands over syllables only,
 * not over the far more numerous pairs that start with them.
 */
export const pairToken = (a: string, b: string): string => `_${a}_${b}`;

/**
 * The index token of a month, "_m201707": what a date filter asks FTS5 alongside the words, so
 * that it intersects posting lists instead of looking up the date of every match (engine.ts).
 * One `_` only, so no pair ("_2017_07") can spell it.
 */
export const monthToken = (year: number, month: number): string =>
  `_m${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}`;

/** The month token of an ISO date, or '' when it has none. */
function datesOf(date: string | null | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return m ? monthToken(Number(m[1]), Number(m[2])) : '';
}

function forms(
  text: string,
  distinctExact = false,
): [exact: string, folded: string, pairs: string] {
  const tokens = tokenize(text);
  const exact: string[] = [];
  const folded: string[] = [];
  const pairs: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].exact !== tokens[i].folded) exact.push(tokens[i].exact);
    folded.push(tokens[i].folded);
    if (i) pairs.push(pairToken(tokens[i - 1].folded, tokens[i].folded));
  }
  const exactText = distinctExact ? [...new Set(exact)].join(' ') : exact.join(' ');
  return [exactText, folded.join(' '), pairs.join(' ')];
}

/** Fields a reader searches by name rather than content: number, type, issuer, author, source. */
export function metaText(
  draft: Pick<ArticleDraft, 'docNumber' | 'docType' | 'issuer' | 'author' | 'source'>,
): string {
  return [draft.docNumber, draft.docType, draft.issuer, draft.author, draft.source]
    .filter(Boolean)
    .join(' \u2022 ');
}

export function ftsRow(draft: ArticleDraft): FtsRow {
  const [title, title_folded, title_pairs] = forms(draft.title);
  const [meta, meta_folded, meta_pairs] = forms(metaText(draft));
  const bodyParts = [draft.summary ?? '', ...draft.blocks.map(blockText)];
  const [body, body_folded, body_pairs] = forms(bodyParts.filter(Boolean).join('\n'), true);
  return {
    title,
    title_folded,
    meta,
    meta_folded,
    body,
    body_folded,
    title_pairs,
    meta_pairs,
    body_pairs,
    dates: datesOf(draft.date),
  };
}
