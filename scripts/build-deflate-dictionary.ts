/**
 * `npx tsx scripts/build-deflate-dictionary.ts`: writes electron/core/store/deflate-dictionary.ts,
 * the preset dictionary article text is deflated with (store/blocks.ts). It is built from the
 * official documents of ../shared/corpus (free to ship: Law on Intellectual Property, Article
 * 15), never from the news: the words that carry the most bytes across them, the most valuable
 * last (DEFLATE reaches the end of a dictionary with the shortest distances), then the JSON that
 * joins two paragraphs.
 *
 * Run once. The file it writes is part of the storage format: archives hold text deflated with
 * it, so once shipped it may never change. A new dictionary would need a new mark byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const DOCUMENTS = path.resolve(root, '..', 'shared', 'corpus', 'official-documents-vn.jsonl.gz');
const OUT = path.join(root, 'electron', 'core', 'store', 'deflate-dictionary.ts');
/**
 * On 2,000 news articles of a 100k bench archive: 19.4 % smaller than deflated without one (8 KB:
 * 18.2 %), for about 60 µs more CPU per article deflated and 15 µs per article read back.
 */
const SIZE = 16_000;
const JOINT = '"},{"type":"p","text":"';
/**
 * Words of letters, perhaps closed by a comma or full stop: no numbers of documents nor dotted
 * leaders, which are long but hardly ever in news (nor a quote, which the file's strings hold).
 */
const WORD = /^\p{L}+[,.;:]?$/u;

const counts = new Map<string, number>();
const lines = zlib.gunzipSync(fs.readFileSync(DOCUMENTS)).toString('utf8').split('\n');
for (const line of lines) {
  if (!line.trim()) continue;
  const body = String((JSON.parse(line) as { body?: unknown }).body ?? '').normalize('NFC');
  for (const word of body.split(/\s+/u)) {
    if (WORD.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
}
const bytes = (w: string) => Buffer.byteLength(`${w} `);
const valued = [...counts].sort(
  (a, b) => b[1] * bytes(b[0]) - a[1] * bytes(a[0]) || (a[0] < b[0] ? -1 : 1),
);
const chosen: string[] = [];
let size = Buffer.byteLength(JOINT);
for (const [word] of valued) {
  if (size + bytes(word) > SIZE) break;
  chosen.push(word);
  size += bytes(word);
}
chosen.reverse(); // the most valuable last

const out: string[] = [];
let current = '';
for (const word of chosen) {
  if (current && Buffer.byteLength(current) + bytes(word) > 90) {
    out.push(current);
    current = '';
  }
  current += `${word} `;
}
if (current) out.push(current);

fs.writeFileSync(
  OUT,
  `/**
 * The preset dictionary of article text (store/blocks.ts), written by
 * scripts/build-deflate-dictionary.ts from the official documents of the corpus: ${chosen.length} words,
 * ${size} bytes. Part of the storage format: archives hold text deflated with it, so it never
 * changes. Do not edit or reformat the strings.
 */
export const DEFLATE_DICTIONARY = [
${out.map((l) => `  '${l}',`).join('\n')}
  '${JOINT}',
].join('');
`,
);
console.log(
  `${path.relative(root, OUT)}: ${chosen.length} words, ${size} bytes, ${out.length + 1} lines`,
);
