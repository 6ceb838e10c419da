/**
 * What bm25 ranks the candidates by (fts-query.ts `scoreMatch`): accented words that most
 * articles hold are left out, because weighing them reads most of the index once per query and
 * adds next to nothing; rarer accented words and the pairs typed side by side stay.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../../electron/core/search/query-parser';
import { scoreMatch } from '../../../electron/core/search/fts-query';
import { Vocabulary } from '../../../electron/core/search/vocabulary';
import { COMMON_SHARE } from '../../../electron/core/search/limits';
import type { Db } from '../../../electron/core/store/db';

/** Articles holding each folded syllable, in an archive of about 1,000. */
const DOCUMENTS = new Map([
  ['va', 990],
  ['nay', 900],
  ['lam', 500],
  ['dan', 400],
  ['van', 300],
  ['nghi', 50],
  ['quyet', 40],
]);

const vocabulary = new Vocabulary({} as Db, { terms: () => DOCUMENTS });
const documents = (folded: string) => vocabulary.documents(folded);
const common = (folded: string) => vocabulary.common(folded);
const score = (query: string) => scoreMatch(parseQuery(query).clauses, documents, common);

describe('scoreMatch', () => {
  test('a syllable is common past COMMON_SHARE of the most used one', () => {
    assert.equal(COMMON_SHARE, 0.25);
    assert.equal(vocabulary.common('nay'), true);
    assert.equal(vocabulary.common('dan'), true); // 400 > 0.25 × 990
    assert.equal(vocabulary.common('nghi'), false);
    assert.equal(vocabulary.common('unknown'), false);
    const notLoaded = new Vocabulary({} as Db, { terms: () => null });
    assert.equal(notLoaded.common('nay'), false, 'nothing is common before the vocabulary loads');
  });

  test('common accented words are not weighed; their pair still is', () => {
    assert.equal(score('này làm'), '("lam") AND ("_nay_lam")');
  });

  test('rare accented words stay as signals, beside the pair', () => {
    assert.equal(score('nghị quyết'), '("quyet") AND (("nghị") OR ("quyết") OR "_nghi_quyet")');
  });

  test('in a mixed query only the common word drops out', () => {
    const expr = score('này nghị')!;
    assert.match(expr, /"nghị"/);
    assert.doesNotMatch(expr, /"này"/);
    assert.match(expr, /"_nay_nghi"/);
  });

  test('a quoted phrase of common words is ranked by its pair alone', () => {
    assert.equal(score('"dân vận"'), '("_dan_van")');
  });

  test('without a vocabulary in memory every accented word is weighed, as before', () => {
    const expr = scoreMatch(parseQuery('này làm').clauses)!;
    assert.match(expr, /"này"/);
    assert.match(expr, /"làm"/);
  });
});
