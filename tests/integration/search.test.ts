/**
 * The required search behaviours, on real text: one archive built in before() from the seed
 * article, the 451 official documents and the first 4,000 records of each news file (streamed to
 * temporary JSONL files, never copied into the repository).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { layoutArticle } from '../../electron/core/archive/layout';
import type { SearchRequest } from '../../electron/core/model';
import { foldDiacritics, tokenize } from '../../electron/core/text/vietnamese';
import { CORPUS, corpusLines, writeJsonl } from '../support/corpus';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const NEWS = ['vietnews-train-40k.jsonl.gz', 'baomoi-2017-35k.jsonl.gz'];
const PER_NEWS_FILE = 4000;

let dir: string;
let archive: Archive;
let seedId: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-test-'));
  const paths = [SEED, path.join(CORPUS, 'official-documents-vn.jsonl.gz')];
  for (const name of NEWS) {
    const dest = path.join(dir, name.replace('.gz', ''));
    paths.push(writeJsonl(dest, await corpusLines(name, PER_NEWS_FILE)));
  }
  archive = Archive.open(path.join(dir, 'archive.db'));
  const summary = await archive.importPaths(paths);
  assert.deepEqual(summary.failed, []);
  assert.equal(summary.imported + summary.duplicates, 1 + 451 + 2 * PER_NEWS_FILE);
  seedId = summary.articleIds[0];
});

after(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (query: string, extra: Partial<SearchRequest> = {}) =>
  archive.search({ query, limit: 20, ...extra });

/** Title, summary and body of an article, as one NFC string. */
function textOf(id: string): string {
  const a = archive.getArticle(id);
  return `${a.title}\n\n${layoutArticle(a.summary, a.blocks).text}`.normalize('NFC');
}

/** Does the token sequence hold `words` (one form) contiguously? */
function holds(tokens: string[], words: string[]): boolean {
  return tokens.some((_, i) => words.every((w, k) => tokens[i + k] === w));
}

const exactTokens = (id: string) => tokenize(textOf(id)).map((t) => t.exact);
const foldedTokens = (id: string) => tokenize(textOf(id)).map((t) => t.folded);
const words = (q: string, form: 'exact' | 'folded') => tokenize(q).map((t) => t[form]);

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('required behaviours', () => {
  test('"dan van lang son" finds the seed article first', () => {
    const result = search('dan van lang son');
    assert.equal(result.hits[0]?.id, seedId, result.hits[0]?.title);
    assert.match(result.hits[0].snippet, /<mark>dân vận<\/mark>/);
  });

  test('"dân vận": every accent-exact hit ranks above every folded-only hit (top 20)', () => {
    const hits = search('dân vận').hits;
    assert.equal(hits.length, 20);
    const exact = words('dân vận', 'exact');
    const tiers = hits.map((h) => {
      const tokens = exactTokens(h.id);
      if (holds(tokens, exact)) return 'exact';
      return exact.every((w) => tokens.includes(w)) ? 'scattered' : 'folded-only';
    });
    const lastExact = tiers.lastIndexOf('exact');
    const firstFolded = tiers.indexOf('folded-only');
    assert.ok(lastExact >= 0, 'some hit holds “dân vận”');
    assert.ok(
      firstFolded < 0 || firstFolded > lastExact,
      `folded-only hit #${firstFolded + 1} “${hits[firstFolded]?.title}” ranks above accent-exact ` +
        `hit #${lastExact + 1} “${hits[lastExact]?.title}”: ${tiers.join(', ')}`,
    );
  });

  for (const [query, other] of [
    ['hoà', 'hòa'],
    ['hòa', 'hoà'],
  ]) {
    test(`"${query}" finds articles that only spell "${other}", as accent-exact matches`, () => {
      const result = search(query, { limit: 30 });
      const onlyOther = result.hits.filter((h) => {
        const text = textOf(h.id).toLowerCase();
        return text.includes(other) && !text.includes(query);
      });
      assert.ok(onlyOther.length > 0, `a hit that only spells “${other}” in the top 30`);
      const exact = words(query, 'exact');
      for (const h of result.hits) assert.ok(holds(exactTokens(h.id), exact), h.title);
      const twin = search(other, { limit: 30 });
      assert.equal(twin.total, result.total);
      assert.deepEqual(
        twin.hits.map((h) => h.id),
        result.hits.map((h) => h.id),
      );
    });
  }

  test('"Đà Nẵng" and "da nang" both return hits containing “Đà Nẵng”', () => {
    for (const query of ['Đà Nẵng', 'da nang']) {
      const hits = search(query, { limit: 10 }).hits;
      assert.equal(hits.length, 10, query);
      for (const h of hits) assert.ok(textOf(h.id).toLowerCase().includes('đà nẵng'), h.title);
    }
  });

  // The second phrase is in one article only: nothing may be added to it that lacks the phrase.
  for (const phrase of ['công tác dân vận', 'Bước tiến mới trong công tác dân vận']) {
    test(`"${phrase}" in quotes: every hit holds the phrase`, () => {
      const result = search(`"${phrase}"`, { limit: 100 });
      assert.ok(result.total > 0);
      assert.equal(result.hits[0].id, seedId);
      const folded = words(phrase, 'folded');
      const without = result.hits.filter((h) => !holds(foldedTokens(h.id), folded));
      assert.deepEqual(
        without.map((h) => h.title),
        [],
        `${without.length} of ${result.hits.length} hits lack the phrase`,
      );
      assert.equal(result.total, result.hits.length);
    });
  }

  test('"45/2019/QH14" finds Bộ luật Lao động first', () => {
    const hit = search('45/2019/QH14').hits[0];
    assert.equal(hit?.title, 'Bộ luật Lao động số 45/2019/QH14');
    assert.equal(hit.docNumber, '45/2019/QH14');
  });

  const garbage: Array<[string, string]> = [
    ['title:', 'title:'],
    ['~', '~'],
    ['"', '"'],
    ['5,000 characters', 'x'.repeat(5000)],
    ['5,000 accented characters', 'đ'.repeat(5000)],
    ['5,000 characters of punctuation', '~!@#$%^&*()[]{}:;"<>?/\\|'.repeat(209).slice(0, 5000)],
    ['emoji', '🇻🇳 😀 👍🏽'],
    ['only exclusions', '-dân -vận'],
  ];
  for (const [name, query] of garbage) {
    test(`garbage (${name}) returns an empty result, not an error`, () => {
      const result = search(query);
      assert.equal(result.total, 0);
      assert.deepEqual(result.hits, []);
    });
  }
});

