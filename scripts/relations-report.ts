/**
 * Relations over the official-documents corpus: references found by kind, how many name a
 * document of the corpus itself (resolved by normalised number, as the archive resolves them),
 * effective dates found by type, and a fixed random sample of references with the sentence each
 * was read from, to judge by hand (right kind? right number?).
 *
 *   node --import tsx scripts/relations-report.ts [corpus.jsonl.gz] [--sample 50] [--seed 7] [--acts]
 *
 * `--acts` draws the sample from the acts only (amends, replaces, repeals, guides), leaving out
 * the legal basis (cites), which is most of the references.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { recordToDraft } from '../electron/core/importers/json';
import { blockText } from '../electron/core/archive/layout';
import {
  findReferences,
  normalizeNumber,
  RELATION_KINDS,
  type Reference,
} from '../electron/core/law/references';
import { effectiveDate } from '../electron/core/law/relations-effective';
import { referenceLabel } from '../electron/core/law/relations';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const file =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ??
  '/work/shared/corpus/official-documents-vn.jsonl.gz';
const SAMPLE = option('--sample', 50);
const SEED = option('--seed', 7);
const ACTS = args.includes('--acts');

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
const drafts = text
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => recordToDraft(JSON.parse(l), i + 1, `corpus-${i}`));
const numbers = new Set(
  drafts.filter((d) => d.docNumber).map((d) => normalizeNumber(d.docNumber!)),
);

const found = Object.fromEntries(RELATION_KINDS.map((k) => [k, 0])) as Record<string, number>;
const resolved = { ...found };
const numbered = { ...found };
const all: Array<{ from: string; ref: Reference }> = [];
const effective = new Map<string, { found: number; total: number }>();
let withRelations = 0;
const started = performance.now();
for (const d of drafts) {
  const texts = d.blocks.map(blockText);
  const refs = findReferences(texts, { title: d.title, ownNumber: d.docNumber, type: d.docType });
  if (refs.some((r) => r.kind !== 'cites')) withRelations++;
  for (const r of refs) {
    found[r.kind]++;
    if (r.number) numbered[r.kind]++;
    if (r.number && numbers.has(normalizeNumber(r.number))) resolved[r.kind]++;
    all.push({ from: d.docNumber ?? d.title, ref: r });
  }
  const type = d.docType ?? '(none)';
  const e = effective.get(type) ?? { found: 0, total: 0 };
  e.total++;
  if (effectiveDate(texts, d.date, d.docType)) e.found++;
  effective.set(type, e);
}
const ms = performance.now() - started;

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log(`${file}: ${drafts.length} documents, read in ${ms.toFixed(0)} ms`);
console.log(`documents that amend, replace, repeal or guide another: ${withRelations}`);
console.log('\nreferences by kind      found  numbered  in the corpus');
for (const k of RELATION_KINDS) {
  console.log(
    `  ${k.padEnd(20)} ${String(found[k]).padStart(6)}  ${String(numbered[k]).padStart(8)}  ${String(resolved[k]).padStart(6)} (${pct(resolved[k], numbered[k])} of numbered)`,
  );
}
const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
console.log(
  `  ${'all'.padEnd(20)} ${String(total(found)).padStart(6)}  ${String(total(numbered)).padStart(8)}  ${String(total(resolved)).padStart(6)}`,
);
console.log('\neffective dates found by type');
let eFound = 0;
for (const [type, e] of [...effective].sort((a, b) => b[1].total - a[1].total)) {
  eFound += e.found;
  console.log(`  ${type.padEnd(20)} ${e.found}/${e.total} (${pct(e.found, e.total)})`);
}
console.log(`  ${'all'.padEnd(20)} ${eFound}/${drafts.length} (${pct(eFound, drafts.length)})`);

// A fixed sample: Fisher–Yates with the seeded generator, the first SAMPLE taken.
const next = random(SEED);
const order = all.map((_, i) => i).filter((i) => !ACTS || all[i].ref.kind !== 'cites');
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
console.log(
  `\n${Math.min(SAMPLE, order.length)} ${ACTS ? 'acts' : 'references'} drawn with seed ${SEED}:`,
);
for (const [n, i] of order.slice(0, SAMPLE).entries()) {
  const { from, ref } = all[i];
  console.log(
    `\n#${n + 1} ${from} —${ref.kind}→ ${referenceLabel(ref)}${ref.date ? ` (${ref.date})` : ''} [block ${ref.blockIndex}]`,
  );
  console.log(`   ${ref.text.slice(0, 300)}`);
}
