/**
 * `npx tsx scripts/extract-law-fixtures.ts`: copies a few real official documents from
 * ../shared/corpus/official-documents-vn.jsonl.gz into tests/fixtures/law/ (one JSON record a
 * file), so the structure tests run where the corpus is not present. Legal documents are not
 * protected by copyright (Law on Intellectual Property, Article 15).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CORPUS = '/work/shared/corpus/official-documents-vn.jsonl.gz';
const OUT = path.resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'law');
/** A law with Chương, Điều, khoản, điểm; two amending decrees; a circular issuing a regulation;
 * a consolidated text with forms in its appendix. */
const IDS = [
  'vlc-luat-cu-tru',
  'congbao-nghi-dinh-so-141-2026-nd-cp-469455',
  'congbao-nghi-dinh-so-132-2026-nd-cp-469348',
  'congbao-thong-tu-so-15-2022-tt-bldtbxh-37777',
  'congbao-van-ban-hop-nhat-so-605-vbhn-bldtbxh-41352',
];

const lines = zlib.gunzipSync(fs.readFileSync(CORPUS)).toString('utf8').split('\n');
fs.mkdirSync(OUT, { recursive: true });
for (const line of lines) {
  if (!line.trim()) continue;
  const record = JSON.parse(line) as { id: string };
  if (!IDS.includes(record.id)) continue;
  fs.writeFileSync(path.join(OUT, `${record.id}.json`), JSON.stringify(record, null, 1) + '\n');
  console.log(`${record.id}.json`);
}