describe('filters, sorting and exclusion', () => {
  test("type: 'Luật' returns only Luật", () => {
    const result = search('quy định', { type: 'Luật', limit: 100 });
    assert.ok(result.total > 0 && result.total < search('quy định').total);
    for (const h of result.hits) assert.equal(h.docType, 'Luật', h.title);
  });

  test('from/to respect dates', () => {
    const result = search('nghị định', { from: '2020-01-01', to: '2024-12-31', limit: 200 });
    assert.ok(result.hits.length > 0);
    for (const h of result.hits) {
      assert.ok(h.date && h.date >= '2020-01-01' && h.date <= '2024-12-31', `${h.date} ${h.title}`);
    }
  });

  test('every match can be paged to, past the ones bm25 ranks', () => {
    const { total } = search('dân');
    assert.ok(total > 3000 && total < 10_000, `${total}`); // more than RANK_LIMIT, all counted
    const last = search('dân', { offset: total - 10 });
    assert.equal(last.hits.length, 10);
    const seen = new Set(search('dân', { limit: total }).hits.map((h) => h.id));
    assert.equal(seen.size, total);
  });

  test('sort by date is descending', () => {
    const hits = search('dân', { sort: 'date', limit: 100 }).hits;
    assert.equal(hits.length, 100);
    const dates = hits.map((h) => h.date ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('-exclusion removes articles with the word', () => {
    const all = search('Đà Nẵng', { limit: 100 });
    const without = search('Đà Nẵng -Quảng', { limit: 100 });
    assert.ok(without.total > 0 && without.total < all.total);
    for (const h of without.hits) {
      const a = archive.getArticle(h.id);
      const meta = [a.docNumber, a.docType, a.issuer, a.author, a.source].join(' ');
      assert.ok(!foldedTokens(h.id).includes('quang'), h.title);
      assert.ok(!words(meta, 'folded').includes('quang'), h.title);
    }
  });
});

describe('search quality', () => {
  test('accent-stripped titles find their article in the top 10 (500 drawn, seeded)', () => {
    const rows = archive.db.prepare('SELECT id, title FROM articles ORDER BY rowid').all() as {
      id: string;
      title: string;
    }[];
    const random = mulberry32(20240721);
    const drawn = new Set<number>();
    while (drawn.size < 500) drawn.add(Math.floor(random() * rows.length));
    const misses: string[] = [];
    for (const i of drawn) {
      const { id, title } = rows[i];
      const hits = archive.search({ query: foldDiacritics(title), limit: 10 }).hits;
      if (!hits.some((h) => h.id === id)) misses.push(title);
    }
    const found = drawn.size - misses.length;
    const percent = ((100 * found) / drawn.size).toFixed(1);
    console.log(`title top-10 recall: ${percent}% (${found}/${drawn.size})`);
    assert.ok(found / drawn.size >= 0.99, `missed: ${misses.slice(0, 10).join(' | ')}`);
  });
});

describe('the index', () => {
  // What lets an expression asked everywhere go without a column filter (fts-query.ts `columns`):
  // were a token in two forms' columns, dropping the filter would match articles it should not.
  test("each form's tokens are found only in that form's columns (the real articles above)", () => {
    archive.db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.forms_vocab USING fts5vocab(main, articles_fts, 'col')",
    );
    const form = (col: string) =>
      col === 'dates'
        ? 'dates'
        : col.endsWith('_pairs')
          ? 'pairs'
          : col.endsWith('_folded')
            ? 'folded'
            : 'exact';
    const seen = new Map<string, string>();
    const shared: string[] = [];
    const rows = archive.db
      .prepare('SELECT term, col FROM temp.forms_vocab')
      .iterate() as Iterable<{ term: string; col: string }>;
    const count = { exact: 0, folded: 0, pairs: 0, dates: 0 };
    for (const { term, col } of rows) {
      count[form(col)]++;
      const before = seen.get(term);
      if (before && before !== form(col)) shared.push(`${term} (${before}, ${form(col)})`);
      seen.set(term, form(col));
    }
    assert.ok(
      count.exact > 1000 && count.folded > 1000 && count.pairs > 10_000 && count.dates > 12,
      JSON.stringify(count),
    );
    assert.deepEqual(shared.slice(0, 10), []);
    for (const [term, f] of seen) {
      if (f === 'exact') assert.notEqual(foldDiacritics(term), term, `${term} carries no mark`);
      if (f === 'folded') assert.equal(foldDiacritics(term), term, `${term} carries a mark`);
      if (f === 'dates') assert.match(term, /^_m\d{6}$/);
    }
  });
});

describe('date filters asked of the index as months', () => {
  /** Every article matching `query` (the archive is smaller than the count's cap). */
  const everyMatch = (query: string, extra: Partial<SearchRequest> = {}) => {
    const result = search(query, { limit: 9000, ...extra });
    assert.ok(!result.totalCapped && result.hits.length === result.total, query);
    return result.hits;
  };

  test('find exactly the matches whose date is in range, for ranges of a day to a year and more', () => {
    const busiest = (
      archive.db
        .prepare(
          `SELECT substr(date, 1, 7) AS month FROM article_facts WHERE date IS NOT NULL
           GROUP BY month ORDER BY count(*) DESC LIMIT 1`,
        )
        .get() as { month: string }
    )?.month;
    const [year, month] = busiest.split('-').map(Number);
    const next = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}`;
    const ranges: Array<[string, string]> = [
      [`${busiest}-01`, busiest], // the bench's one-month filter
      [`${busiest}-10`, `${busiest}-20`], // days inside a month
      [`${busiest}-15`, `${next}-15`], // across a month's end
      [String(year), String(year)], // a whole year: twelve months
      [`${year - 1}-06-01`, `${year}-12-31`], // too many months: the facts table alone
    ];
    const prepared: string[] = [];
    let compared = 0;
    const prepare = archive.db.prepare.bind(archive.db);
    archive.db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof prepare;
    try {
      for (const query of ['dân', 'chủ tịch', 'ha noi', '"uỷ ban nhân dân"', 'thành phố']) {
        const all = everyMatch(query);
        for (const [from, to] of ranges) {
          const end = to.length < 10 ? `${to}\uffff` : to;
          const expected = all.filter((h) => h.date && h.date >= from && h.date <= end);
          // None in range: the engine then offers articles holding some of the words.
          if (!expected.length) continue;
          compared++;
          const found = everyMatch(query, { from, to });
          const ids = (hits: typeof all) => hits.map((h) => h.id).sort();
          assert.deepEqual(ids(found), ids(expected), `${query} ${from}…${to}`);
        }
      }
    } finally {
      archive.db.prepare = prepare;
    }
    assert.ok(compared >= 20, `${compared} of 25 ranges held matches`);
    assert.ok(prepared.some((sql) => sql.includes(`MATCH '"_m${busiest.replace('-', '')}"'`)));
  });
});
