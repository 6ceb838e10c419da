/**
 * The cost of the snippets of a results page: for each query, the 20 longest articles holding all
 * its syllables (laws of 300,000 characters first: the worst page), each snippet made as the
 * results page makes it. Queries: fixed ones (common syllables, a law's wording) and 2–4
 * consecutive syllables of titles drawn with a seeded PRNG. Prints the page time's median and p95
 * and how many marks hold several words. Given other snippet modules (an older version put beside
 * this one's, e.g. `git show REV:electron/core/search/snippet.ts > electron/core/search/old.ts`),
 * it measures each on the same pages, in alternation (the machine's noise falls on all alike),
 * and prints their medians' ratio to the first:
 *
 *   npx tsx bench/snippets.ts [path/to/snippet.ts ...]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseQuery } from '../electron/core/search/query-parser';
import { foldDiacritics } from '../electron/core/text/vietnamese';
import { distribution, prng, shuffle } from './stats';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const PAGE = 20;
const ROUNDS = 5;

type MakeSnippet = (
  paragraphs: readonly string[],
  clauses: ReturnType<typeof parseQuery>['clauses'],
) => string;

function read(file: string, limit: number): Array<{ title: string; paragraphs: string[] }> {
  const lines = zlib
    .gunzipSync(fs.readFileSync(path.join(CORPUS, file)))
    .toString('utf8')
    .split('\n');
  return lines
    .filter((l) => l.trim())
    .slice(0, limit)
    .map((l) => {
      const r = JSON.parse(l) as { title: string; summary?: string; body: string };
      const body = r.body
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean);
      return { title: r.title, paragraphs: [r.summary ?? '', ...body] };
    });
}

interface Module {
  name: string;
  makeSnippet: MakeSnippet;
  pages: number[];
  marks: number;
  several: number;
}

async function main() {
  const paths =
    process.argv.length > 2 ? process.argv.slice(2) : ['electron/core/search/snippet.ts'];
  const modules: Module[] = [];
  for (const p of paths) {
    const { makeSnippet } = (await import(path.resolve(p))) as { makeSnippet: MakeSnippet };
    modules.push({ name: p, makeSnippet, pages: [], marks: 0, several: 0 });
  }
  const docs = [
    ...read('official-documents-vn.jsonl.gz', 451),
    ...read('baomoi-2017-35k.jsonl.gz', 3000),
  ].map((d) => ({
    ...d,
    folded: ` ${foldDiacritics(d.paragraphs.join(' ').toLowerCase()).replace(/[^a-z0-9]+/g, ' ')} `,
  }));

  const random = prng(20261207);
  const queries = [
    'nghi quyet dan van',
    'cua va',
    'nguoi chua thanh nien co the co noi cu tru khac',
    'ủy ban nhân dân',
  ];
  for (const d of shuffle([...docs], random).slice(0, 60)) {
    const words = d.title.split(/\s+/).filter((w) => /^[\p{L}]+$/u.test(w));
    if (words.length < 4) continue;
    const n = 2 + Math.floor(random() * 3);
    const at = Math.floor(random() * (words.length - n));
    queries.push(words.slice(at, at + n).join(' '));
  }

  let pageCount = 0;
  for (const query of queries) {
    const clauses = parseQuery(query).clauses;
    const syllables = clauses.flatMap((c) => c.tokens.map((t) => ` ${t.folded} `));
    const page = docs
      .filter((d) => syllables.every((s) => d.folded.includes(s)))
      .sort((a, b) => b.folded.length - a.folded.length)
      .slice(0, PAGE);
    if (!page.length) continue;
    pageCount++;
    for (let round = 0; round < ROUNDS; round++) {
      for (const m of modules) {
        const start = process.hrtime.bigint();
        const html = page.map((d) => m.makeSnippet(d.paragraphs, clauses));
        m.pages.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (round > 0) continue;
        for (const h of html) {
          const marks = [...h.matchAll(/<mark>(.*?)<\/mark>/g)].map((x) => x[1]);
          m.marks += marks.length;
          m.several += marks.filter((x) => /\s/.test(x)).length;
        }
      }
    }
  }
  console.log(
    `${pageCount} pages of ${PAGE} (longest articles holding the query first), ${ROUNDS} rounds`,
  );
  const base = distribution(modules[0].pages);
  for (const m of modules) {
    const d = distribution(m.pages);
    const ratio = m === modules[0] ? '' : `, median ×${(d.p50 / base.p50).toFixed(2)} of the first`;
    console.log(
      `${m.name}: page median ${d.p50.toFixed(2)} ms, p95 ${d.p95.toFixed(2)} ms, max ${d.max.toFixed(2)} ms${ratio}; ` +
        `${m.marks} marks, ${m.several} of several words`,
    );
  }
}

await main();
