/**
 * `npx tsx scripts/law-structure-report.ts [corpus.jsonl.gz]`: how well the structure parser
 * (electron/core/law/structure.ts) reads the official documents of ../shared/corpus. For each
 * document, the lines "Điều N." (`^Điều \d+[a-zđ]?\.`) are the reference: the parse must find
 * each of them as one of the document's own Điều, in order, or leave it as quoted text of an
 * amendment. Prints the figures and the failures grouped by reason, with a few examples each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { blockText } from '../electron/core/archive/layout';
import { paragraphBlocks } from '../electron/core/importers/draft';
import { articlesOf, readStructure } from '../electron/core/law/structure';
import type { Block } from '../electron/core/model';

const DEFAULT = '/work/shared/corpus/official-documents-vn.jsonl.gz';
const REFERENCE = /^Điều \d+[a-zđ]?\./u;

interface Record {
  id: string;
  type: string | null;
  title: string;
  body: string;
}

export interface DocumentCheck {
  /** Lines matching the reference pattern. */
  lines: number;
  /** Of those, found as the document's own Điều. */
  own: number;
  /** Of those, left as quoted text. */
  quoted: number;
  /** Of those, part of an appendix or a form (a template decision in a Mẫu số). */
  inForms: number;
  /** Of those, left as text: out of sequence, the next Điều in sequence still to come. */
  stray: number;
  /** Neither: missed by the parse (the reason of a failure). */
  missed: number[];
  /** Own Điều out of order: one not following the previous (a restart at 1 is allowed). */
  disorder: string[];
  restarts: number;
  /** Own Điều from lines not matching the pattern ("Điều 4:", bare "Điều 32"). */
  otherForms: number;
  ok: boolean;
}

/** Whether each reference line was found, and whether the Điều found follow one another. */
export function checkDocument(blocks: readonly Block[]): DocumentCheck {
  const { structure, quoted, outOfSequence } = readStructure(blocks);
  const stray = new Set(outOfSequence);
  const own = new Set(structure ? articlesOf(structure).map((s) => s.start) : []);
  const inForms = new Set<number>();
  for (const section of structure?.sections ?? []) {
    if (section.kind !== 'phu-luc' && section.kind !== 'mau') continue;
    for (let i = section.start; i < section.end; i++) inForms.add(i);
  }
  const check: DocumentCheck = {
    lines: 0,
    own: 0,
    quoted: 0,
    inForms: 0,
    stray: 0,
    missed: [],
    disorder: [],
    restarts: 0,
    otherForms: 0,
    ok: false,
  };
  blocks.forEach((block, i) => {
    if (!REFERENCE.test(blockText(block).trim())) return;
    check.lines++;
    if (own.has(i)) check.own++;
    else if (quoted[i]) check.quoted++;
    else if (inForms.has(i)) check.inForms++;
    else if (stray.has(i)) check.stray++;
    else check.missed.push(i);
  });
  let previous: { n: number; letter: string } | null = null;
  for (const section of structure ? articlesOf(structure) : []) {
    if (!REFERENCE.test(blockText(blocks[section.start]).trim())) check.otherForms++;
    const m = section.number.match(/^(\d+)(.*)$/)!;
    const current = { n: Number(m[1]), letter: m[2] };
    if (previous) {
      const next =
        (current.n === previous.n + 1 && current.letter === '') ||
        (current.n === previous.n && current.letter > previous.letter);
      if (current.n === 1 && current.letter === '' && previous.n > 1) check.restarts++;
      else if (!next) check.disorder.push(`${previous.n}${previous.letter}→${section.number}`);
    } else if (current.n !== 1) check.disorder.push(`start→${section.number}`);
    previous = current;
  }
  check.ok = check.missed.length === 0 && check.disorder.length === 0;
  return check;
}

