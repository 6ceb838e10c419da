/**
 * OCR on this machine: character accuracy (1 − CER against the page's known text) and speed
 * (pages per minute from the median seconds a page) of the import path a user meets, for the
 * fixture scans (tests/fixtures/pdf/make.sh: one page at 200 dpi as JPEG in a PDF, JPEG, 1-bit PNG,
 * 1-bit TIFF) and for the four pages of the PDF whose fonts have no Unicode map (rendered, then
 * recognised). Each input is read `--runs` times (default 3). Run: npx tsx bench/ocr.ts [--runs N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFile } from '../electron/core/importers/index';
import { blockText } from '../electron/core/archive/layout';
import { isPageNumber } from '../electron/core/importers/pdf/furniture';
import { characterAccuracy } from '../tests/fixtures/pdf/accuracy';
import { machineFacts } from './machine';
import { machineLine } from './report';
import { median } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/pdf');
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;

const scanText = fs.readFileSync(path.join(FIXTURES, 'scan.txt'), 'utf8');
/** The typed decree's pages as poppler reads them, without the running header and page number. */
const decreePages = (
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'decree-pages.json'), 'utf8')) as string[]
).map((page) =>
  page
    .split('\n')
    .filter((l) => !l.startsWith('CÔNG BÁO/Số') && !isPageNumber(l))
    .join('\n'),
);

/** The known text of each input, whole: a paragraph carried over a page break counts once. */
const inputs: { name: string; known: string }[] = [
  { name: 'scan.pdf', known: scanText },
  { name: 'scan.jpg', known: scanText },
  { name: 'scan.png', known: scanText },
  { name: 'scan.tif', known: scanText },
  { name: 'no-unicode.pdf', known: decreePages.join('\n') },
];

interface Row {
  name: string;
  pages: number;
  seconds: number[];
  accuracy: number[];
}

async function measure(name: string, known: string): Promise<Row> {
  const row: Row = { name, pages: 0, seconds: [], accuracy: [] };
  for (let run = 0; run < RUNS; run++) {
    let last = performance.now();
    const onPage = () => {
      const now = performance.now();
      row.seconds.push((now - last) / 1000);
      last = now;
    };
    for await (const item of readFile(path.join(FIXTURES, name), { onPage })) {
      if (!item.ok) throw new Error(`${name}: ${item.error.describe('en')}`);
      row.pages = item.draft.pageCount ?? 1;
      row.accuracy.push(characterAccuracy(item.draft.blocks.map(blockText).join('\n'), known));
    }
  }
  return row;
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

console.log(machineLine(machineFacts(ROOT)));
console.log(
  `\nOCR (tesseract.js, vie LSTM model), ${RUNS} runs of each input, ${os.cpus().length} cores\n`,
);
console.log(
  '| input | pages | median s / page | pages / min | accuracy (median of runs) | accuracy (worst run) |',
);
console.log('| --- | --: | --: | --: | --: | --: |');
const all: Row[] = [];
for (const { name, known } of inputs) {
  const row = await measure(name, known);
  all.push(row);
  const s = median(row.seconds);
  console.log(
    `| ${name} | ${row.pages} | ${s.toFixed(1)} | ${(60 / s).toFixed(1)} | ${pct(median(row.accuracy))} | ${pct(Math.min(...row.accuracy))} |`,
  );
}
const seconds = all.flatMap((r) => r.seconds);
const accuracy = all.flatMap((r) => r.accuracy);
console.log(
  `| all | ${all.reduce((n, r) => n + r.pages, 0)} | ${median(seconds).toFixed(1)} | ${(60 / median(seconds)).toFixed(1)} | ${pct(median(accuracy))} | ${pct(Math.min(...accuracy))} |`,
);
