/**
 * The query parser, in the table style of Joplin's filterParser tests: each row is what a user
 * typed and the clauses it must give, written compactly as
 *   [kind, accent-exact syllables, { negated, field, prefix, accented }].
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, parseQuery, type Clause } from '../../../electron/core/search/query-parser';

type Flags = { negated?: boolean; field?: Clause['field']; prefix?: boolean; accented?: boolean };
type Expected = [Clause['kind'], string, Flags?];

function compact(clause: Clause): Expected {
  const flags: Flags = {};
  if (clause.negated) flags.negated = true;
  if (clause.field) flags.field = clause.field;
  if (clause.prefix) flags.prefix = true;
  if (clause.accented) flags.accented = true;
  const row: Expected = [clause.kind, clause.tokens.map((t) => t.exact).join(' ')];
  if (Object.keys(flags).length) row.push(flags);
  return row;
}

function check(input: string, expected: Expected[], options: { typeAhead?: boolean } = {}) {
  const parsed = parseQuery(input, options);
  assert.deepEqual(parsed.clauses.map(compact), expected, `query ${JSON.stringify(input)}`);
  assert.equal(parsed.empty, expected.length === 0);
}

describe('parseQuery', () => {
  const rows: Array<[string, string, Expected[]]> = [
    [
      'plain words',
      'dan van',
      [
        ['term', 'dan'],
        ['term', 'van'],
      ],
    ],
    [
      'accented words',
      'dân vận',
      [
        ['term', 'dân', { accented: true }],
        ['term', 'vận', { accented: true }],
      ],
    ],
    [
      'upper case and NFD are normalised',
      'LẠNG'.normalize('NFD'),
      [['term', 'lạng', { accented: true }]],
    ],
    ['old tone placement is normalised', 'hòa', [['term', 'hoà', { accented: true }]]],
    ['quoted phrase', '"công tác dân vận"', [['phrase', 'công tác dân vận', { accented: true }]]],
    [
      'curly quotes',
      '“dân vận” khéo',
      [
        ['phrase', 'dân vận', { accented: true }],
        ['term', 'khéo', { accented: true }],
      ],
    ],
    ['unbalanced quote runs to the end', '"cong tac dan', [['phrase', 'cong tac dan']]],
    [
      'exclusion',
      'so -xo',
      [
        ['term', 'so'],
        ['term', 'xo', { negated: true }],
      ],
    ],
    [
      'excluded phrase',
      'hoa -"xo so"',
      [
        ['term', 'hoa'],
        ['phrase', 'xo so', { negated: true }],
      ],
    ],
    [
      'a lone dash is not an exclusion',
      'a - b',
      [
        ['term', 'a'],
        ['term', 'b'],
      ],
    ],
    [
      'title: with a value',
      'title:lang son',
      [
        ['term', 'lang', { field: 'title' }],
        ['term', 'son'],
      ],
    ],
    [
      'title: followed by a quoted phrase',
      'title: "lang son"',
      [['phrase', 'lang son', { field: 'title' }]],
    ],
    ['title: followed by a word', 'title: lang', [['term', 'lang', { field: 'title' }]]],
    ['Vietnamese field alias', 'tieude:luat', [['term', 'luat', { field: 'title' }]]],
    ['number alias', 'so:45/2019/QH14', [['phrase', '45 2019 qh14', { field: 'number' }]]],
    [
      'excluded field',
      'luat -title:dat',
      [
        ['term', 'luat'],
        ['term', 'dat', { negated: true, field: 'title' }],
      ],
    ],
    ['unknown a:b is text, not a field', 'a:b', [['phrase', 'a b']]],
    [
      'time-like text is text',
      '10:30 sang',
      [
        ['phrase', '10 30'],
        ['term', 'sang'],
      ],
    ],
    ['trailing * is a prefix', 'nghi*', [['term', 'nghi', { prefix: true }]]],
    [
      '* inside a query',
      'nghi* dinh',
      [
        ['term', 'nghi', { prefix: true }],
        ['term', 'dinh'],
      ],
    ],
    ['a * in a phrase is not a prefix', '"nghi dinh*"', [['phrase', 'nghi dinh']]],
    ['multi-syllable word is a phrase', '45/2019/QH14', [['phrase', '45 2019 qh14']]],
    ['hyphenated word is a phrase', 'kinh-te', [['phrase', 'kinh te']]],
    ['a number alone is a term', '2019', [['term', '2019']]],
  ];
  for (const [name, input, expected] of rows) test(name, () => check(input, expected));
});

describe('parseQuery never throws on garbage', () => {
  const garbage: Array<[string, string]> = [
    ['a lone field prefix', 'title:'],
    ['tilde', '~'],
    ['a lone quote', '"'],
    ['two quotes', '""'],
    ['a lone dash', '-'],
    ['stars', '**'],
    ['colons and brackets', ':: ( ) [ ] { } ^ + ~ \\'],
    ['emoji', '🇻🇳 👍🏽 😀'],
    ['only exclusions', '-dan -van'],
    ['an excluded field only', '-title:x'],
    ['one 5,000-character word', 'x'.repeat(5000)],
    ['control characters', '\u0000\u0007\u001b[ \t\r\n'],
    ['lone surrogates', '\uDFFF\uD800'],
  ];
  for (const [name, input] of garbage) test(`${name} → empty`, () => check(input, []));

  test('5,000 characters of real words are cut to the limits', () => {
    const parsed = parseQuery('dân vận '.repeat(700));
    assert.equal(parsed.empty, false);
    assert.equal(parsed.clauses.length, LIMITS.clauses);
  });

  test('a long phrase is cut to the token limit', () => {
    const parsed = parseQuery(`"${'một hai '.repeat(50)}"`);
    assert.equal(parsed.clauses.length, 1);
    assert.equal(parsed.clauses[0].tokens.length, LIMITS.tokensPerClause);
  });

  test('non-string input is treated as empty', () => {
    assert.deepEqual(parseQuery(undefined as unknown as string), { clauses: [], empty: true });
    assert.deepEqual(parseQuery(42 as unknown as string), { clauses: [], empty: true });
  });
});

describe('parseQuery in type-ahead', () => {
  const rows: Array<[string, string, Expected[]]> = [
    [
      'the word being typed is a prefix',
      'dan va',
      [
        ['term', 'dan'],
        ['term', 'va', { prefix: true }],
      ],
    ],
    [
      'after a space it is finished',
      'dan van ',
      [
        ['term', 'dan'],
        ['term', 'van'],
      ],
    ],
    [
      'an exclusion is never a prefix',
      'dan -va',
      [
        ['term', 'dan'],
        ['term', 'va', { negated: true }],
      ],
    ],
    ['a closed phrase is finished', '"dan van"', [['phrase', 'dan van']]],
    [
      'the last syllable of a word is a prefix',
      'lang-so',
      [['phrase', 'lang so', { prefix: true }]],
    ],
  ];
  for (const [name, input, expected] of rows) {
    test(name, () => check(input, expected, { typeAhead: true }));
  }

  test('without typeAhead the same text is exact', () => {
    check('dan va', [
      ['term', 'dan'],
      ['term', 'va'],
    ]);
  });
});