function reasonOf(check: DocumentCheck): string {
  if (check.lines === 0 && check.own === 0)
    return 'no Điều at all (a directive, a resolution in prose)';
  if (check.missed.length) return 'a "Điều N." line not taken as a Điều';
  if (check.disorder.some((d) => d.startsWith('start'))) return 'first Điều is not Điều 1';
  if (check.disorder.every((d) => /^(\d+)[a-zđ]*→(\d+)$/u.test(d) && gapForward(d))) {
    return 'numbers skip forward, every line found (the text itself lacks those Điều)';
  }
  return 'Điều out of order (a step back: a quoted Điều taken as own, or one missed)';
}

function gapForward(step: string): boolean {
  const [from, to] = step.split('→').map((x) => parseInt(x, 10));
  return to > from;
}

function main() {
  const file = process.argv[2] ?? DEFAULT;
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  const records = lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as Record);
  let ok = 0;
  let withQuotes = 0;
  let withRestarts = 0;
  let withOtherForms = 0;
  let totalLines = 0;
  let totalOwn = 0;
  let totalQuoted = 0;
  let totalInForms = 0;
  let totalStray = 0;
  let withStray = 0;
  const failures = new Map<string, string[]>();
  const times: number[] = [];
  const sizes: Array<{ id: string; bytes: number; blocks: number }> = [];
  for (const record of records) {
    const blocks = paragraphBlocks(record.body);
    const t0 = performance.now();
    const structure = readStructure(blocks).structure;
    times.push(performance.now() - t0);
    sizes.push({ id: record.id, bytes: JSON.stringify(structure).length, blocks: blocks.length });
    const check = checkDocument(blocks);
    totalLines += check.lines;
    totalOwn += check.own;
    totalQuoted += check.quoted;
    totalInForms += check.inForms;
    totalStray += check.stray;
    if (check.stray) withStray++;
    if (check.quoted) withQuotes++;
    if (check.restarts) withRestarts++;
    if (check.otherForms) withOtherForms++;
    if (check.ok && check.own + check.otherForms > 0) {
      ok++;
      continue;
    }
    const reason = reasonOf(check);
    const detail =
      `${record.id} (${record.type ?? '?'}): ${check.own}/${check.lines} own, ${check.quoted} quoted` +
      (check.missed.length ? `, missed at blocks ${check.missed.slice(0, 5).join(',')}` : '') +
      (check.disorder.length ? `, order ${check.disorder.slice(0, 4).join(' ')}` : '');
    failures.set(reason, [...(failures.get(reason) ?? []), detail]);
  }
  const pct = (n: number) => `${((100 * n) / records.length).toFixed(1)}%`;
  console.log(`documents: ${records.length}`);
  console.log(`every "Điều N." line found, in order: ${ok} (${pct(ok)})`);
  const missed = totalLines - totalOwn - totalQuoted - totalInForms - totalStray;
  console.log(
    `"Điều N." lines: ${totalLines}; own Điều: ${totalOwn}; quoted (amendments): ${totalQuoted}; ` +
      `inside appendix forms: ${totalInForms}; left as text, out of sequence: ${totalStray} ` +
      `(in ${withStray} documents); missed: ${missed}`,
  );
  console.log(
    `documents with quoted Điều: ${withQuotes}; with a restart at Điều 1 (attached regulation): ` +
      `${withRestarts}; with Điều in other forms ("Điều 4:", bare "Điều 32"): ${withOtherForms}`,
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(
    `parse time per document: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, ` +
      `max ${times.at(-1)!.toFixed(2)} ms`,
  );
  sizes.sort((a, b) => b.bytes - a.bytes);
  const median = sizes[Math.floor(sizes.length / 2)].bytes;
  console.log(
    `structure as JSON (the article view's \`structure\`): median ${(median / 1024).toFixed(1)} KB, ` +
      `largest ${(sizes[0].bytes / 1024).toFixed(0)} KB (${sizes[0].id}, ${sizes[0].blocks} blocks)`,
  );
  for (const [reason, docs] of [...failures].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\n${reason}: ${docs.length}`);
    for (const d of docs.slice(0, 6)) console.log(`  ${d}`);
  }
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) main();
