/**
 * Office import, file by file: the median and spread of reading each file into its draft (or
 * its refusal), and the process's peak RSS while doing so — each file in a fresh child process,
 * so one file's memory is not another's. Prints figures; passes or fails nothing.
 *
 *   npx tsx bench/office-import.ts [--runs N] [--large] [FILE…]
 *
 * Without files: every fixture of tests/fixtures/office. `--large` adds the corpus's longest
 * official document as a .docx and an .odt (made here with LibreOffice headless from HTML).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFile } from '../electron/core/importers/index';
import { peakRssBytes } from './memory';
import { distribution } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/office');
const CORPUS = '/work/shared/corpus/official-documents-vn.jsonl.gz';

async function child(file: string, runs: number): Promise<void> {
  const times: number[] = [];
  let outcome = '';
  let chars = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for await (const item of readFile(file)) {
      outcome = item.ok ? 'imported' : item.error.code;
      chars = item.ok ? item.draft.blocks.reduce((n, b) => n + JSON.stringify(b).length, 0) : 0;
    }
    times.push(performance.now() - start);
  }
  const d = distribution(times);
  console.log(JSON.stringify({ outcome, chars, median: d.p50, max: d.max, peak: peakRssBytes() }));
}

/** The longest official document of the corpus as HTML, converted to docx and odt. */
function large(dir: string): string[] {
  let longest = { body: '', title: '' };
  for (const line of gunzipSync(fs.readFileSync(CORPUS)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (r.body.length > longest.body.length) longest = r;
  }
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = longest.body.split(/\n\s*\n/).map((p) => `<p>${esc(p.trim())}</p>`);
  const html = path.join(dir, 'longest.html');
  fs.writeFileSync(
    html,
    `<html><meta charset="utf-8"><body>${paragraphs.join('\n')}</body></html>`,
  );
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  for (const format of ['docx:MS Word 2007 XML', 'odt']) {
    execFileSync('soffice', [profile, '--headless', '--convert-to', format, '--outdir', dir, html]);
  }
  console.log(`longest document: ${longest.title.slice(0, 60)}… (${longest.body.length} chars)`);
  return [path.join(dir, 'longest.docx'), path.join(dir, 'longest.odt')];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], Number(args[2]));
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 9;
  const withLarge = args.includes('--large');
  let files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    files = fs
      .readdirSync(FIXTURES)
      .filter((f) => /\.(docx|doc|odt)$/.test(f))
      .map((f) => path.join(FIXTURES, f));
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'office-bench-'));
  try {
    if (withLarge) files.push(...large(tmp));
    console.log(`${runs} runs a file; node ${process.version}, ${os.cpus().length} cores`);
    console.log(
      'file                     size      outcome                    median    max   peak RSS',
    );
    for (const file of files) {
      const out = spawnSync(
        process.execPath,
        ['--import', 'tsx', import.meta.filename, '--child', file, String(runs)],
        { encoding: 'utf8', cwd: ROOT },
      );
      if (out.status !== 0) {
        console.log(`${path.basename(file)}: failed\n${out.stderr}`);
        continue;
      }
      const r = JSON.parse(out.stdout.trim().split('\n').pop()!);
      const kb = `${(fs.statSync(file).size / 1024).toFixed(0)} KB`;
      console.log(
        `${path.basename(file).padEnd(24)} ${kb.padStart(8)}  ${r.outcome.padEnd(24)} ${r.median.toFixed(1).padStart(7)} ms ${r.max.toFixed(1).padStart(6)} ms ${(r.peak / 1024 / 1024).toFixed(0).padStart(5)} MB`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
